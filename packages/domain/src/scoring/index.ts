export * from './criteria.js';
export * from './descriptions.js';
export * from './score-sheet.js';
export * from './score-dossier.js';
export * from './rank.js';
