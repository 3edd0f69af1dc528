/**
 * `@nec/domain/history`: the fictitious history of NEC locals used by the demo seed, the tests and
 * the benches — a pure, deterministic generator, apart from the API code that persists it. Its
 * own entry, so that no browser bundle of the domain pulls it in.
 */
export * from './generate.js';
