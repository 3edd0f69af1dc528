/**
 * `@nec/contracts` — what every route of the API takes and returns, as zod schemas derived from
 * `@nec/domain`. The API validates and documents with it; the apps' client is typed by it.
 *
 * @packageDocumentation
 */
import { account } from './account.js';
import { agents } from './agents.js';
import { agreements } from './agreements.js';
import { attachments } from './attachments.js';
import { audit } from './audit.js';
import { bilans, nationalEditions } from './bilans.js';
import { auth } from './auth.js';
import { adminCampaigns, campaigns } from './campaigns.js';
import { dossiers } from './dossiers.js';
import { exchanges, instruction } from './instruction.js';
import { service } from './health.js';
import { exportRoutes } from './exports.js';
import { memberships } from './memberships.js';
import { organisations } from './organisations.js';
import type { RouteDefinition } from './route.js';
import { reference } from './reference.js';
import { openData, publicReporting, reporting } from './reporting.js';
import { scoring } from './scoring.js';

export * from './route.js';
export * from './errors.js';
export * from './page.js';
export * from './strict-deep.js';
export * from './draft-body.js';
export * from './auth.js';
export * from './return-path.js';
export * from './campaigns.js';
export * from './organisations.js';
export * from './memberships.js';
export * from './dossiers.js';
export * from './account.js';
export * from './health.js';
export * from './agents.js';
export * from './agreements.js';
export * from './scoring.js';
export * from './reference.js';
export * from './instruction.js';
export * from './attachments.js';
export * from './bilans.js';
export * from './edition-totals.js';
export * from './exports.js';
export * from './reporting.js';
export * from './audit.js';

/** Every route of the API, grouped by feature (the client's groups have the same names). */
export const contract = {
  service,
  auth,
  account,
  campaigns,
  adminCampaigns,
  organisations,
  memberships,
  dossiers,
  attachments,
  exchanges,
  instruction,
  agents,
  agreements,
  scoring,
  reference,
  bilans,
  nationalEditions,
  exports: exportRoutes,
  reporting,
  publicReporting,
  openData,
  audit,
} satisfies Record<string, Record<string, RouteDefinition>>;
export type Contract = typeof contract;

/** The contract as a flat list, for the documentation, the tests and the route matcher. */
export function allRoutes(): { feature: string; name: string; definition: RouteDefinition }[] {
  return Object.entries(contract).flatMap(([feature, routes]) =>
    Object.entries(routes as Record<string, RouteDefinition>).map(([name, definition]) => ({
      feature,
      name,
      definition,
    })),
  );
}
