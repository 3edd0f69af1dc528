import { describe, expect, it } from 'vitest';
import type { AttachmentDto } from '@nec/contracts';
import { defaultUploadMaxBytes } from '@nec/domain';
import { useUploads, type Uploader } from './use-uploads.js';
import { attachmentFixture } from '../../testing/attachment.js';

const attachmentOf = (file: File): AttachmentDto =>
  attachmentFixture({
    kind: 'information-answer',
    originalName: file.name,
    sizeBytes: file.size,
    detectedType: file.type,
    scanStatus: 'not-scanned',
  });

/** A file of `size` bytes without allocating them. */
function fileOf(name: string, size: number, type = 'application/pdf'): File {
  const file = new File(['x'], name, { type });
  Object.defineProperty(file, 'size', { value: size });
  return file;
}

describe('useUploads', () => {
  it('refuses before sending a file too big or of a refused type, stating the limit', async () => {
    const sent: string[] = [];
    const upload: Uploader = (file) => {
      sent.push(file.name);
      return Promise.resolve(attachmentOf(file));
    };
    const uploads = useUploads(upload, () => Promise.resolve());
    await uploads.add([
      fileOf('enorme.pdf', defaultUploadMaxBytes + 1),
      fileOf('virus.exe', 10, 'application/x-msdownload'),
      fileOf('devis.pdf', 10),
    ]);
    expect(sent).toEqual(['devis.pdf']);
    expect(uploads.problems.value).toHaveLength(2);
    expect(uploads.problems.value[0]).toContain('10 Mo');
    expect(uploads.problems.value[1]).toContain('Formats acceptés');
    expect(uploads.sent.value.map((a) => a.originalName)).toEqual(['devis.pdf']);
  });

  it('follows the progress, and says when a file is sent', async () => {
    let report: (fraction: number) => void = () => undefined;
    let finish: () => void = () => undefined;
    const upload: Uploader = (file, onProgress) =>
      new Promise((resolve) => {
        report = (fraction) => onProgress({ loaded: fraction, total: 1, fraction });
        finish = () => resolve(attachmentOf(file));
      });
    const uploads = useUploads(upload, () => Promise.resolve());
    const done = uploads.add([fileOf('devis.pdf', 2048)]);
    expect(uploads.busy.value).toBe(true);
    expect(uploads.announcement.value).toBe('Envoi de 1 fichier en cours.');
    report(0.42);
    expect(uploads.entries.value[0]?.percent).toBe(42);
    finish();
    await done;
    expect(uploads.busy.value).toBe(false);
    expect(uploads.entries.value[0]).toMatchObject({ status: 'sent', percent: 100, size: '2 ko' });
    expect(uploads.announcement.value).toBe('« devis.pdf » est envoyé.');
  });

  it('lists a failed upload with the API’s reason, and takes a sent file back', async () => {
    const failing: Uploader = () =>
      Promise.reject(
        Object.assign(new Error('Ce type de fichier n’est pas accepté.'), { status: 415 }),
      );
    const uploads = useUploads(failing, () => Promise.resolve());
    await uploads.add([fileOf('faux.pdf', 10)]);
    expect(uploads.entries.value).toEqual([]);
    expect(uploads.problems.value[0]).toBe(
      '« faux.pdf » n’a pas pu être envoyé : Ce type de fichier n’est pas accepté.',
    );

    const removed: string[] = [];
    const ok = useUploads(
      (file) => Promise.resolve(attachmentOf(file)),
      (a) => {
        removed.push(a.originalName);
        return Promise.resolve();
      },
    );
    await ok.add([fileOf('devis.pdf', 10)]);
    await ok.discard(ok.entries.value[0]!);
    expect(removed).toEqual(['devis.pdf']);
    expect(ok.sent.value).toEqual([]);
  });
});
