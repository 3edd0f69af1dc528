/**
 * `@nec/ui` — what the NEC Vue apps share: the DSFR set-up, the app shell, loaded data and its
 * states (`useAsync`, shown by `AsyncState`), badges, forms validated by the domain's schemas,
 * the eligibility panel, the budget table, the dossier read view, the second-factor screens
 * (sign-in code, an agent's enrolment) and the account's pieces every app shows (its sessions,
 * the password asked again, a form's outcome). Import the CSS once per app with
 * `import '@nec/ui/styles'`.
 */
export { default as AppShell } from './shell/AppShell.vue';
export {
  footerPages,
  footerRoutes,
  informationSection,
  unroutedFooterPages,
} from './shell/footer-pages.js';
export { default as WriteTo } from './legal/WriteTo.vue';
export { default as LegalNotice } from './legal/LegalNotice.vue';
export { default as AccessibilityRecourse } from './legal/AccessibilityRecourse.vue';
export { default as SitemapSections } from './legal/SitemapSections.vue';
export { installPageTitles, focusField, focusMainHeading, pageTitle } from './shell/page-title.js';
export { default as PageBreadcrumb } from './navigation/PageBreadcrumb.vue';
export { default as PageFrame } from './navigation/PageFrame.vue';
export { default as LoadingState } from './states/LoadingState.vue';
export { default as EmptyState } from './states/EmptyState.vue';
export { default as ErrorState } from './states/ErrorState.vue';
export { default as AsyncState } from './states/AsyncState.vue';
export { describeError, type ErrorDescription } from './states/describe-error.js';
export { earlyRead, type EarlyRead, type EarlyReadOptions } from './states/early-read.js';
export {
  asApiError,
  useAsync,
  type AsyncData,
  type AsyncOptions,
  type AsyncSnapshot,
  type AsyncStatus,
} from './states/use-async.js';
export { default as StatusBadge } from './badges/StatusBadge.vue';
export { default as VerdictBadge } from './badges/VerdictBadge.vue';
export { dossierStateBadgeType, verdictBadgeType, type BadgeType } from './badges/badge-types.js';
export { default as ErrorSummary } from './forms/ErrorSummary.vue';
export { useZodForm, type SummaryEntry } from './forms/use-zod-form.js';
export {
  errorsUnder,
  fieldId,
  issuesToFieldErrors,
  serverFieldErrors,
  validateWith,
  type FieldErrors,
} from './forms/field-errors.js';
export { default as EligibilityPanel } from './eligibility/EligibilityPanel.vue';
export { eligibilityBlocks, ruleStatusWords, type EligibilityBlock } from './eligibility/blocks.js';
export { default as BudgetTable } from './budget/BudgetTable.vue';
export { balanceWords, draftBudgetTotals, formatAmount } from './budget/draft-totals.js';
export { default as DossierReadView } from './dossier/DossierReadView.vue';
export { necLocalSections, type ReadSection } from './dossier/sections.js';
export { default as TextField } from './forms/TextField.vue';
export { default as ChoiceField } from './forms/ChoiceField.vue';
export { default as FileField } from './forms/FileField.vue';
export { chosenWords } from './forms/file-field.js';
export { default as SecondFactorVerify } from './second-factor/SecondFactorVerify.vue';
export { default as SecondFactorEnrol } from './second-factor/SecondFactorEnrol.vue';
export {
  codeFailure,
  groupSecret,
  recoveryCodesText,
  type CodeFailure,
  type RecoveryCodes,
  type TotpSetup,
} from './second-factor/second-factor.js';
export { default as FormAlert } from './account/FormAlert.vue';
export { default as ConfirmPasswordForm } from './account/ConfirmPasswordForm.vue';
export { default as SessionsList } from './account/SessionsList.vue';
export { failureMessage, useSubmit } from './account/use-submit.js';
export { describeUserAgent } from './account/user-agent.js';
