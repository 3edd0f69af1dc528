// Written by `pnpm --filter @nec/contracts read-paths` from the contract: do not edit.
// The path of every read (GET route) by feature and name, and nothing else — no schema: a client
// can send a feature's first read while that feature's schemas are still loading
// (`readPaths` of `createLazyApiClientFor`).
export const readPaths = {
  service: {
    health: '/api/health',
    rootHealth: '/health',
    ping: '/api/ping',
  },
  auth: {
    session: '/api/auth/session',
    sessions: '/api/account/sessions',
  },
  account: {
    export: '/api/account/export',
  },
  campaigns: {
    list: '/api/campaigns',
    forEvent: '/api/campaigns/for-event',
    get: '/api/campaigns/:id',
  },
  adminCampaigns: {
    listInstructors: '/api/admin/campaigns/:id/instructors',
  },
  organisations: {
    mine: '/api/organisations/mine',
  },
  memberships: {
    invitations: '/api/organisations/:id/invitations',
    invitationPreview: '/api/invitations/:token/preview',
    invitation: '/api/invitations/:token',
    myJoinRequests: '/api/organisations/join-requests/mine',
    joinRequests: '/api/organisations/:id/join-requests',
  },
  dossiers: {
    list: '/api/dossiers',
    get: '/api/dossiers/:id',
    eligibility: '/api/dossiers/:id/eligibility',
  },
  attachments: {
    list: '/api/dossiers/:id/attachments',
    download: '/api/dossiers/:id/attachments/:attachmentId',
  },
  exchanges: {
    listInformationRequests: '/api/dossiers/:id/information-requests',
    listMessages: '/api/dossiers/:id/messages',
  },
  instruction: {
    queue: '/api/instruction/dossiers',
    listNotes: '/api/instruction/dossiers/:id/notes',
  },
  agents: {
    list: '/api/admin/agents',
    sessions: '/api/admin/agents/:id/sessions',
  },
  agreements: {
    pdf: '/api/dossiers/:id/agreement.pdf',
    listCommittees: '/api/instruction/dossiers/:id/committees',
  },
  scoring: {
    getScores: '/api/instruction/dossiers/:id/scores',
    ranking: '/api/instruction/campaigns/:campaignId/ranking',
  },
  reference: {
    territories: '/api/territories',
    charters: '/api/charters',
    contacts: '/api/service-contacts',
    charter: '/api/charters/:version',
  },
  bilans: {
    get: '/api/dossiers/:id/bilan',
  },
  nationalEditions: {
    list: '/api/national-editions',
  },
  exports: {
    dossiersCsv: '/api/exports/dossiers.csv',
    dossiersXlsx: '/api/exports/dossiers.xlsx',
    bilansCsv: '/api/exports/bilans.csv',
    bilansXlsx: '/api/exports/bilans.xlsx',
  },
  reporting: {
    overview: '/api/reporting/overview',
    nationalEditions: '/api/reporting/national-editions',
    breakdown: '/api/reporting/breakdowns/:dimension',
    distribution: '/api/reporting/distributions/:figure',
    events: '/api/reporting/events',
    workbook: '/api/reporting/workbook.xlsx',
    event: '/api/reporting/events/:id',
  },
  publicReporting: {
    overview: '/api/public/reporting/overview',
    breakdown: '/api/public/reporting/breakdowns/:dimension',
    nationalEditions: '/api/public/reporting/national-editions',
  },
  openData: {
    necLocauxCsv: '/api/open-data/nec-locaux.csv',
    necLocauxSchema: '/api/open-data/nec-locaux.schema.json',
  },
  audit: {
    list: '/api/admin/audit',
    forDossier: '/api/admin/audit/dossiers/:id',
  },
} as const satisfies Record<string, Record<string, `/${string}`>>;
