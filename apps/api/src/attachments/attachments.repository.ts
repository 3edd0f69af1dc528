import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { UploadKind } from '@nec/domain';
import { DataSource, type EntityManager, Not } from 'typeorm';
import { AttachmentEntity } from './attachment.entity.js';
import type { ScanVerdict } from './scanning/attachment-scanner.js';

export type NewAttachment = Omit<
  AttachmentEntity,
  'id' | 'dossier' | 'uploader' | 'scannedAt' | 'scanStatus'
>;

@Injectable()
export class AttachmentsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  private repo(manager?: EntityManager) {
    return (manager ?? this.dataSource.manager).getRepository(AttachmentEntity);
  }

  /** A new row, `pending` until the scanner answers. */
  insert(row: NewAttachment, manager: EntityManager): Promise<AttachmentEntity> {
    return this.repo(manager).save({ ...row, scanStatus: 'pending', scannedAt: null });
  }

  listForDossier(dossierId: string): Promise<AttachmentEntity[]> {
    return this.repo().find({ where: { dossierId }, order: { uploadedAt: 'ASC', id: 'ASC' } });
  }

  findInDossier(
    dossierId: string,
    id: string,
    manager?: EntityManager,
  ): Promise<AttachmentEntity | null> {
    return this.repo(manager).findOne({ where: { id, dossierId } });
  }

  findSameBytes(
    dossierId: string,
    sha256: string,
    manager: EntityManager,
  ): Promise<AttachmentEntity | null> {
    return this.repo(manager).findOne({ where: { dossierId, sha256 } });
  }

  /** How many files of this kind the dossier has (a photo found infected is not counted). */
  countOfKind(dossierId: string, kind: UploadKind, manager: EntityManager): Promise<number> {
    return this.repo(manager).count({ where: { dossierId, kind, scanStatus: Not('infected') } });
  }

  async remove(id: string, manager: EntityManager): Promise<void> {
    await this.repo(manager).delete({ id });
  }

  /** Records a verdict on a still-pending row; false if the row is gone or already scanned. */
  async setScanVerdict(id: string, verdict: ScanVerdict, at: Date): Promise<boolean> {
    const result = await this.repo().update(
      { id, scanStatus: 'pending' },
      { scanStatus: verdict, scannedAt: at },
    );
    return (result.affected ?? 0) > 0;
  }

  /** Rows still waiting for a scan (e.g. the process stopped while scanning), oldest first. */
  listPending(limit: number): Promise<AttachmentEntity[]> {
    return this.repo().find({
      where: { scanStatus: 'pending' },
      order: { uploadedAt: 'ASC' },
      take: limit,
    });
  }
}
