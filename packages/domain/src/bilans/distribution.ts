import { err, ok, type Result } from '../shared/result.js';
import { type BilanRecord } from './bilan-record.js';
import { recordCostPerAttendeeCents } from './record-figures.js';

/**
 * The per-record figures a distribution can be drawn for. A record with no value for the field
 * (no subsidy reported, no attendee for a cost per attendee) is skipped, not counted as 0.
 */
export const distributionFields = {
  attendees: (record: BilanRecord): number | null => record.bilan.attendees,
  structures: (record: BilanRecord): number | null => record.bilan.structuresRepresented,
  speakers: (record: BilanRecord): number | null => record.bilan.speakers.total,
  expensesCents: (record: BilanRecord): number | null => record.bilan.budget.expensesCents,
  subsidyCents: (record: BilanRecord): number | null => record.bilan.budget.subsidyCents ?? null,
  costPerAttendeeCents: recordCostPerAttendeeCents,
} as const;
export type DistributionField = keyof typeof distributionFields;

/** The attendee buckets of the overview: 0–99, 100–149, 150–249, 250 and more. */
export const attendeeBucketEdges = [0, 100, 150, 250] as const;

/** Expense buckets (cents): under 5 k€, 5–10 k€, 10–15 k€, 15–20 k€, 20–30 k€, 30 k€ and more. */
export const expenseBucketEdges = [0, 500_000, 1_000_000, 1_500_000, 2_000_000, 3_000_000] as const;

/** Cost per attendee buckets (cents): under 20 €, 20–50 €, 50–100 €, 100–200 €, 200 € and more. */
export const costPerAttendeeBucketEdges = [0, 2_000, 5_000, 10_000, 20_000] as const;

/** The histograms the reporting draws, each a figure with its bucket edges. */
export const reportingDistributions = {
  attendees: attendeeBucketEdges,
  expensesCents: expenseBucketEdges,
  costPerAttendeeCents: costPerAttendeeBucketEdges,
} as const satisfies Partial<Record<DistributionField, readonly number[]>>;
export type ReportingDistribution = keyof typeof reportingDistributions;

/** Records whose value lies in [from, to); `to` is `null` for the last, open bucket. */
export type DistributionBucket = { from: number; to: number | null; count: number };

/** A histogram: the buckets, values below the first edge, and records without a value. */
export type Distribution = { buckets: DistributionBucket[]; below: number; skipped: number };

/** Why bucket edges were refused. */
export type DistributionError = {
  code: 'no-edges' | 'edges-not-increasing' | 'edge-not-finite';
  message: string;
};

function checkEdges(edges: readonly number[]): DistributionError | null {
  if (edges.length === 0) {
    return { code: 'no-edges', message: 'Indiquez au moins une borne de tranche.' };
  }
  if (edges.some((edge) => !Number.isFinite(edge))) {
    return {
      code: 'edge-not-finite',
      message: 'Chaque borne de tranche doit être un nombre fini.',
    };
  }
  const index = edges.findIndex((edge, i) => i > 0 && edge <= (edges[i - 1] ?? edge));
  if (index > 0) {
    return {
      code: 'edges-not-increasing',
      message: `Les bornes de tranche doivent être strictement croissantes (la borne n° ${index + 1} ne l’est pas).`,
    };
  }
  return null;
}

/**
 * Histogram of a figure over records: edges `[e0, e1, …, en]` make the buckets [e0, e1),
 * [e1, e2), …, [en, +∞). Values below `e0` are counted in `below`; records with no value in
 * `skipped`. Edges must be finite and strictly increasing (else a typed error).
 */
export function distribution(
  records: readonly BilanRecord[],
  field: DistributionField,
  bucketEdges: readonly number[],
): Result<Distribution, DistributionError> {
  const problem = checkEdges(bucketEdges);
  if (problem) return err(problem);
  const buckets = bucketEdges.map((from, i) => ({
    from,
    to: bucketEdges[i + 1] ?? null,
    count: 0,
  }));
  let below = 0;
  let skipped = 0;
  for (const record of records) {
    const value = distributionFields[field](record);
    if (value === null) skipped += 1;
    else if (value < (bucketEdges[0] ?? 0)) below += 1;
    else {
      const bucket = buckets.findLast((candidate) => value >= candidate.from);
      if (bucket) bucket.count += 1;
    }
  }
  return ok({ buckets, below, skipped });
}

const integers = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 0 });

/**
 * French label of a bucket of whole numbers: « 100 à 149 », or « 250 et plus » for the last.
 * (For amounts, format `from` and `to` with `formatCents` instead.)
 */
export function bucketLabel(bucket: Pick<DistributionBucket, 'from' | 'to'>): string {
  if (bucket.to === null) return `${integers.format(bucket.from)} et plus`;
  return `${integers.format(bucket.from)} à ${integers.format(bucket.to - 1)}`;
}
