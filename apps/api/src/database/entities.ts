import { AgreementEntity } from '../agreements/agreement.entity.js';
import { AttachmentEntity } from '../attachments/attachment.entity.js';
import { FollowUpCommitteeEntity } from '../agreements/follow-up-committee.entity.js';
import { AuditEntryEntity } from '../audit/audit-entry.entity.js';
import { BilanEntity } from '../bilans/bilan.entity.js';
import { NationalEditionEntity } from '../bilans/national-edition.entity.js';
import { OneTimeTokenEntity } from '../auth/one-time-token.entity.js';
import { SessionEntity } from '../auth/session.entity.js';
import { CampaignInstructorEntity } from '../campaigns/campaign-instructor.entity.js';
import { CampaignEntity } from '../campaigns/campaign.entity.js';
import { CharterAcceptanceEntity } from '../dossiers/charter-acceptance.entity.js';
import { DossierTransitionEntity } from '../dossiers/dossier-transition.entity.js';
import { DossierVersionEntity } from '../dossiers/dossier-version.entity.js';
import { DossierEntity } from '../dossiers/dossier.entity.js';
import { DossierMessageEntity } from '../instruction/dossier-message.entity.js';
import { DossierNoteEntity } from '../instruction/dossier-note.entity.js';
import { InformationRequestEntity } from '../instruction/information-request.entity.js';
import { InterviewEntity } from '../instruction/interview.entity.js';
import { InvitationEntity } from '../memberships/invitation.entity.js';
import { JoinRequestEntity } from '../memberships/join-request.entity.js';
import { RateLimitEntity } from '../limits/rate-limit.entity.js';
import { SignInFailureEntity } from '../limits/sign-in-failure.entity.js';
import { MembershipEntity } from '../organisations/membership.entity.js';
import { OrganisationEntity } from '../organisations/organisation.entity.js';
import { ScoreSheetEntity } from '../scoring/score-sheet.entity.js';
import { UserEntity } from '../users/user.entity.js';

/** Every entity the API maps; the migrations create exactly these tables (a test checks it). */
export const entities = [
  UserEntity,
  SessionEntity,
  OneTimeTokenEntity,
  OrganisationEntity,
  MembershipEntity,
  InvitationEntity,
  JoinRequestEntity,
  CampaignEntity,
  CampaignInstructorEntity,
  DossierEntity,
  DossierVersionEntity,
  DossierTransitionEntity,
  CharterAcceptanceEntity,
  AuditEntryEntity,
  InformationRequestEntity,
  InterviewEntity,
  DossierMessageEntity,
  DossierNoteEntity,
  ScoreSheetEntity,
  AgreementEntity,
  FollowUpCommitteeEntity,
  BilanEntity,
  NationalEditionEntity,
  AttachmentEntity,
  RateLimitEntity,
  SignInFailureEntity,
];
