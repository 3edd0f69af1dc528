import { type NecLocalCampaign } from '../../calls/campaign.js';
import { type NecLocalDossierDraft } from '../../dossiers/index.js';
import { isValidSiret } from '../../organisations/index.js';
import { addMonths, daysBetween, type IsoDate, wholeMonthsBetween } from '../../shared/dates.js';
import { applicationWindowRule, charterAcceptedRule } from '../common-rules.js';
import { formatDateFr, plural } from '../french.js';
import { filled, filledItems } from '../inputs.js';
import { type MakeRule } from '../rule.js';
import { type RuleCheck } from '../verdict.js';

/** « 2 mois et 30 jours », « 3 mois », « 12 jours »: the time between two dates, in words. */
export function describeLead(from: IsoDate, to: IsoDate): string {
  const months = wholeMonthsBetween(from, to);
  const days = daysBetween(addMonths(from, months), to);
  if (months === 0) return plural(days, 'jour');
  return days === 0 ? `${months} mois` : `${months} mois et ${plural(days, 'jour')}`;
}

/**
 * The dossier reaches the programme at least `leadTimeMonths` before the event: submitted on
 * `today`, the event may start on `today + leadTimeMonths` (calendar months) or later.
 */
export function leadTimeRule(
  make: MakeRule,
  campaign: NecLocalCampaign,
  draft: NecLocalDossierDraft,
  today: IsoDate,
): RuleCheck {
  const months = campaign.params.leadTimeMonths;
  const earliest = addMonths(today, months);
  const start = filled(draft.event?.startDate);
  const rule = (status: RuleCheck['status'], text: string) =>
    make('lead-time', 'leadTimeMonths', status, text);
  if (start === undefined) {
    return rule(
      'missing',
      `Indiquez la date de l’événement : déposé le ${formatDateFr(today)}, le dossier vaut pour un événement à partir du ${formatDateFr(earliest)} (${months} mois d’avance au moins).`,
    );
  }
  if (start >= earliest) {
    return rule(
      'pass',
      `Dépôt ${describeLead(today, start)} avant l’événement du ${formatDateFr(start)} ; cet appel demande ${months} mois d’avance au moins.`,
    );
  }
  if (start < today) {
    return rule(
      'fail',
      `L’événement du ${formatDateFr(start)} est déjà passé : un dossier se dépose au moins ${months} mois avant l’événement.`,
    );
  }
  return rule(
    'fail',
    `Dépôt ${describeLead(today, start)} avant l’événement du ${formatDateFr(start)} ; cet appel demande ${months} mois d’avance au moins, soit un événement à partir du ${formatDateFr(earliest)}.`,
  );
}

/** The porteur (the organiser with the lead role) is a legal entity: it has a valid SIRET. */
export function legalEntityRule(make: MakeRule, draft: NecLocalDossierDraft): RuleCheck {
  const rule = (status: RuleCheck['status'], text: string) =>
    make('legal-entity', null, status, text);
  const lead = filledItems(draft.organisers).find((o) => o.role === 'lead');
  if (lead === undefined) {
    return rule(
      'missing',
      'Désignez la structure porteuse parmi les organisateurs : seule une personne morale peut porter un NEC local.',
    );
  }
  const name = filled(lead.name) ?? 'sans nom';
  const siret = filled(lead.siret);
  if (siret === undefined) {
    return rule(
      'missing',
      `Indiquez le SIRET de la structure porteuse « ${name} » : il atteste qu’elle est une personne morale.`,
    );
  }
  if (!isValidSiret(siret)) {
    return rule(
      'fail',
      `Le SIRET indiqué pour « ${name} » (${siret}) n’est pas un numéro valide : vérifiez-le, seule une personne morale identifiée peut porter un NEC local.`,
    );
  }
  return rule(
    'pass',
    `La structure porteuse « ${name} » est une personne morale (SIRET ${siret}).`,
  );
}

/** The rules of the label (the NEC brand and its kit), which every NEC local dossier asks for. */
export function labelRules(
  make: MakeRule,
  campaign: NecLocalCampaign,
  draft: NecLocalDossierDraft,
  today: IsoDate,
): RuleCheck[] {
  return [
    applicationWindowRule(make, campaign, today, 'closesOn'),
    leadTimeRule(make, campaign, draft, today),
    charterAcceptedRule(make, draft.charterAcceptance, campaign),
    legalEntityRule(make, draft),
  ];
}
