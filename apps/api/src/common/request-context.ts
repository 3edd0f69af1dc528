import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';

/**
 * What every log line and every audit row of a request says about where it comes from. Held in
 * an `AsyncLocalStorage` (Node's own; no library needed for one store): the audit service and
 * the loggers read it wherever they run, without the request being passed down the layers.
 * The session is read lazily from the request, because the auth guard resolves it later than
 * the context is opened.
 */
export interface RequestContext {
  requestId: string;
  /** The client address as Express computes it (`trust proxy` honoured). */
  clientAddress: string | null;
  userAgent: string | null;
  /** The request itself: `actor` (with its session) is set on it by the auth guard. */
  request?: Request & { actor?: { id: string; sessionId: string } };
}

const storage = new AsyncLocalStorage<RequestContext>();

/** An incoming `X-Request-Id` is kept only when it is a short token that cannot forge a log line. */
const SAFE_REQUEST_ID = /^[A-Za-z0-9][A-Za-z0-9._:-]{7,63}$/;

export const REQUEST_ID_HEADER = 'X-Request-Id';

export function acceptedRequestId(header: string | undefined): string | null {
  return header !== undefined && SAFE_REQUEST_ID.test(header) ? header : null;
}

type RequestWithId = Request & { id?: string };

/** The id of this request (given by `assignRequestId`). */
export function requestIdOf(req: Request): string {
  const withId = req as RequestWithId;
  return (withId.id ??= acceptedRequestId(req.header(REQUEST_ID_HEADER)) ?? randomUUID());
}

/**
 * First middleware: every request gets an id (the caller's `X-Request-Id` when it is a safe short
 * token, else a new UUID), echoed in the response's `X-Request-Id` header.
 */
export function assignRequestId(req: Request, res: Response, next: NextFunction): void {
  res.setHeader(REQUEST_ID_HEADER, requestIdOf(req));
  next();
}

const USER_AGENT_MAX = 300;

/**
 * Opens the request's context. Mounted after the body and cookie parsers: their callbacks run
 * outside the request's asynchronous context, so a store opened before them would be lost.
 */
export function openRequestContext(req: Request, _res: Response, next: NextFunction): void {
  storage.run(
    {
      requestId: requestIdOf(req),
      clientAddress: req.ip ?? null,
      userAgent: req.header('user-agent')?.slice(0, USER_AGENT_MAX) ?? null,
      request: req,
    },
    next,
  );
}

/** The context of the request being served, if any (none in start-up code or timers). */
export function currentRequestContext(): RequestContext | undefined {
  return storage.getStore();
}

/** Runs `work` inside a context (background jobs, the CLI, tests). */
export function runWithContext<T>(context: RequestContext, work: () => T): T {
  return storage.run(context, work);
}

/** The session and account the current request is authenticated with, if any. */
export function currentSession(): { sessionId: string; actorId: string } | null {
  const actor = storage.getStore()?.request?.actor;
  return actor ? { sessionId: actor.sessionId, actorId: actor.id } : null;
}
