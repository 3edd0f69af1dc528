export {
  organisationCategories,
  organisationCategorySchema,
  organisationCategoryLabels,
  isCollectivite,
  type OrganisationCategory,
} from './categories.js';
export { hasValidLuhnChecksum, luhnCheckDigit } from './luhn.js';
export {
  laPosteSiren,
  normalizeSiret,
  normalizeSiren,
  parseSiret,
  parseSiren,
  isValidSiret,
  isValidSiren,
  sirenOf,
  siretSchema,
  sirenSchema,
  type IdentifierError,
} from './siret.js';
export {
  organisationAddressSchema,
  organisationSchema,
  organisationInputSchema,
  type OrganisationAddress,
  type Organisation,
  type OrganisationInput,
} from './organisation.js';
export {
  leavesNoOwner,
  membershipRoles,
  membershipRoleSchema,
  type MembershipChange,
  type MembershipRole,
} from './membership.js';
