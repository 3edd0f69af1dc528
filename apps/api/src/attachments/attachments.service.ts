import { createHash, randomUUID } from 'node:crypto';
import type { Readable } from 'node:stream';
import {
  HttpStatus,
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnModuleDestroy,
} from '@nestjs/common';
import {
  acceptsFiles,
  bilanPhotoFormatsText,
  bilanPhotoLimits,
  dossierStateLabels,
  formatInstantFr,
  type UploadKind,
} from '@nec/domain';
import type { Actor } from '../auth/actor.js';
import { AuditService } from '../audit/audit.service.js';
import { QuotasService } from '../quotas/quotas.service.js';
import { Clock } from '../clock/clock.js';
import { ApiError, badRequest, conflict, notFound } from '../common/errors.js';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import { DossierAccessService } from '../dossiers/dossier-access.service.js';
import type { DossierEntity } from '../dossiers/dossier.entity.js';
import { DossiersRepository } from '../dossiers/dossiers.repository.js';
import type { AttachmentEntity } from './attachment.entity.js';
import { toAttachmentDto } from './attachments.dto.js';
import { AttachmentsRepository } from './attachments.repository.js';
import {
  slicePage,
  type AttachmentDto,
  type Page,
  type PageQuery,
  type UploadFields,
} from '@nec/contracts';
import { fileTooLarge } from './attachment-errors.js';
import { cleanOriginalName, contentDisposition, downloadName } from './file-names.js';
import { assertSafeFile } from './file-safety.js';
import { detectAcceptedType, extensionOf } from './file-types.js';
import {
  ATTACHMENT_SCANNER,
  type AttachmentScanner,
  type ScanVerdict,
} from './scanning/attachment-scanner.js';
import { ATTACHMENT_STORAGE, type AttachmentStorage } from './storage/attachment-storage.js';
import { Transactions } from '../database/transactions.js';

/** The part of a Multer file the service reads (memory storage). */
export interface UploadedBytes {
  originalname: string;
  size: number;
  buffer: Buffer;
}

/** A download ready to stream, with the headers that go with it. */
export interface AttachmentDownload {
  stream: Readable;
  contentType: string;
  length: number;
  disposition: string;
}

/** A photo is an image of the domain's list, judged from its bytes. */
function assertPhotoType(mime: string): void {
  if ((bilanPhotoLimits.mimes as readonly string[]).includes(mime)) return;
  const message = `Une photo est une image ${bilanPhotoFormatsText}.`;
  throw new ApiError(HttpStatus.UNSUPPORTED_MEDIA_TYPE, 'unsupported-file-type', message, [
    { path: 'file', code: 'unsupported-file-type', message },
  ]);
}

/** A photo's caption and the time its publication was agreed; nothing for other files. */
function photoDetails(
  fields: UploadFields,
  now: Date,
): Pick<AttachmentEntity, 'caption' | 'imageConsentAt'> {
  if (fields.kind !== 'bilan-photo') return { caption: null, imageConsentAt: null };
  return { caption: fields.caption?.trim() ?? null, imageConsentAt: fields.consent ? now : null };
}

const attachmentNotFound = () => notFound('Ce document est introuvable.');

/**
 * Photos of a bilan are few (the domain's limit), counted under the dossier's lock
 * (`attachments` is bound to the transaction that holds it).
 */
async function assertRoomForPhoto(
  attachments: AttachmentsRepository,
  dossierId: string,
): Promise<void> {
  const { maxCount } = bilanPhotoLimits;
  if ((await attachments.countOfKind(dossierId, 'bilan-photo')) >= maxCount) {
    throw conflict(
      'too-many-photos',
      `Le bilan compte déjà ${maxCount} photos, le maximum. Retirez-en une avant d’en ajouter une autre.`,
    );
  }
}

/** How long shutting down waits for the scans under way. */
const SHUTDOWN_GRACE_MS = 5_000;

