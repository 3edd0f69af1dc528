export * from './charter.js';
export * from './charters.data.js';
export * from './principles.js';
export * from './acceptance.js';
export * from './current.js';
