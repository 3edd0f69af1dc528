import { deflateSync } from 'node:zlib';
import PDFDocument from 'pdfkit';
import { describe, expect, it } from 'vitest';
import { docx, makeZip } from '../../test/zip-files.js';
import { assertSafeArchive, countPdfPages, type FileSafetyLimits } from './file-safety.js';

const limits: FileSafetyLimits = {
  maxUncompressedBytes: 1024 * 1024,
  maxRatio: 100,
  maxEntries: 10,
  maxPdfPages: 300,
};

const codeOf = async (promise: Promise<unknown>) => {
  try {
    await promise;
    return 'accepted';
  } catch (error) {
    return (error as { code?: string }).code;
  }
};

describe('office documents (zip containers)', () => {
  it('accepts an ordinary document', async () => {
    const text = '<w:p>Un paragraphe ordinaire, varié : 1, 2, 3.</w:p>'.repeat(200);
    expect(await codeOf(assertSafeArchive(await docx({ data: text }), limits))).toBe('accepted');
  });

  it('refuses what would inflate beyond the size limit', async () => {
    const bomb = await docx({ zeros: 2 * 1024 * 1024 });
    expect(await codeOf(assertSafeArchive(bomb, { ...limits, maxRatio: 1e6 }))).toBe(
      'archive-too-large',
    );
  });

  it('refuses an excessive compression ratio', async () => {
    const dense = await docx({ zeros: 512 * 1024 });
    expect(await codeOf(assertSafeArchive(dense, limits))).toBe('archive-compression-ratio');
  });

  it('refuses too many entries', async () => {
    const many = await makeZip(
      Array.from({ length: 11 }, (_, i) => ({ name: `part${i}.xml`, data: '<x/>' })),
    );
    expect(await codeOf(assertSafeArchive(many, limits))).toBe('archive-too-many-entries');
  });

  it('refuses a directory that understates what an entry inflates to', async () => {
    const bytes = await docx({ zeros: 256 * 1024 });
    // The central directory's uncompressed size of every entry, rewritten to 100 bytes.
    for (let at = bytes.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02])); at >= 0;) {
      bytes.writeUInt32LE(100, at + 24);
      at = bytes.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]), at + 4);
    }
    expect(await codeOf(assertSafeArchive(bytes, { ...limits, maxRatio: 1e6 }))).toBe(
      'archive-invalid',
    );
  });

  it('refuses what is not a zip', async () => {
    expect(await codeOf(assertSafeArchive(Buffer.from('PK\x03\x04pas un zip'), limits))).toBe(
      'archive-invalid',
    );
  });
});

function pdfOfPages(pages: number): Promise<Buffer> {
  const doc = new PDFDocument({ autoFirstPage: false });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  for (let i = 0; i < pages; i += 1) doc.addPage().text(`Page ${i + 1}`);
  doc.end();
  return new Promise((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
}

describe('PDF pages', () => {
  it('counts the pages of an ordinary PDF', async () => {
    expect(countPdfPages(await pdfOfPages(1))).toBe(1);
    expect(countPdfPages(await pdfOfPages(12))).toBe(12);
  });

  it('counts pages kept in compressed object streams, whatever the page tree declares', () => {
    const objects = '<< /Type /Page /Parent 2 0 R >>\n'.repeat(400);
    const data = deflateSync(Buffer.from(objects));
    const pdf = Buffer.concat([
      Buffer.from(
        `%PDF-1.5\n1 0 obj\n<< /Filter /FlateDecode /Type /ObjStm /N 400 /First 0 /Length ${data.length} >>\nstream\n`,
        'latin1',
      ),
      data,
      Buffer.from(
        '\nendstream\nendobj\n2 0 obj\n<< /Type /Pages /Count 1 /Kids [] >>\nendobj\n%%EOF\n',
        'latin1',
      ),
    ]);
    expect(countPdfPages(pdf)).toBe(400);
  });

  it('believes a page tree that declares more pages than it shows', () => {
    const pdf = Buffer.from(
      '%PDF-1.4\n1 0 obj\n<< /Type /Pages /Kids [2 0 R] /Count 5000 >>\nendobj\n2 0 obj\n<< /Type /Page /Parent 1 0 R >>\nendobj\n%%EOF\n',
      'latin1',
    );
    expect(countPdfPages(pdf)).toBe(5000);
  });
});
