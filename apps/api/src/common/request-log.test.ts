import { createServer, request as httpRequest, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { NextFunction, Request, Response } from 'express';
import { afterEach, describe, expect, it } from 'vitest';
import { parseConfig } from '../config/config.js';
import { createLogger } from './logger.js';
import { logRequests } from './request-log.js';

let server: Server | undefined;
afterEach(() => {
  server?.close();
  server = undefined;
});

/**
 * A real HTTP server whose handler answers `status` after the middleware ran (`hang`: never
 * answers). Express' few request helpers the middleware reads are added by hand.
 */
async function serve(answer: { status: number } | 'hang', level = 'info') {
  const raw: string[] = [];
  const logger = createLogger(parseConfig({ NEC_LOG_LEVEL: level }), {
    write: (line: string) => raw.push(line),
  });
  const middleware = logRequests(logger);
  server = createServer((incoming, res) => {
    const req = Object.assign(incoming, {
      originalUrl: incoming.url,
      ip: '127.0.0.1',
      header: (name: string) => incoming.headers[name.toLowerCase()],
    }) as unknown as Request;
    const next: NextFunction = () => {
      if (answer === 'hang') return;
      res.statusCode = answer.status;
      res.end('{}');
    };
    middleware(req, res as unknown as Response, next);
  });
  await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const lines = () => raw.map((l) => JSON.parse(l) as Record<string, unknown>);
  return { port, lines };
}

const get = (port: number, path: string, headers: Record<string, string> = {}) =>
  new Promise<IncomingMessage>((resolve, reject) => {
    const req = httpRequest({ port, path, headers }, (res) => {
      res.resume();
      res.on('end', () => resolve(res));
    });
    req.on('error', reject);
    req.end();
  });

const until = async (check: () => boolean) => {
  for (let i = 0; i < 100 && !check(); i += 1) await new Promise((r) => setTimeout(r, 10));
};

describe('one line per request', () => {
  it('says method, path with its query masked, status, duration, address and request id', async () => {
    const { port, lines } = await serve({ status: 200 });
    await get(port, '/api/dossiers?jeton=secret-123', { 'X-Request-Id': 'proxy-4f9c2a7e.01' });
    await until(() => lines().length > 0);
    expect(lines()).toEqual([
      expect.objectContaining({
        level: 'info',
        event: 'http.request',
        requestId: 'proxy-4f9c2a7e.01',
        method: 'GET',
        path: expect.stringMatching(/^\/api\/dossiers\?jeton=(?!secret-123)/) as unknown,
        status: 200,
        durationMs: expect.any(Number) as unknown,
        clientAddress: '127.0.0.1',
        msg: 'GET 200',
      }),
    ]);
  });

  it('writes an answer ≥ 500 as an error', async () => {
    const { port, lines } = await serve({ status: 503 });
    await get(port, '/api/ping');
    await until(() => lines().length > 0);
    expect(lines()[0]).toMatchObject({ level: 'error', status: 503 });
  });

  it('writes a request the client gave up on as a warning', async () => {
    const { port, lines } = await serve('hang');
    const req = httpRequest({ port, path: '/api/exports' });
    req.on('error', () => undefined);
    req.end();
    await new Promise((r) => setTimeout(r, 50));
    req.destroy();
    await until(() => lines().length > 0);
    expect(lines()[0]).toMatchObject({ level: 'warn', aborted: true, path: '/api/exports' });
  });

  it('writes nothing when the level is above info', async () => {
    const { port, lines } = await serve({ status: 200 }, 'warn');
    await get(port, '/api/ping');
    await new Promise((r) => setTimeout(r, 30));
    expect(lines()).toEqual([]);
  });
});
