import type { AgreementDto, CommitteeDto } from '@nec/contracts';
import type { AgreementEntity } from './agreement.entity.js';
import type { FollowUpCommitteeEntity } from './follow-up-committee.entity.js';

export const toAgreementDto = (a: AgreementEntity): AgreementDto => ({
  dossierId: a.dossierId,
  amountCents: a.amountCents,
  validUntil: a.validUntil,
  generatedAt: a.generatedAt?.toISOString() ?? null,
  signedOn: a.signedOn,
  signatureRecordedAt: a.signatureRecordedAt?.toISOString() ?? null,
});

export const toCommitteeDto = (c: FollowUpCommitteeEntity, creatorName?: string): CommitteeDto => ({
  id: c.id,
  date: c.heldOn,
  minutes: c.minutes,
  createdBy: c.createdBy
    ? { id: c.createdBy, displayName: creatorName ?? c.creator?.displayName ?? '' }
    : null,
  createdAt: c.createdAt.toISOString(),
});
