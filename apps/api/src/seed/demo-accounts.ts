import type { OrganisationCategory, Role } from '@nec/domain';

/**
 * The demonstration data's accounts and structures, as data: the README lists the same accounts.
 * Everything here is invented (`.example` addresses, made-up names, SIRETs in the 99999… range
 * with valid checksums). Never load this data into a production database.
 */

/** One password for every demo account (documented in the README). */
export const DEMO_PASSWORD = 'demo-nec-2026!';

/**
 * The demo agents' second-factor secret (TOTP, base32), enrolled by the seed: published like the
 * password, so anyone trying the demo can sign in as an agent. `node dist/cli/demo-code.js`
 * prints the current code; any authenticator app accepts the secret too.
 */
export const DEMO_TOTP_SECRET = 'WED65RS7TCGFOSVVCU7IS2YFVDUV5FKI';

export interface DemoAccount {
  key: 'admin' | 'instructor' | 'analyst' | 'applicant' | 'volunteer';
  role: Role;
  /** What the account is for, in French, as printed at the end of the seed. */
  label: string;
  email: string;
  displayName: string;
  password: string;
}

export const demoAccounts = [
  {
    key: 'admin',
    role: 'admin',
    label: 'administratrice',
    email: 'admin@nec.example',
    displayName: 'Administratrice de démonstration',
    password: DEMO_PASSWORD,
  },
  {
    key: 'instructor',
    role: 'instructor',
    label: 'instructrice',
    email: 'instructrice@nec.example',
    displayName: 'Instructrice de démonstration',
    password: DEMO_PASSWORD,
  },
  {
    key: 'analyst',
    role: 'analyst',
    label: 'analyste',
    email: 'analyste@nec.example',
    displayName: 'Analyste de démonstration',
    password: DEMO_PASSWORD,
  },
  {
    key: 'applicant',
    role: 'applicant',
    label: 'porteur de projet',
    email: 'porteur@nec.example',
    displayName: 'Porteur de projet de démonstration',
    password: DEMO_PASSWORD,
  },
  {
    key: 'volunteer',
    role: 'applicant',
    label: 'bénévole',
    email: 'benevole@nec.example',
    displayName: 'Camille Bénévole (fictive)',
    password: DEMO_PASSWORD,
  },
] as const satisfies readonly DemoAccount[];

export interface DemoOrganisation {
  key: 'association' | 'epci';
  name: string;
  siret: string;
  category: OrganisationCategory;
}

/** The demo applicant's two structures (fictitious; checked with the domain's `isValidSiret`). */
export const demoOrganisations = [
  {
    key: 'association',
    name: 'Association Les Octets Solidaires (fictive)',
    siret: '99999030200013',
    category: 'association',
  },
  {
    key: 'epci',
    name: 'Communauté de communes du Val Fictif (fictive)',
    siret: '99999040100013',
    category: 'epci',
  },
] as const satisfies readonly DemoOrganisation[];

/**
 * The ways in waiting for an answer, so that « Mes structures » shows them: the volunteer asked
 * to join the association, and the applicant invited an address (without an account) to the EPCI.
 */
export const demoJoinRequest = {
  requester: 'volunteer',
  organisation: 'association',
  message:
    'Bonjour, je co-anime les ateliers numériques du mercredi avec l’association et souhaite aider à préparer les dossiers.',
} as const satisfies {
  requester: DemoAccount['key'];
  organisation: DemoOrganisation['key'];
  message: string;
};

export const demoInvitation = {
  inviter: 'applicant',
  organisation: 'epci',
  email: 'mediatrice.val-fictif@nec.example',
} as const satisfies {
  inviter: DemoAccount['key'];
  organisation: DemoOrganisation['key'];
  email: string;
};
