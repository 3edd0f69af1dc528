import { contract, type ResponseOf } from '@nec/contracts';
import { describe, expect, it } from 'vitest';
import { Route } from './route.js';

// The typecheck is the test: a handler whose return type is not the route's response does not
// compile (`@ts-expect-error` fails the typecheck if the error ever disappears).
class Handlers {
  @Route(contract.service.ping)
  ping(): ResponseOf<typeof contract.service.ping> {
    return { pong: true };
  }

  // @ts-expect-error — `pong` must be `true`, not a string
  @Route(contract.service.ping)
  wrongValue(): { pong: string } {
    return { pong: 'oui' };
  }

  // @ts-expect-error — a campaign is not a session
  @Route(contract.auth.session)
  wrongShape(): Promise<{ items: unknown[] }> {
    return Promise.resolve({ items: [] });
  }
}

describe('@Route', () => {
  it('binds the handler to the contract’s method and path', () => {
    const handler = Object.getOwnPropertyDescriptor(Handlers.prototype, 'ping')?.value as object;
    expect(Reflect.getMetadata('path', handler)).toBe('/api/ping');
  });
});
