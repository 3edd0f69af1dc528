export * from './budget.js';
export * from './bounds.js';
export * from './checks.js';
