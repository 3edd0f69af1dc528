/**
 * `@nec/domain` — the rules of Numérique en Commun[s], written once.
 *
 * Every export takes plain data and returns plain data (or a typed result), so it runs the
 * same in Node (the API) and in the browser (the portal, the reporting app). No framework,
 * no I/O: only zod.
 *
 * @packageDocumentation
 */
export * from './shared/result.js';
export * from './shared/money.js';
export * from './shared/amount-in-words.js';
export * from './shared/dates.js';
export * from './shared/issues.js';
export * from './shared/drafts.js';
export * from './shared/safe-input.js';
export * from './shared/email.js';
export * from './organisations/index.js';
export * from './territories/shapes.js';
export * from './calls/index.js';
export * from './charter/index.js';
export * from './dossiers/index.js';
export * from './budget/index.js';
export * from './eligibility/index.js';
export * from './workflow/index.js';
export * from './scoring/index.js';
export * from './bilans/index.js';
