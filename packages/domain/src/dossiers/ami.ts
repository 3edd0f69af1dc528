import { z } from 'zod';
import { amountField, budgetSchema } from '../budget/budget.js';
import { charterAcceptanceSchema } from '../charter/index.js';
import { draftOf } from '../shared/drafts.js';
import {
  choiceList,
  group,
  list,
  requiredLongText,
  requiredText,
  unaffected,
  yesNo,
} from '../shared/fields.js';
import {
  areaSchema,
  budgetResourcesReadable,
  checkSubsidyRequest,
  partnerSchema,
  report,
} from './common.js';

/** The five challenges of the AMI « Outiller la médiation numérique ». */
export const amiChallenges = [
  'territory-needs',
  'urgent-admin',
  'autonomy',
  'sustainability',
  'fragile-audience',
] as const;
export type AmiChallenge = (typeof amiChallenges)[number];

/** French names of the challenges (our wording). */
export const amiChallengeLabels: Record<AmiChallenge, string> = {
  'territory-needs': 'Connaître les besoins et les ressources du territoire en inclusion numérique',
  'urgent-admin': 'Mieux répondre aux situations administratives urgentes',
  autonomy: 'Conduire les publics vers l’autonomie numérique',
  sustainability: 'Faire durer les dispositifs d’inclusion numérique du territoire',
  'fragile-audience': 'Bâtir ou renforcer une offre pour un public particulièrement fragile',
};

/** Kinds of scheme a project mobilises. */
export const amiSchemeKinds = ['digital', 'tangible', 'engineering'] as const;
export type AmiSchemeKind = (typeof amiSchemeKinds)[number];

/** French names of the scheme kinds. */
export const amiSchemeKindLabels: Record<AmiSchemeKind, string> = {
  digital: 'Dispositif numérique (logiciel, base de données, référentiel…)',
  tangible: 'Dispositif matériel (kit de médiation, dispositif itinérant…)',
  engineering: 'Ingénierie (méthode documentée et reproductible)',
};

const commitment = (name: string) => yesNo(`Indiquez si vous vous engagez sur ${name}.`);

/**
 * The commitments of the NEC label's quality path. Keys match `amiCommitmentKeys` of the
 * campaigns module; which ones are mandatory is campaign data, checked by eligibility.
 */
const qualityCommitmentsSchema = group(
  {
    accessibility: commitment('l’accessibilité'),
    openness: commitment('l’ouverture du code source et des données'),
    appropriability: commitment('l’appropriabilité (documentation)'),
    security: commitment('la sécurité'),
    coDesign: commitment('la conception avec les usagers').optional(),
    ecoDesign: commitment('l’écoconception').optional(),
  },
  'Indiquez vos engagements de qualité.',
);

/** A complete application to the AMI. */
export const amiDossierSchema = z
  .object({
    projectName: requiredText('Indiquez le nom du projet.'),
    summary: requiredLongText('Résumez votre projet.'),
    challenges: choiceList(amiChallenges, 'Indiquez les défis auxquels votre projet répond.', {
      count: 1,
      message: 'Choisissez au moins un des cinq défis auxquels votre projet répond.',
    }),
    schemeKinds: choiceList(amiSchemeKinds, 'Indiquez les types de dispositifs mobilisés.', {
      count: 1,
      message: 'Indiquez au moins un type de dispositif mobilisé.',
    }),
    isNewProject: yesNo('Indiquez s’il s’agit d’un nouveau projet ou d’un projet existant.'),
    territory: areaSchema,
    qualityCommitments: qualityCommitmentsSchema,
    budget: budgetSchema,
    requestedAmountCents: amountField('Indiquez le montant demandé à l’ANCT.'),
    partners: list(partnerSchema, 'Indiquez vos partenaires (la liste peut être vide).'),
    charterAcceptance: charterAcceptanceSchema.optional(),
  })
  .superRefine(
    (dossier, ctx) =>
      report(
        ctx,
        checkSubsidyRequest(
          { requested: true, amountCents: dossier.requestedAmountCents },
          dossier.budget.resources,
          ['requestedAmountCents'],
        ),
      ),
    { when: unaffected(['requestedAmountCents'], ...budgetResourcesReadable) },
  );
export type AmiDossier = z.infer<typeof amiDossierSchema>;

/** An AMI application being filled in. */
export const amiDossierDraftSchema = draftOf(amiDossierSchema);
export type AmiDossierDraft = z.infer<typeof amiDossierDraftSchema>;
