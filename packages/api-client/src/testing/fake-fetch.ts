// What the client's tests share: a fake `fetch` and canned answers, and a route of no feature.
import { route } from '@nec/contracts/route';
import { z } from 'zod';

/** One request the fake `fetch` received. */
export interface Sent {
  url: string;
  init: RequestInit;
}

/** A fake `fetch` answering from a list of canned responses, recording what was sent. */
export function fakeFetch(...answers: (() => Response)[]) {
  const sent: Sent[] = [];
  const fetch = (input: string | URL | Request, init: RequestInit = {}) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    sent.push({ url, init });
    const next = answers.shift();
    if (!next) throw new Error(`unexpected request ${url}`);
    return Promise.resolve(next());
  };
  return { fetch, sent };
}

/** A JSON answer with its status (and headers), made when the fake `fetch` gives it. */
export const json =
  (status: number, body: unknown, headers: Record<string, string> = {}) =>
  () =>
    new Response(JSON.stringify(body), {
      status,
      headers: { 'Content-Type': 'application/json', ...headers },
    });

/** A write of no feature of the contract: what a client does with a route it was given. */
export const things = {
  create: route({
    method: 'POST',
    path: '/api/things',
    summary: 'Créer une chose',
    tag: 'Essai',
    body: z.object({ name: z.string() }),
    status: 201,
    response: z.object({ id: z.string() }),
  }),
};

/** A read of no feature of the contract, with a path parameter and a query. */
export const thingReads = {
  get: route({
    method: 'GET',
    path: '/api/things/:id',
    summary: 'Lire une chose',
    tag: 'Essai',
    params: z.object({ id: z.string() }),
    query: z.object({ detail: z.boolean().optional() }),
    status: 200,
    response: z.object({ id: z.string(), name: z.string() }),
  }),
};
