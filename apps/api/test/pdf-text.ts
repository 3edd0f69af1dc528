import { inflateSync } from 'node:zlib';

// WinAnsi (Windows-1252) is Latin-1 except for 0x80–0x9F, where it has typography (’ € — œ…).
// Spelled out: Node 20's TextDecoder decodes this label as plain Latin-1.
const WIN_ANSI_HIGH: Record<number, string> = {
  0x80: '€',
  0x82: '‚',
  0x83: 'ƒ',
  0x84: '„',
  0x85: '…',
  0x86: '†',
  0x87: '‡',
  0x88: 'ˆ',
  0x89: '‰',
  0x8a: 'Š',
  0x8b: '‹',
  0x8c: 'Œ',
  0x8e: 'Ž',
  0x91: '‘',
  0x92: '’',
  0x93: '“',
  0x94: '”',
  0x95: '•',
  0x96: '–',
  0x97: '—',
  0x98: '˜',
  0x99: '™',
  0x9a: 'š',
  0x9b: '›',
  0x9c: 'œ',
  0x9e: 'ž',
  0x9f: 'Ÿ',
};
const winAnsi = {
  decode: (bytes: Buffer): string =>
    [...bytes].map((b) => WIN_ANSI_HIGH[b] ?? String.fromCharCode(b)).join(''),
};

/** The text shown by one content stream: each text-showing operator's strings, one line each. */
function textOf(content: string): string[] {
  const lines: string[] = [];
  const op = /\[((?:[^\]])*)\]\s*TJ|<([0-9A-Fa-f]*)>\s*Tj/g;
  for (const match of content.matchAll(op)) {
    const hex =
      match[1] !== undefined
        ? [...match[1].matchAll(/<([0-9A-Fa-f]*)>/g)].map((m) => m[1]).join('')
        : (match[2] ?? '');
    lines.push(winAnsi.decode(Buffer.from(hex, 'hex')));
  }
  return lines;
}

/**
 * The text of a PDF as produced by PDFKit with the standard fonts (WinAnsi strings in hex):
 * every stream is inflated when compressed, then its text operators are read. Enough to check
 * what a generated document says, not a general PDF parser.
 */
export function pdfText(pdf: Buffer): string {
  const raw = pdf.toString('latin1');
  const lines: string[] = [];
  const header = /\d+ \d+ obj\s*<<((?:(?!endobj)[\s\S])*?)>>\s*stream\r?\n/g;
  for (const match of raw.matchAll(header)) {
    const dict = match[1] ?? '';
    const length = /\/Length (\d+)/.exec(dict);
    if (!length?.[1]) continue;
    const start = (match.index ?? 0) + match[0].length;
    const data = pdf.subarray(start, start + Number(length[1]));
    const content = dict.includes('/FlateDecode')
      ? inflateSync(data).toString('latin1')
      : data.toString('latin1');
    lines.push(...textOf(content));
  }
  return lines.join('\n');
}
