import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { UploadKind } from '@nec/domain';
import { DataSource, Not } from 'typeorm';
import { BindableRepository } from '../database/transactions.js';
import { AttachmentEntity } from './attachment.entity.js';
import type { ScanVerdict } from './scanning/attachment-scanner.js';

export type NewAttachment = Omit<
  AttachmentEntity,
  'id' | 'dossier' | 'uploader' | 'scannedAt' | 'scanStatus' | 'purgedAt'
>;

@Injectable()
export class AttachmentsRepository extends BindableRepository {
  constructor(@InjectDataSource() dataSource: DataSource) {
    super(dataSource);
  }

  /** A new row, `pending` until the scanner answers. */
  insert(row: NewAttachment): Promise<AttachmentEntity> {
    return this.tx()
      .getRepository(AttachmentEntity)
      .save({ ...row, scanStatus: 'pending', scannedAt: null });
  }

  listForDossier(dossierId: string): Promise<AttachmentEntity[]> {
    return this.m()
      .getRepository(AttachmentEntity)
      .find({ where: { dossierId }, order: { uploadedAt: 'ASC', id: 'ASC' } });
  }

  findInDossier(dossierId: string, id: string): Promise<AttachmentEntity | null> {
    return this.m().getRepository(AttachmentEntity).findOne({ where: { id, dossierId } });
  }

  findSameBytes(dossierId: string, sha256: string): Promise<AttachmentEntity | null> {
    return this.tx().getRepository(AttachmentEntity).findOne({ where: { dossierId, sha256 } });
  }

  /** How many files of this kind the dossier has (a photo found infected is not counted). */
  countOfKind(dossierId: string, kind: UploadKind): Promise<number> {
    return this.tx()
      .getRepository(AttachmentEntity)
      .count({ where: { dossierId, kind, scanStatus: Not('infected') } });
  }

  async remove(id: string): Promise<void> {
    await this.tx().getRepository(AttachmentEntity).delete({ id });
  }

  /** Records a verdict on a still-pending row; false if the row is gone or already scanned. */
  async setScanVerdict(id: string, verdict: ScanVerdict, at: Date): Promise<boolean> {
    const result = await this.m()
      .getRepository(AttachmentEntity)
      .update({ id, scanStatus: 'pending' }, { scanStatus: verdict, scannedAt: at });
    return (result.affected ?? 0) > 0;
  }

  /** Rows still waiting for a scan (e.g. the process stopped while scanning), oldest first. */
  listPending(limit: number): Promise<AttachmentEntity[]> {
    return this.m()
      .getRepository(AttachmentEntity)
      .find({
        where: { scanStatus: 'pending' },
        order: { uploadedAt: 'ASC' },
        take: limit,
      });
  }
}
