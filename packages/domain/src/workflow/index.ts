export * from './states.js';
export * from './roles.js';
export * from './events.js';
export * from './context.js';
export * from './requirements.js';
export * from './transitions.js';
export * from './machine.js';
