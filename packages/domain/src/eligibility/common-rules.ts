import { type Campaign } from '../calls/campaign.js';
import { campaignStatus } from '../calls/status.js';
import {
  campaignCharterRef,
  type CharterAcceptance,
  isAcceptanceValidFor,
} from '../charter/acceptance.js';
import { type IsoDate } from '../shared/dates.js';
import { type DeepDraft } from '../shared/drafts.js';
import { formatDateFr } from './french.js';
import { filled } from './inputs.js';
import { type MakeRule } from './rule.js';
import { type RuleCheck } from './verdict.js';

/** The days a call accepts dossiers: from `opensOn` to `closesOn` included (`null`: no end). */
export type ApplicationWindow = { opensOn: IsoDate; closesOn: IsoDate | null };

/**
 * The dossier is submitted while the call accepts dossiers. `parameter` names the campaign field
 * holding the last day (`closesOn`, or the call's own deadline field).
 */
export function applicationWindowRule(
  make: MakeRule,
  window: ApplicationWindow,
  today: IsoDate,
  parameter: string,
): RuleCheck {
  const id = 'campaign-open';
  switch (campaignStatus(window, today)) {
    case 'upcoming':
      return make(
        id,
        'opensOn',
        'fail',
        `Cet appel n’ouvre que le ${formatDateFr(window.opensOn)} ; vous ne pouvez pas encore déposer de dossier.`,
      );
    case 'closed':
      return make(
        id,
        parameter,
        'fail',
        `La date limite de dépôt était le ${formatDateFr(window.closesOn ?? today)} ; cet appel est clos depuis.`,
      );
    case 'open':
      return make(
        id,
        parameter,
        'pass',
        window.closesOn === null
          ? 'Cet appel est ouvert en permanence.'
          : `Cet appel est ouvert jusqu’au ${formatDateFr(window.closesOn)} inclus.`,
      );
  }
}

/**
 * The applicant accepted the charter in the version the campaign names. An acceptance of
 * another version fails: the engagements differ, so it must be accepted again.
 */
export function charterAcceptedRule(
  make: MakeRule,
  draft: DeepDraft<CharterAcceptance> | null | undefined,
  campaign: Campaign,
): RuleCheck {
  const id = 'charter-accepted';
  const expected = campaignCharterRef(campaign);
  if (expected === null)
    return make(id, null, 'pass', 'Cet appel ne demande pas d’accepter la charte NEC.');
  const acceptance = completeAcceptance(draft);
  if (acceptance === undefined) {
    return make(
      id,
      'charter',
      'missing',
      `Acceptez la charte NEC (version ${expected.version}) : c’est une condition du label.`,
    );
  }
  if (!isAcceptanceValidFor(acceptance, campaign)) {
    return make(
      id,
      'charter',
      'fail',
      `Vous avez accepté la version ${acceptance.version} de la charte ; cet appel demande la version ${expected.version}. Prenez connaissance de cette version et acceptez-la.`,
    );
  }
  return make(
    id,
    'charter',
    'pass',
    `Vous avez accepté la charte NEC (version ${expected.version}) le ${formatDateFr(acceptance.acceptedAt)}.`,
  );
}

function completeAcceptance(
  draft: DeepDraft<CharterAcceptance> | null | undefined,
): CharterAcceptance | undefined {
  const charterId = filled(draft?.charterId);
  const version = filled(draft?.version);
  const acceptedAt = filled(draft?.acceptedAt);
  const acceptedBy = filled(draft?.acceptedBy);
  if (!charterId || !version || !acceptedAt || !acceptedBy) return undefined;
  return { charterId, version, acceptedAt, acceptedBy };
}
