import { type BudgetCheckId, budgetSchema, budgetTotals, checkBudget } from '../../budget/index.js';
import { type NecLocalCampaign } from '../../calls/campaign.js';
import { type NecLocalDossierDraft } from '../../dossiers/index.js';
import { formatCents } from '../../shared/money.js';
import { formatDateFr } from '../french.js';
import { filled } from '../inputs.js';
import { type MakeRule } from '../rule.js';
import { type RuleCheck } from '../verdict.js';

/** Which campaign parameter each budget check reads (`null`: a rule of any budget). */
const budgetCheckParameter: Record<BudgetCheckId, string | null> = {
  balanced: null,
  'subsidy-min': 'subsidy.minCents',
  'subsidy-max': 'subsidy.maxCents',
  'subsidy-cap': 'subsidy.capRatio',
};

/**
 * The budget checks of the budget module (balanced, amount within bounds, at most the cap of the
 * total), as eligibility rules. An unfinished budget gives one 'missing' rule instead.
 */
export function budgetRules(
  make: MakeRule,
  campaign: NecLocalCampaign,
  draft: NecLocalDossierDraft,
): RuleCheck[] {
  const budget = budgetSchema.safeParse(draft.budget);
  const requested = filled(draft.requests?.subsidy?.amountCents);
  if (!budget.success) {
    return [
      make(
        'budget',
        'subsidy',
        'missing',
        'Complétez le budget prévisionnel (dépenses et ressources, avec la subvention demandée) : le montant de la subvention se vérifie par rapport à lui.',
      ),
    ];
  }
  const checks = checkBudget(budget.data, campaign.params.subsidy).map((check) =>
    make(`budget-${check.id}`, budgetCheckParameter[check.id], check.status, check.message),
  );
  const inBudget = budgetTotals(budget.data).subsidyCents;
  const amount =
    requested === undefined
      ? make(
          'subsidy-amount',
          null,
          'missing',
          `Indiquez le montant de subvention demandé ; votre budget en prévoit ${formatCents(inBudget)}.`,
        )
      : requested === inBudget
        ? make(
            'subsidy-amount',
            null,
            'pass',
            `Le montant demandé (${formatCents(requested)}) est celui de la subvention inscrite au budget.`,
          )
        : make(
            'subsidy-amount',
            null,
            'fail',
            `Vous demandez ${formatCents(requested)} mais le budget inscrit ${formatCents(inBudget)} de subvention ANCT : les deux montants doivent être égaux.`,
          );
  return [...checks, amount];
}

/**
 * The event ends before the grant agreement does (31 December of the campaign year): the
 * subsidy is paid under that agreement, so it cannot fund an event held after it.
 */
export function withinAgreementRule(
  make: MakeRule,
  campaign: NecLocalCampaign,
  draft: NecLocalDossierDraft,
): RuleCheck {
  const endOfAgreement = campaign.params.agreementEndDate;
  const rule = (status: RuleCheck['status'], text: string) =>
    make('within-agreement', 'agreementEndDate', status, text);
  const last = filled(draft.event?.endDate) ?? filled(draft.event?.startDate);
  if (last === undefined) {
    return rule(
      'missing',
      `Indiquez les dates de l’événement : la convention de subvention court jusqu’au ${formatDateFr(endOfAgreement)}.`,
    );
  }
  if (last <= endOfAgreement) {
    return rule(
      'pass',
      `L’événement se termine le ${formatDateFr(last)}, avant la fin de la convention (${formatDateFr(endOfAgreement)}).`,
    );
  }
  return rule(
    'fail',
    `L’événement se termine le ${formatDateFr(last)}, après la fin de la convention de cet appel (${formatDateFr(endOfAgreement)}) : déposez la demande de subvention dans l’appel de l’année de l’événement.`,
  );
}

/** The rules that apply to the subsidy only. */
export function subsidyRules(
  make: MakeRule,
  campaign: NecLocalCampaign,
  draft: NecLocalDossierDraft,
): RuleCheck[] {
  return [withinAgreementRule(make, campaign, draft), ...budgetRules(make, campaign, draft)];
}
