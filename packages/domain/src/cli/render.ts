import { type Campaign } from '../calls/campaign.js';
import { formatDateFr } from '../eligibility/french.js';
import {
  type Eligibility,
  type RequestVerdict,
  type RuleCheck,
  type Verdict,
  type VerdictValue,
} from '../eligibility/index.js';
import { type FieldIssue } from '../shared/issues.js';

const ruleMark: Record<RuleCheck['status'], string> = { pass: '✔', fail: '✘', missing: '…' };
const verdictText: Record<VerdictValue, string> = {
  eligible: '✔ éligible',
  ineligible: '✘ non éligible',
  incomplete: '… incomplet',
};

function verdictLines(title: string, verdict: Verdict): string[] {
  return [
    `${title} : ${verdictText[verdict.verdict]}`,
    ...verdict.rules.map((r) => `  ${ruleMark[r.status]} ${r.explanation}`),
  ];
}

function requestLines(title: string, request: RequestVerdict, notRequested: string): string[] {
  if (request.requested === false) return [`${title} : – ${notRequested}`];
  const lines = verdictLines(title, request);
  if (request.requested === null) lines[0] += ' (demande à préciser)';
  return lines;
}

/** The verdicts of a dossier, as the lines printed by the demo (French, one rule per line). */
export function renderEligibility(
  campaign: Campaign,
  today: string,
  result: Eligibility,
): string[] {
  const header = [
    `Campagne : ${campaign.title} (${campaign.id})`,
    `Date de dépôt retenue : ${formatDateFr(today)}`,
    '',
  ];
  switch (result.callKind) {
    case 'nec-local':
      return [
        ...header,
        ...verdictLines('Label Numérique en Commun[s]', result.label),
        '',
        ...requestLines('Subvention', result.subsidy, 'non demandée'),
        '',
        ...requestLines('Duo chercheur·euse et journaliste', result.duo, 'non demandé'),
      ];
    case 'national-host':
    case 'ami-mediation':
      return [...header, ...verdictLines('Candidature', result.application)];
  }
}

/** Every schema issue of a dossier, one per line, with its field path. */
export function renderIssues(issues: readonly FieldIssue[]): string[] {
  const count = issues.length >= 2 ? `${issues.length} erreurs` : `${issues.length} erreur`;
  return [
    `Le dossier n’est pas valide (${count}) :`,
    ...issues.map(
      (issue) => `  ✘ ${issue.path === '' ? '(dossier)' : issue.path} : ${issue.message}`,
    ),
  ];
}
