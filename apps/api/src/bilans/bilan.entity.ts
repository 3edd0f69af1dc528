import {
  Column,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  Unique,
} from 'typeorm';
import type { CallKind, EventMode, OrganisationCategory, ThemeFamily } from '@nec/domain';
import { DossierEntity } from '../dossiers/dossier.entity.js';
import { UserEntity } from '../users/user.entity.js';

/** `bigint` columns come back as strings from the drivers: read them as numbers (cents fit). */
const bigintAsNumber = {
  to: (value: number | null | undefined) => value,
  from: (value: string | number | null) => (value === null ? null : Number(value)),
};

/**
 * The bilan of a NEC local, one per dossier. `content` holds the bilan exactly as typed while it
 * is a draft, then, once submitted, the bilan as the domain's `necLocalBilanSchema` parsed it.
 *
 * The reporting columns are NULL on a draft and filled at submission, together with
 * `submitted_at`; they are the inputs of the domain's `aggregateBilans` (one `BilanRecord` per
 * row), so the reporting SQL and the domain compute the same figures:
 * - context (`bilanRecordSchema`): `year`, `event_date`, `region_code`, `departement_code`,
 *   `event_mode`, `porteur_category`, `call_kind`, `themes` (distinct strings),
 *   `theme_families` (= `recordThemeFamilies`: declared families plus those of catalogue themes);
 * - figures (`RecordFigures`): `attendees`, `structures`, `speakers`, `women_speakers` and
 *   `men_speakers` (0 without a gender split), `workshops`, `discovery_stands`,
 *   `expenses_cents`, `subsidy_cents` (NULL when the bilan does not report it: totals count it
 *   0), and `les_bases` (the bilan links a resource on Les Bases).
 * Events with an all-male panel are those with `women_speakers = 0 AND men_speakers > 0`.
 */
@Entity('bilans')
@Unique('UQ_bilans_dossier_id', ['dossierId'])
@Index('IDX_bilans_event_date', ['eventDate'])
@Index('IDX_bilans_year', ['year'])
export class BilanEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_bilans' })
  id!: string;

  @Column({ name: 'dossier_id', type: 'uuid' })
  dossierId!: string;

  @ManyToOne(() => DossierEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'dossier_id', foreignKeyConstraintName: 'FK_bilans_dossier_id' })
  dossier?: DossierEntity;

  @Column({ type: 'jsonb' })
  content!: Record<string, unknown>;

  /** Optimistic lock: 1 on the first save, +1 on each save and on submission. */
  @Column({ type: 'int' })
  version!: number;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;

  @Column({ name: 'submitted_at', type: 'timestamptz', nullable: true })
  submittedAt!: Date | null;

  @Column({ name: 'submitted_by', type: 'uuid', nullable: true })
  submittedBy!: string | null;

  @ManyToOne(() => UserEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'submitted_by', foreignKeyConstraintName: 'FK_bilans_submitted_by' })
  submitter?: UserEntity;

  // ── reporting columns, filled at submission ──────────────────────────────────

  /** `BilanRecord.year`: the year of the dossier's campaign. */
  @Column({ type: 'int', nullable: true })
  year!: number | null;

  /** `BilanRecord.eventDate`: the event's first day, from the dossier. */
  @Column({ name: 'event_date', type: 'date', nullable: true })
  eventDate!: string | null;

  /** `BilanRecord.regionCode`: NULL when the event has no single région. */
  @Column({ name: 'region_code', type: 'varchar', length: 3, nullable: true })
  regionCode!: string | null;

  /** `BilanRecord.departementCode`: NULL when the event has no single département. */
  @Column({ name: 'departement_code', type: 'varchar', length: 3, nullable: true })
  departementCode!: string | null;

  @Column({ name: 'event_mode', type: 'varchar', length: 20, nullable: true })
  eventMode!: EventMode | null;

  @Column({ name: 'porteur_category', type: 'varchar', length: 40, nullable: true })
  porteurCategory!: OrganisationCategory | null;

  @Column({ name: 'call_kind', type: 'varchar', length: 30, nullable: true })
  callKind!: CallKind | null;

  /** `bilan.attendees`. */
  @Column({ type: 'int', nullable: true })
  attendees!: number | null;

  /** `bilan.structuresRepresented`. */
  @Column({ type: 'int', nullable: true })
  structures!: number | null;

  /** `bilan.speakers.total`. */
  @Column({ type: 'int', nullable: true })
  speakers!: number | null;

  /** `bilan.speakers.genderSplit.women`, 0 without a split. */
  @Column({ name: 'women_speakers', type: 'int', nullable: true })
  womenSpeakers!: number | null;

  /** `bilan.speakers.genderSplit.men`, 0 without a split (women + men = speakers of known gender). */
  @Column({ name: 'men_speakers', type: 'int', nullable: true })
  menSpeakers!: number | null;

  /** `bilan.formats.workshops`. */
  @Column({ type: 'int', nullable: true })
  workshops!: number | null;

  /** `bilan.formats.discoveryStands`. */
  @Column({ name: 'discovery_stands', type: 'int', nullable: true })
  discoveryStands!: number | null;

  /** `bilan.budget.expensesCents`. */
  @Column({ name: 'expenses_cents', type: 'bigint', nullable: true, transformer: bigintAsNumber })
  expensesCents!: number | null;

  /** `bilan.budget.subsidyCents`, NULL when not reported. */
  @Column({ name: 'subsidy_cents', type: 'bigint', nullable: true, transformer: bigintAsNumber })
  subsidyCents!: number | null;

  /** The domain's `publishedOnLesBases(bilan.resources)`. */
  @Column({ name: 'les_bases', type: 'boolean', nullable: true })
  lesBases!: boolean | null;

  /** `BilanRecord.themes`: catalogue theme ids and free themes, each once. */
  @Column({ type: 'text', array: true, nullable: true })
  themes!: string[] | null;

  /** `recordThemeFamilies(record)`: every family the record counts under, each once. */
  @Column({ name: 'theme_families', type: 'text', array: true, nullable: true })
  themeFamilies!: ThemeFamily[] | null;
}
