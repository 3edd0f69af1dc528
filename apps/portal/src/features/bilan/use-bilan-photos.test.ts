import { afterEach, describe, expect, it, vi } from 'vitest';
import { effectScope, nextTick } from 'vue';
import type { AttachmentDto } from '@nec/contracts';
import { ApiError } from '@nec/api-client';
import { useBilanPhotos } from './use-bilan-photos.js';
import { photoFixture } from '../../testing/attachment.js';

const api = vi.hoisted(() => ({
  attachments: { list: vi.fn(), remove: vi.fn() },
  upload: vi.fn(),
}));
vi.mock('../../api/index.js', async (original) => ({
  ...(await original<object>()),
  api,
}));

const dossierId = '7c9e6679-7425-40de-944b-e07fc1f90ae7';
const attachment = (more: Partial<AttachmentDto>): AttachmentDto =>
  photoFixture({ dossierId, caption: 'La plénière', ...more });
const photoFile = (size = 2048, name = 'atelier.jpg', type = 'image/jpeg') => {
  const file = new File(['x'], name, { type });
  Object.defineProperty(file, 'size', { value: size });
  return file;
};
const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

function start() {
  const scope = effectScope();
  const photos = scope.run(() => useBilanPhotos(dossierId))!;
  return { photos, stop: () => scope.stop() };
}

afterEach(() => vi.resetAllMocks());

describe('useBilanPhotos', () => {
  it('lists the bilan’s photos only, and checks a photo by the domain before sending it', async () => {
    api.attachments.list.mockResolvedValue({
      items: [attachment({}), attachment({ kind: 'budget', caption: null })],
      total: 2,
      page: 1,
      pageSize: 100,
    });
    const { photos: p, stop } = start();
    await flush();
    expect(p.photos.value.map((a) => a.kind)).toEqual(['bilan-photo']);

    expect(await p.send()).toBe('invalid');
    expect(p.errors).toEqual({
      file: 'Choisissez une photo.',
      caption: expect.stringContaining('Décrivez la photo') as string,
      consent: expect.stringContaining('reconnaissables') as string,
    });
    p.file.value = photoFile(6 * 1024 * 1024);
    p.caption.value = 'Un atelier';
    p.consent.value = true;
    expect(await p.send()).toBe('invalid');
    expect(p.errors.file).toBe('« atelier.jpg » pèse 6 Mo : une photo ne dépasse pas 5 Mo.');
    p.file.value = photoFile(10, 'compte-rendu.pdf', 'application/pdf');
    expect(await p.send()).toBe('invalid');
    expect(p.errors.file).toContain('JPEG');
    // Nothing went out: the form stays as filled in, for the person to change the file only.
    expect([p.caption.value, p.consent.value]).toEqual(['Un atelier', true]);
    expect(api.upload).not.toHaveBeenCalled();
    stop();
  });

  it('sends the photo with its caption and the consent, following the progress', async () => {
    api.attachments.list.mockResolvedValue({ items: [], total: 0, page: 1, pageSize: 100 });
    const { photos: p, stop } = start();
    await flush();
    let report: (fraction: number) => void = () => undefined;
    let finish: (a: AttachmentDto) => void = () => undefined;
    api.upload.mockImplementation(
      (_route, args: { onProgress: (p: { fraction: number }) => void }) =>
        new Promise((resolve) => {
          report = (fraction) => args.onProgress({ fraction });
          finish = resolve;
        }),
    );
    p.file.value = photoFile();
    p.caption.value = ' Un atelier ';
    p.consent.value = true;
    const sending = p.send();
    report(0.4);
    await nextTick();
    expect(p.percent.value).toBe(40);
    expect(api.upload.mock.calls[0]?.[1]).toMatchObject({
      params: { id: dossierId },
      fields: { kind: 'bilan-photo', caption: 'Un atelier', consent: 'true' },
    });
    finish(attachment({ caption: 'Un atelier', scanStatus: 'clean' }));
    expect(await sending).toBe('sent');
    expect(p.percent.value).toBeNull();
    // The next photo starts from an empty form: its consent is a fresh decision.
    expect([p.file.value, p.caption.value, p.consent.value]).toEqual([null, '', false]);
    expect(p.photos.value.map((a) => a.caption)).toEqual(['Un atelier']);
    expect(p.announcement.value).toContain('est envoyée');
    stop();
  });

  it('puts the API’s refusal at its field (a file that is not an image by its bytes)', async () => {
    api.attachments.list.mockResolvedValue({ items: [], total: 0, page: 1, pageSize: 100 });
    const { photos: p, stop } = start();
    await flush();
    api.upload.mockRejectedValue(
      new ApiError(415, {
        error: 'unsupported-file-type',
        message: 'Une photo est une image PNG, JPEG, WebP.',
        fields: [
          { path: 'file', code: 'unsupported-file-type', message: 'Une photo est une image.' },
        ],
      }),
    );
    p.file.value = photoFile();
    p.caption.value = 'Un atelier';
    p.consent.value = true;
    expect(await p.send()).toBe('refused');
    expect(p.errors.file).toBe('Une photo est une image.');
    expect([p.file.value, p.caption.value, p.consent.value]).toEqual([null, '', false]);
    expect(p.announcement.value).toBe('« atelier.jpg » n’a pas été envoyée.');
    stop();
  });

  it('keeps the caption and consent the API refused, for the person to correct them', async () => {
    api.attachments.list.mockResolvedValue({ items: [], total: 0, page: 1, pageSize: 100 });
    const { photos: p, stop } = start();
    await flush();
    api.upload.mockRejectedValue(
      new ApiError(400, {
        error: 'validation-failed',
        message: 'La légende est trop longue.',
        fields: [{ path: 'caption', code: 'too-long', message: 'La légende est trop longue.' }],
      }),
    );
    const chosen = photoFile();
    p.file.value = chosen;
    p.caption.value = 'Un atelier';
    p.consent.value = true;
    expect(await p.send()).toBe('refused');
    expect(p.errors.caption).toBe('La légende est trop longue.');
    expect([p.file.value, p.caption.value, p.consent.value]).toEqual([chosen, 'Un atelier', true]);
    stop();
  });
});
