import { Readable } from 'node:stream';
import yazl from 'yazl';

/** An entry of a test zip: bytes, or `zeros` bytes of zeros streamed (never held in memory). */
export type ZipEntry = { name: string } & ({ data: Buffer | string } | { zeros: number });

/** A zip built at test time (no large file is committed: a zip bomb is a few hundred KB). */
export function makeZip(entries: ZipEntry[]): Promise<Buffer> {
  const zip = new yazl.ZipFile();
  for (const entry of entries) {
    if ('data' in entry) zip.addBuffer(Buffer.from(entry.data), entry.name);
    else zip.addReadStream(zeros(entry.zeros), entry.name, { size: entry.zeros });
  }
  zip.end();
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    zip.outputStream.on('data', (c: Buffer) => chunks.push(c));
    zip.outputStream.on('end', () => resolve(Buffer.concat(chunks)));
    zip.outputStream.on('error', reject);
  });
}

function zeros(total: number): Readable {
  const chunk = Buffer.alloc(1024 * 1024);
  let left = total;
  return new Readable({
    read() {
      if (left <= 0) {
        this.push(null);
        return;
      }
      const n = Math.min(left, chunk.length);
      left -= n;
      this.push(n === chunk.length ? chunk : chunk.subarray(0, n));
    },
  });
}

/** The smallest DOCX `file-type` recognises: its content types, then a `word/` part. */
export function docx(document: { data: string } | { zeros: number }): Promise<Buffer> {
  return makeZip([
    {
      name: '[Content_Types].xml',
      data: '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
    },
    { name: 'word/document.xml', ...document },
  ]);
}
