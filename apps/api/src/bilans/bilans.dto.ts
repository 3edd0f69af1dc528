import type {
  DossierState,
  FieldIssue,
  NationalEditionBilan,
  NationalEditionTotals,
  WorkflowEvent,
} from '@nec/domain';
import type { BilanPlan } from '@nec/domain';

/** A dossier's bilan as the portal shows it: planned figures beside the bilan being written. */
export interface BilanDto {
  dossierId: string;
  dossierState: DossierState;
  /** `draft` until submitted, then `submitted` (frozen). */
  state: 'draft' | 'submitted';
  /** 0 while never saved (the pre-filled bilan): send it back with the first save. */
  version: number;
  planned: BilanPlan;
  bilan: Record<string, unknown>;
  draftIssues: FieldIssue[];
  updatedAt: string | null;
  submittedAt: string | null;
  /** Events the caller may fire on the dossier now (e.g. `submit-bilan`, `close`). */
  availableEvents: WorkflowEvent[];
}

/** The result of a workflow step fired from the bilan feature. */
export interface DossierStepDto {
  id: string;
  state: DossierState;
}

export interface NationalEditionDto extends NationalEditionBilan {
  /** Whether any attendance figure is published (the domain's `hasPublishedFigures`). */
  hasPublishedFigures: boolean;
  updatedAt: string;
}

export interface NationalEditionsDto {
  items: NationalEditionDto[];
  totals: NationalEditionTotals;
}