@Injectable()
export class AttachmentsService implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('Attachments');
  private readonly scans = new Set<Promise<void>>();

  constructor(
    private readonly transactions: Transactions,
    private readonly repository: AttachmentsRepository,
    private readonly dossiers: DossiersRepository,
    private readonly access: DossierAccessService,
    private readonly audit: AuditService,
    private readonly quotas: QuotasService,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(ATTACHMENT_STORAGE) private readonly storage: AttachmentStorage,
    @Inject(ATTACHMENT_SCANNER) private readonly scanner: AttachmentScanner,
  ) {}

  // ── reads ─────────────────────────────────────────────────────────────────

  async list(actor: Actor, dossierId: string, query: PageQuery): Promise<Page<AttachmentDto>> {
    await this.access.readable(actor, dossierId);
    await this.access.auditRead(actor, dossierId, 'attachments');
    const rows = await this.repository.listForDossier(dossierId);
    return slicePage(
      rows.map((r) => toAttachmentDto(r, actor.id)),
      query,
    );
  }

  /**
   * The bytes of a clean file (or of a `not-scanned` one, when no scanner is configured: see
   * `isServable`); a file waiting for its scan, or infected, is never served.
   */
  async download(
    actor: Actor,
    dossierId: string,
    attachmentId: string,
  ): Promise<AttachmentDownload> {
    await this.access.readable(actor, dossierId);
    const row = await this.repository.findInDossier(dossierId, attachmentId);
    if (!row) throw attachmentNotFound();
    this.assertServable(row);
    await this.access.auditRead(actor, dossierId, 'attachment', { attachmentId });
    const stream = await this.storage.get(row.storageKey);
    return {
      stream,
      contentType: row.detectedType,
      length: row.sizeBytes,
      disposition: contentDisposition(
        downloadName(row.originalName, extensionOf(row.detectedType)),
      ),
    };
  }

  private assertServable(row: AttachmentEntity): void {
    if (row.purgedAt !== null) {
      throw new ApiError(
        HttpStatus.GONE,
        'file-purged',
        `Ce document a été supprimé le ${formatInstantFr(row.purgedAt, { time: false, timeZone: 'Europe/Paris' })} : le dossier est clos depuis plus longtemps que la durée de conservation de ses pièces.`,
      );
    }
    switch (row.scanStatus) {
      case 'clean':
      case 'not-scanned':
        return;
      case 'pending':
        throw conflict(
          'scan-pending',
          'Ce document est en cours d’analyse antivirus : il sera disponible dans quelques instants.',
        );
      case 'error':
        throw conflict(
          'scan-failed',
          'L’analyse antivirus de ce document n’a pas abouti : il n’est pas disponible. Déposez-le à nouveau.',
        );
      case 'infected':
        throw new ApiError(
          HttpStatus.GONE,
          'file-infected',
          'Ce document a été détecté comme dangereux par l’antivirus : il a été supprimé.',
        );
    }
  }

  // ── applicant writes ──────────────────────────────────────────────────────

  async upload(
    actor: Actor,
    dossierId: string,
    fields: UploadFields,
    file: UploadedBytes | undefined,
  ): Promise<AttachmentDto> {
    await this.access.ownDossier(actor, dossierId);
    if (!file) {
      throw badRequest('file-missing', 'Joignez un fichier (champ « file »).', [
        { path: 'file', code: 'file-missing', message: 'Joignez un fichier.' },
      ]);
    }
    const maxBytes =
      fields.kind === 'bilan-photo'
        ? Math.min(bilanPhotoLimits.maxBytes, this.config.NEC_UPLOAD_MAX_BYTES)
        : this.config.NEC_UPLOAD_MAX_BYTES;
    if (file.size > maxBytes || file.buffer.length > maxBytes) throw fileTooLarge(maxBytes);
    if (file.buffer.length === 0) {
      throw badRequest('empty-file', 'Le fichier est vide.', [
        { path: 'file', code: 'empty-file', message: 'Le fichier est vide.' },
      ]);
    }
    const type = await detectAcceptedType(file.buffer);
    if (!type) {
      throw new ApiError(
        HttpStatus.UNSUPPORTED_MEDIA_TYPE,
        'unsupported-file-type',
        'Ce type de fichier n’est pas accepté. Envoyez un PDF, une image (PNG, JPEG, WebP) ou un document bureautique (ODT, ODS, DOCX, XLSX).',
        [
          {
            path: 'file',
            code: 'unsupported-file-type',
            message: 'Formats acceptés : PDF, PNG, JPEG, WebP, ODT, ODS, DOCX, XLSX.',
          },
        ],
      );
    }
    if (fields.kind === 'bilan-photo') assertPhotoType(type.mime);
    // Zip bombs and PDFs of thousands of pages: refused before anything is stored.
    await assertSafeFile(type, file.buffer, {
      maxUncompressedBytes: this.config.NEC_ARCHIVE_MAX_UNCOMPRESSED_BYTES,
      maxRatio: this.config.NEC_ARCHIVE_MAX_RATIO,
      maxEntries: this.config.NEC_ARCHIVE_MAX_ENTRIES,
      maxPdfPages: this.config.NEC_PDF_MAX_PAGES,
    });
    const sha256 = createHash('sha256').update(file.buffer).digest('hex');
    const storageKey = randomUUID();
    const now = this.clock.now();
    await this.storage.put(storageKey, file.buffer);
    let row: AttachmentEntity;
    try {
      const repositories = { attachments: this.repository, dossiers: this.dossiers };
      row = await this.transactions.run(repositories, async ({ attachments, dossiers }, tx) => {
        // The dossier is locked so a submission cannot slip between the check and the insert.
        const dossier = await dossiers.findForUpdate(dossierId);
        if (!dossier) throw notFound('Ce dossier est introuvable.');
        this.assertAcceptsFiles(dossier, fields.kind);
        await this.quotas.assertCanAttach(actor, dossierId, tx);
        if (fields.kind === 'bilan-photo') await assertRoomForPhoto(attachments, dossierId);
        const same = await attachments.findSameBytes(dossierId, sha256);
        if (same) {
          throw conflict(
            'duplicate-attachment',
            `Ce fichier est déjà joint au dossier (« ${same.originalName} »).`,
            { attachmentId: same.id },
          );
        }
        const inserted = await attachments.insert({
          dossierId,
          kind: fields.kind,
          originalName: cleanOriginalName(file.originalname),
          sizeBytes: file.buffer.length,
          detectedType: type.mime,
          sha256,
          storageKey,
          uploadedBy: actor.id,
          uploadedByRole: actor.role,
          uploadedAt: now,
          ...photoDetails(fields, now),
        });
        await this.audit.record(
          {
            actorId: actor.id,
            actorRole: actor.role,
            action: 'attachment.upload',
            subjectType: 'dossier',
            subjectId: dossierId,
            details: {
              attachmentId: inserted.id,
              kind: fields.kind,
              detectedType: type.mime,
              sizeBytes: inserted.sizeBytes,
              sha256,
            },
          },
          tx,
        );
        return inserted;
      });
    } catch (error) {
      await this.storage
        .delete(storageKey)
        .catch((e: unknown) =>
          this.logger.error(`Fichier orphelin ${storageKey} non supprimé : ${String(e)}`),
        );
      throw error;
    }
    this.scheduleScan(row, file.buffer);
    return toAttachmentDto(row, actor.id);
  }

  async remove(actor: Actor, dossierId: string, attachmentId: string): Promise<void> {
    await this.access.ownDossier(actor, dossierId);
    const repositories = { attachments: this.repository, dossiers: this.dossiers };
    const storageKey = await this.transactions.run(
      repositories,
      async ({ attachments, dossiers }, tx) => {
        const dossier = await dossiers.findForUpdate(dossierId);
        if (!dossier) throw notFound('Ce dossier est introuvable.');
        const row = await attachments.findInDossier(dossierId, attachmentId);
        if (!row) throw attachmentNotFound();
        this.assertAcceptsFiles(dossier, row.kind);
        // A file sent with a submission belongs to the submitted version: it stays.
        if (dossier.submittedAt && row.uploadedAt <= dossier.submittedAt) {
          throw conflict(
            'attachment-frozen',
            'Ce document a été transmis avec le dossier déposé : il ne peut plus être supprimé.',
          );
        }
        await attachments.remove(row.id);
        await this.audit.record(
          {
            actorId: actor.id,
            actorRole: actor.role,
            action: 'attachment.delete',
            subjectType: 'dossier',
            subjectId: dossierId,
            details: { attachmentId: row.id, kind: row.kind, sha256: row.sha256 },
          },
          tx,
        );
        return row.storageKey;
      },
    );
    // The row is gone (nothing can serve the file any more); a leftover object is only logged.
    await this.storage
      .delete(storageKey)
      .catch((e: unknown) =>
        this.logger.error(`Fichier ${storageKey} non supprimé du stockage : ${String(e)}`),
      );
  }

  private assertAcceptsFiles(dossier: DossierEntity, kind: UploadKind): void {
    if (!acceptsFiles(dossier.state, kind)) {
      throw conflict(
        'attachments-locked',
        `Les documents de ce dossier ne peuvent plus être modifiés dans l’état « ${dossierStateLabels[dossier.state]} ».`,
      );
    }
  }

  // ── virus scan ────────────────────────────────────────────────────────────

  /** Scans in the background: the upload's response does not wait for the scanner. */
  private scheduleScan(
    row: Pick<AttachmentEntity, 'id' | 'dossierId' | 'storageKey'>,
    bytes: Buffer,
  ): void {
    const scan = this.scan(row, bytes).finally(() => this.scans.delete(scan));
    this.scans.add(scan);
  }

  private async scan(
    row: Pick<AttachmentEntity, 'id' | 'dossierId' | 'storageKey'>,
    bytes: Buffer,
  ): Promise<void> {
    let verdict: ScanVerdict;
    try {
      verdict = await this.scanner.scan(bytes);
    } catch (error) {
      this.logger.error(`Analyse antivirus en échec pour ${row.id} : ${String(error)}`);
      verdict = 'error';
    }
    try {
      const recorded = await this.repository.setScanVerdict(row.id, verdict, this.clock.now());
      if (!recorded) return;
      if (verdict === 'infected') {
        // Quarantine by deletion: the row stays (with its SHA-256) so the applicant sees why.
        await this.storage.delete(row.storageKey);
        await this.audit.record({
          actorId: null,
          actorRole: 'system',
          action: 'attachment.infected',
          subjectType: 'dossier',
          subjectId: row.dossierId,
          details: { attachmentId: row.id, scanner: this.scanner.name },
        });
      }
    } catch (error) {
      this.logger.error(`Résultat d’analyse non enregistré pour ${row.id} : ${String(error)}`);
    }
  }

  /** Files left pending by a stopped process are scanned again at start-up. */
  onApplicationBootstrap(): void {
    if (this.scanner.name === 'none' && this.config.NODE_ENV === 'production') {
      this.logger.warn(
        'Aucun antivirus configuré (NEC_CLAMD_URL) : les pièces jointes sont servies sans analyse.',
      );
    }
    const resume = this.resumePendingScans().catch((e: unknown) =>
      this.logger.error(`Reprise des analyses impossible : ${String(e)}`),
    );
    const tracked = resume.finally(() => this.scans.delete(tracked));
    this.scans.add(tracked);
  }

  private async resumePendingScans(): Promise<void> {
    for (const row of await this.repository.listPending(100)) {
      const stream = await this.storage.get(row.storageKey).catch(() => null);
      if (!stream) {
        await this.repository.setScanVerdict(row.id, 'error', this.clock.now());
        continue;
      }
      const chunks: Buffer[] = [];
      for await (const chunk of stream) chunks.push(chunk as Buffer);
      this.scheduleScan(row, Buffer.concat(chunks));
    }
  }

  async onModuleDestroy(): Promise<void> {
    await Promise.race([
      Promise.allSettled([...this.scans]),
      new Promise((resolve) => setTimeout(resolve, SHUTDOWN_GRACE_MS).unref()),
    ]);
  }

  /** Resolves once the scans under way are over (tests). */
  async settled(): Promise<void> {
    while (this.scans.size > 0) await Promise.allSettled([...this.scans]);
  }
}
