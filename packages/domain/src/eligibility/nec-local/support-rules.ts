import { type NecLocalCampaign } from '../../calls/campaign.js';
import { isSupportingCollectivite, type NecLocalDossierDraft } from '../../dossiers/index.js';
import { isCollectivite } from '../../organisations/index.js';
import { plural } from '../french.js';
import { filled, filledItems } from '../inputs.js';
import { type MakeRule } from '../rule.js';
import { type RuleCheck } from '../verdict.js';

const forWhat = 'pour demander une subvention ou l’accompagnement du duo';

/**
 * At least `minSupportingCollectivites` organisers are collectivités that support the event.
 * While an organiser's category or support is not filled in, a shortfall is "missing", not "fail".
 */
export function supportingCollectivitesRule(
  make: MakeRule,
  campaign: NecLocalCampaign,
  draft: NecLocalDossierDraft,
): RuleCheck {
  const min = campaign.params.minSupportingCollectivites;
  const rule = (status: RuleCheck['status'], text: string) =>
    make('supporting-collectivites', 'minSupportingCollectivites', status, text);
  const organisers = filledItems(draft.organisers);
  const supporting = organisers.filter((o) => {
    const category = filled(o.category);
    const supportsEvent = filled(o.supportsEvent);
    return (
      category !== undefined &&
      supportsEvent !== undefined &&
      isSupportingCollectivite({ category, supportsEvent })
    );
  });
  const names = supporting.map((o) => `« ${filled(o.name) ?? 'sans nom'} »`).join(', ');
  if (supporting.length >= min) {
    const who = supporting.length === 0 ? '' : ` : ${names}`;
    return rule(
      'pass',
      `${plural(supporting.length, 'collectivité')} soutien${supporting.length >= 2 ? 'nent' : 't'} l’événement${who} ; il en faut au moins ${min}.`,
    );
  }
  const undecided = organisers.some((o) => {
    const category = filled(o.category);
    if (category === undefined) return true;
    return isCollectivite(category) && filled(o.supportsEvent) === undefined;
  });
  if (draft.organisers === undefined || draft.organisers === null || undecided) {
    return rule(
      'missing',
      `Indiquez la catégorie de chaque organisateur et s’il soutient l’événement : il faut au moins ${plural(min, 'collectivité')} qui le soutienne ${forWhat}.`,
    );
  }
  const found =
    supporting.length === 0
      ? 'Aucune collectivité ne soutient'
      : `Seule${supporting.length >= 2 ? 's' : ''} ${names} soutien${supporting.length >= 2 ? 'nent' : 't'}`;
  return rule(
    'fail',
    `${found} l’événement ; il faut au moins ${plural(min, 'collectivité')} qui le soutienne ${forWhat}.`,
  );
}

/** At least `minAttendees` people are expected (exactly the minimum passes). */
export function minAttendeesRule(
  make: MakeRule,
  campaign: NecLocalCampaign,
  draft: NecLocalDossierDraft,
): RuleCheck {
  const min = campaign.params.minAttendees;
  const rule = (status: RuleCheck['status'], text: string) =>
    make('min-attendees', 'minAttendees', status, text);
  const expected = filled(draft.audiences?.expectedAttendees);
  if (expected === undefined) {
    return rule(
      'missing',
      `Indiquez le nombre de personnes attendues : il en faut au moins ${min} ${forWhat}.`,
    );
  }
  if (expected >= min) {
    return rule(
      'pass',
      `${plural(expected, 'personne')} attendue${expected >= 2 ? 's' : ''} ; le minimum est de ${min}.`,
    );
  }
  return rule(
    'fail',
    `${plural(expected, 'personne')} attendue${expected >= 2 ? 's' : ''} ; il en faut au moins ${min} ${forWhat}.`,
  );
}

/**
 * The venue can host the people expected, and at least `minAttendees`. A fully online event has
 * no venue, so it cannot meet this rule: the call asks for a place able to host the audience.
 */
export function venueCapacityRule(
  make: MakeRule,
  campaign: NecLocalCampaign,
  draft: NecLocalDossierDraft,
): RuleCheck {
  const min = campaign.params.minAttendees;
  const rule = (status: RuleCheck['status'], text: string) =>
    make('venue-capacity', 'minAttendees', status, text);
  if (filled(draft.eventMode) === 'online') {
    return rule(
      'fail',
      `Un événement entièrement en ligne n’a pas de lieu d’accueil ; or il faut un lieu pouvant recevoir au moins ${plural(min, 'personne')} ${forWhat}. Prévoyez un format en présentiel ou hybride.`,
    );
  }
  const venue = draft.event?.venue;
  const capacity = filled(venue?.capacity);
  const expected = filled(draft.audiences?.expectedAttendees);
  const required = Math.max(expected ?? min, min);
  if (capacity === undefined) {
    return rule(
      'missing',
      `Indiquez le lieu de l’événement et sa capacité : il doit pouvoir recevoir au moins ${plural(required, 'personne')}.`,
    );
  }
  const place = `Le lieu${filled(venue?.name) ? ` « ${filled(venue?.name)} »` : ''}`;
  if (capacity < required) {
    const why =
      expected !== undefined && expected > min
        ? `les ${expected} personnes attendues`
        : `le minimum de ${min} personnes`;
    return rule(
      'fail',
      `${place} peut recevoir ${plural(capacity, 'personne')}, moins que ${why}.`,
    );
  }
  if (expected === undefined) {
    return rule(
      'missing',
      `${place} peut recevoir ${plural(capacity, 'personne')} ; indiquez le nombre de personnes attendues pour vérifier qu’il suffit.`,
    );
  }
  return rule(
    'pass',
    `${place} peut recevoir ${plural(capacity, 'personne')} ; il doit en accueillir au moins ${required} (${expected} attendues, ${min} au minimum pour l’appel).`,
  );
}

/** The rules shared by the subsidy and the duo, on top of the label's. */
export function supportRules(
  make: MakeRule,
  campaign: NecLocalCampaign,
  draft: NecLocalDossierDraft,
): RuleCheck[] {
  return [
    supportingCollectivitesRule(make, campaign, draft),
    minAttendeesRule(make, campaign, draft),
    venueCapacityRule(make, campaign, draft),
  ];
}
