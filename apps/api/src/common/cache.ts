import type { NextFunction, Request, Response } from 'express';

/** What a route serving public reference data (campaigns, open data) may be cached for. */
export const PUBLIC_CACHE = 'public, max-age=300';

/**
 * Nothing the API answers may be kept by a browser or a proxy by default: most answers hold
 * personal data (dossiers, accounts, messages, audit entries). The few routes serving public
 * reference data override it with {@link PUBLIC_CACHE} (`@Header`, set after this middleware).
 */
export function noStoreByDefault(_req: Request, res: Response, next: NextFunction): void {
  res.setHeader('Cache-Control', 'no-store');
  next();
}
