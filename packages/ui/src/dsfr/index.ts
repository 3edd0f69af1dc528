export { necIcons } from './icons.js';
