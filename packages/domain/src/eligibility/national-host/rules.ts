import { type NationalHostCampaign } from '../../calls/campaign.js';
import { type NationalHostEligibility } from '../eligibility-schema.js';
import { type NationalHostDossierDraft } from '../../dossiers/index.js';
import { isCollectivite } from '../../organisations/index.js';
import { daysBetween, type IsoDate } from '../../shared/dates.js';
import { applicationWindowRule, charterAcceptedRule } from '../common-rules.js';
import { formatCount, formatDateFr, plural } from '../french.js';
import { filled, filledItems } from '../inputs.js';
import { type MakeRule, ruleFactory } from '../rule.js';
import { type RuleCheck, verdictOf } from '../verdict.js';

type Period = { startDate: IsoDate; endDate: IsoDate };
type Rule = (
  make: MakeRule,
  campaign: NationalHostCampaign,
  draft: NationalHostDossierDraft,
) => RuleCheck;

/** The proposed periods whose both dates are filled in. */
function periods(draft: NationalHostDossierDraft): Period[] {
  return filledItems(draft.proposedDates).flatMap((p) => {
    const startDate = filled(p.startDate);
    const endDate = filled(p.endDate);
    return startDate && endDate ? [{ startDate, endDate }] : [];
  });
}

const describePeriod = (p: Period) =>
  `du ${formatDateFr(p.startDate)} au ${formatDateFr(p.endDate)}`;

/** The applicant is a collectivité: the call is addressed to them only. */
export const applicantCollectiviteRule: Rule = (make, _campaign, draft) => {
  const category = filled(draft.collectivite?.category);
  const name = filled(draft.collectivite?.name) ?? 'La structure candidate';
  if (category === undefined) {
    return make(
      'applicant-collectivite',
      null,
      'missing',
      'Indiquez la catégorie de la structure candidate : cet appel s’adresse aux collectivités.',
    );
  }
  return isCollectivite(category)
    ? make(
        'applicant-collectivite',
        null,
        'pass',
        `${name} est une collectivité : elle peut candidater.`,
      )
    : make(
        'applicant-collectivite',
        null,
        'fail',
        `${name} n’est pas une collectivité ; cet appel est réservé aux collectivités.`,
      );
};

/** A count the host can receive, at least the campaign's figure (exactly the figure passes). */
function atLeastRule(
  id: string,
  parameter: string,
  value: number | undefined,
  min: number,
  noun: string,
  ask: string,
  make: MakeRule,
): RuleCheck {
  if (value === undefined)
    return make(id, parameter, 'missing', `${ask} : il en faut au moins ${formatCount(min)}.`);
  const status = value >= min ? 'pass' : 'fail';
  return make(
    id,
    parameter,
    status,
    `${plural(value, noun)} annoncé${value >= 2 ? 's' : ''} ; l’appel en demande au moins ${formatCount(min)}.`,
  );
}

/** The host can receive at least the expected number of participants. */
export const participantsRule: Rule = (make, campaign, draft) =>
  atLeastRule(
    'host-participants',
    'hostCapacity.participants',
    filled(draft.expectedParticipants),
    campaign.params.hostCapacity.participants,
    'participant·e',
    'Indiquez combien de participantes et participants vous pouvez accueillir',
    make,
  );

/** The host can receive at least the expected number of speakers. */
export const speakersRule: Rule = (make, campaign, draft) =>
  atLeastRule(
    'host-speakers',
    'hostCapacity.speakers',
    filled(draft.expectedSpeakers),
    campaign.params.hostCapacity.speakers,
    'intervenant·e',
    'Indiquez combien d’intervenantes et intervenants vous pouvez accueillir',
    make,
  );

/**
 * The planned venues, together, hold the participants expected by the call. Venues are used at
 * the same time (the national editions spread over several places), so capacities add up.
 */
