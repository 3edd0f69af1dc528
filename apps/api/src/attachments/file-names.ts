const MAX_NAME = 200;

/**
 * The name the user gave, kept for display: no directory part, no control or bidirectional
 * override characters, NFC, at most 200 characters; `document` when nothing is left.
 */
export function cleanOriginalName(raw: string): string {
  const base = raw.normalize('NFC').split(/[/\\]/).pop() ?? '';
  const cleaned = base
    // eslint-disable-next-line no-control-regex -- removing control characters is the point
    .replace(/[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, '')
    .trim();
  return (cleaned || 'document').slice(0, MAX_NAME);
}

/**
 * The name a download is saved under: the original name's stem with the extension of the
 * DETECTED type (a PNG sent as `x.pdf` is served as `x.png`).
 */
export function downloadName(originalName: string, ext: string): string {
  const dot = originalName.lastIndexOf('.');
  const stem = (dot > 0 ? originalName.slice(0, dot) : originalName).trim() || 'document';
  return `${stem}.${ext}`;
}

/** RFC 6266 / 5987: an ASCII fallback plus the exact UTF-8 name. */
export function contentDisposition(fileName: string): string {
  const ascii = fileName
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z0-9._ -]/g, '_');
  const encoded = encodeURIComponent(fileName).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}
