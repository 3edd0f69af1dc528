import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { DossierEntity } from '../dossiers/dossier.entity.js';
import { UserEntity } from '../users/user.entity.js';

/** A request for more information sent to the applicant, and the answer once given. */
@Entity('information_requests')
export class InformationRequestEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Index()
  @Column({ name: 'dossier_id', type: 'uuid' })
  dossierId!: string;

  @ManyToOne(() => DossierEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'dossier_id' })
  dossier?: DossierEntity;

  @Column({ type: 'text' })
  message!: string;

  @Column({ name: 'due_date', type: 'date' })
  dueDate!: string;

  @Column({ name: 'requested_by', type: 'uuid', nullable: true })
  requestedBy!: string | null;

  @ManyToOne(() => UserEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'requested_by' })
  requester?: UserEntity;

  @Column({ name: 'requested_at', type: 'timestamptz' })
  requestedAt!: Date;

  @Column({ name: 'answered_at', type: 'timestamptz', nullable: true })
  answeredAt!: Date | null;

  @Column({ name: 'answer_text', type: 'text', nullable: true })
  answerText!: string | null;

  /** Files of the dossier the answer points to (uploaded beforehand, kind `information-answer`). */
  @Column({ name: 'answer_attachment_ids', type: 'uuid', array: true, default: () => "'{}'" })
  answerAttachmentIds!: string[];

  @Column({ name: 'answered_by', type: 'uuid', nullable: true })
  answeredBy!: string | null;

  @ManyToOne(() => UserEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'answered_by' })
  answerer?: UserEntity;
}