export const venueCapacityRule: Rule = (make, campaign, draft) => {
  const min = campaign.params.hostCapacity.participants;
  const capacities = filledItems(draft.venues).map((v) => filled(v.capacity));
  const known = capacities.filter((c): c is number => c !== undefined);
  const total = known.reduce((a, b) => a + b, 0);
  const parameter = 'hostCapacity.participants';
  if (total >= min) {
    return make(
      'host-venue-capacity',
      parameter,
      'pass',
      `Les lieux envisagés reçoivent ${plural(total, 'personne')} ensemble ; l’appel en demande au moins ${formatCount(min)}.`,
    );
  }
  if (known.length === 0 || known.length < capacities.length) {
    return make(
      'host-venue-capacity',
      parameter,
      'missing',
      `Indiquez les lieux envisagés et leur capacité : ensemble, ils doivent recevoir au moins ${formatCount(min)} personnes.`,
    );
  }
  return make(
    'host-venue-capacity',
    parameter,
    'fail',
    `Les lieux envisagés ne reçoivent que ${plural(total, 'personne')} ensemble ; il en faut au moins ${formatCount(min)}.`,
  );
};

/** At least one proposed period lasts the number of days the edition needs. */
export const daysRule: Rule = (make, campaign, draft) => {
  const min = campaign.params.hostCapacity.days;
  const proposed = periods(draft);
  if (proposed.length === 0) {
    return make(
      'host-days',
      'hostCapacity.days',
      'missing',
      `Proposez des dates : l’édition dure ${plural(min, 'jour')}.`,
    );
  }
  const longest = Math.max(...proposed.map((p) => daysBetween(p.startDate, p.endDate) + 1));
  const status = longest >= min ? 'pass' : 'fail';
  return make(
    'host-days',
    'hostCapacity.days',
    status,
    `La plus longue période proposée compte ${plural(longest, 'jour')} ; l’édition en demande ${min}.`,
  );
};

/**
 * At least one proposed period lies entirely within the window when the edition traditionally
 * takes place (from `dateWindow.from` to `dateWindow.to` of the edition year).
 */
export const dateWindowRule: Rule = (make, campaign, draft) => {
  const { editionYear, dateWindow } = campaign.params;
  const from = `${editionYear}-${dateWindow.from}`;
  const to = `${editionYear}-${dateWindow.to}`;
  const window = `du ${formatDateFr(from)} au ${formatDateFr(to)}`;
  const proposed = periods(draft);
  if (proposed.length === 0) {
    return make(
      'date-window',
      'dateWindow',
      'missing',
      `Proposez des dates pour l’édition ${editionYear}, ${window}.`,
    );
  }
  const inside = proposed.find((p) => p.startDate >= from && p.endDate <= to);
  return inside
    ? make(
        'date-window',
        'dateWindow',
        'pass',
        `La période proposée ${describePeriod(inside)} tombe dans la fenêtre habituelle de l’édition (${window}).`,
      )
    : make(
        'date-window',
        'dateWindow',
        'fail',
        `Aucune période proposée ne tombe dans la fenêtre habituelle de l’édition (${window}).`,
      );
};

export type { NationalHostEligibility };

/** Eligibility of a host application (complete or draft) on `today`, the submission date. */
export function evaluateNationalHost(
  draft: NationalHostDossierDraft,
  campaign: NationalHostCampaign,
  today: IsoDate,
): NationalHostEligibility {
  const make = ruleFactory(campaign);
  const window = { opensOn: campaign.opensOn, closesOn: campaign.params.applicationDeadline };
  const rules = [
    applicationWindowRule(make, window, today, 'applicationDeadline'),
    ...[
      applicantCollectiviteRule,
      participantsRule,
      speakersRule,
      venueCapacityRule,
      daysRule,
      dateWindowRule,
    ].map((rule) => rule(make, campaign, draft)),
    charterAcceptedRule(make, draft.charterAcceptance, campaign),
  ];
  return { callKind: 'national-host', campaignId: campaign.id, application: verdictOf(rules) };
}
