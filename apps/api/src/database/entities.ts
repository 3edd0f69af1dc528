import { AuditEntryEntity } from '../audit/audit-entry.entity.js';
import { OneTimeTokenEntity } from '../auth/one-time-token.entity.js';
import { SessionEntity } from '../auth/session.entity.js';
import { CampaignInstructorEntity } from '../campaigns/campaign-instructor.entity.js';
import { CampaignEntity } from '../campaigns/campaign.entity.js';
import { CharterAcceptanceEntity } from '../dossiers/charter-acceptance.entity.js';
import { DossierTransitionEntity } from '../dossiers/dossier-transition.entity.js';
import { DossierVersionEntity } from '../dossiers/dossier-version.entity.js';
import { DossierEntity } from '../dossiers/dossier.entity.js';
import { MembershipEntity } from '../organisations/membership.entity.js';
import { OrganisationEntity } from '../organisations/organisation.entity.js';
import { UserEntity } from '../users/user.entity.js';

/** Every entity the API maps; the migrations create exactly these tables (a test checks it). */
export const entities = [
  UserEntity,
  SessionEntity,
  OneTimeTokenEntity,
  OrganisationEntity,
  MembershipEntity,
  CampaignEntity,
  CampaignInstructorEntity,
  DossierEntity,
  DossierVersionEntity,
  DossierTransitionEntity,
  CharterAcceptanceEntity,
  AuditEntryEntity,
];
