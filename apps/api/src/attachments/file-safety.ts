import { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { inflateSync } from 'node:zlib';
import { HttpStatus } from '@nestjs/common';
import yauzl, { type Entry, type ZipFile } from 'yauzl';
import { ApiError } from '../common/errors.js';
import type { AcceptedFileType } from './file-types.js';

/**
 * Files that would cost whoever opens them far more than their size: office documents that are
 * zip bombs (a few hundred kilobytes inflating to hundreds of megabytes) and PDFs of thousands
 * of pages. Checked on upload, after the type is recognised; refused with a 422 and a code.
 */
export interface FileSafetyLimits {
  /** Total uncompressed size of an office document's entries, in bytes. */
  maxUncompressedBytes: number;
  /** Uncompressed ÷ compressed size of the whole document. */
  maxRatio: number;
  /** Entries in an office document's container. */
  maxEntries: number;
  maxPdfPages: number;
}

const ZIP_TYPES = new Set(['odt', 'ods', 'docx', 'xlsx']);

function refusal(code: string, message: string): ApiError {
  return new ApiError(HttpStatus.UNPROCESSABLE_ENTITY, code, message, [
    { path: 'file', code, message },
  ]);
}

const megabytes = (bytes: number) => `${Math.round((bytes / (1024 * 1024)) * 10) / 10} Mo`;

const unreadableArchive = () =>
  refusal(
    'archive-invalid',
    'Ce document bureautique est endommagé ou mal formé : il ne peut pas être accepté. Enregistrez-le à nouveau depuis votre logiciel.',
  );

/** Throws the refusal of a file that is too costly to open; resolves when it is fine. */
export async function assertSafeFile(
  type: AcceptedFileType,
  bytes: Buffer,
  limits: FileSafetyLimits,
): Promise<void> {
  if (ZIP_TYPES.has(type.ext)) await assertSafeArchive(bytes, limits);
  else if (type.ext === 'pdf') assertPdfPages(bytes, limits.maxPdfPages);
}

// ── office documents (zip containers) ───────────────────────────────────────────────────────

function openZip(bytes: Buffer): Promise<ZipFile> {
  return new Promise((resolve, reject) => {
    // validateEntrySizes: inflating an entry fails as soon as it yields more than it declared.
    yauzl.fromBuffer(
      bytes,
      { lazyEntries: true, validateEntrySizes: true, strictFileNames: false },
      (error, zip) => (error || !zip ? reject(error ?? new Error('zip')) : resolve(zip)),
    );
  });
}

/** The central directory's entries, stopping at `maxEntries + 1`. */
function readEntries(zip: ZipFile, maxEntries: number): Promise<Entry[]> {
  return new Promise((resolve, reject) => {
    const entries: Entry[] = [];
    zip.on('entry', (entry: Entry) => {
      entries.push(entry);
      if (entries.length > maxEntries) resolve(entries);
      else zip.readEntry();
    });
    zip.on('end', () => resolve(entries));
    zip.on('error', reject);
    zip.readEntry();
  });
}

/** Inflates one entry to nowhere; fails if it yields more than its declared size. */
function drain(zip: ZipFile, entry: Entry): Promise<void> {
  return new Promise((resolve, reject) => {
    zip.openReadStream(entry, (error, stream) => {
      if (error || !stream) {
        reject(error ?? new Error('zip stream'));
        return;
      }
      const sink = new Writable({ write: (_chunk, _encoding, done) => done() });
      pipeline(stream, sink).then(resolve, reject);
    });
  });
}

/**
 * Refuses an office document whose central directory declares too many entries, too many bytes
 * once inflated, or an excessive compression ratio; then inflates it (to nowhere) to check that
 * no entry yields more than it declared — a directory that lies is refused too. The inflation is
 * thereby bounded by the declared total, itself bounded by the limits.
 */
export async function assertSafeArchive(bytes: Buffer, limits: FileSafetyLimits): Promise<void> {
  let zip: ZipFile;
  try {
    zip = await openZip(bytes);
  } catch {
    throw unreadableArchive();
  }
  try {
    let entries: Entry[];
    try {
      entries = await readEntries(zip, limits.maxEntries);
    } catch {
      throw unreadableArchive();
    }
    if (entries.length > limits.maxEntries) {
      throw refusal(
        'archive-too-many-entries',
        `Ce document bureautique contient plus de ${limits.maxEntries} éléments : il a été refusé par précaution.`,
      );
    }
    const declared = entries.reduce((sum, e) => sum + e.uncompressedSize, 0);
    if (declared > limits.maxUncompressedBytes) {
      throw refusal(
        'archive-too-large',
        `Ce document bureautique occuperait ${megabytes(declared)} une fois ouvert (au plus ${megabytes(limits.maxUncompressedBytes)}) : il a été refusé par précaution.`,
      );
    }
    if (declared > limits.maxRatio * bytes.length) {
      throw refusal(
        'archive-compression-ratio',
        `Ce document bureautique est anormalement compressé (${megabytes(bytes.length)} qui en deviendraient ${megabytes(declared)}) : il a été refusé par précaution.`,
      );
    }
    for (const entry of entries) {
      if (entry.fileName.endsWith('/')) continue;
      if (entry.isEncrypted()) throw unreadableArchive();
      try {
        await drain(zip, entry);
      } catch {
        throw unreadableArchive();
      }
    }
  } finally {
    zip.close();
  }
}

// ── PDF ─────────────────────────────────────────────────────────────────────────────────────

/** What inflating the object streams of one PDF may produce in all (bytes). */
const OBJECT_STREAMS_BUDGET = 64 * 1024 * 1024;

/** `/Type /Page` (not `/Pages`), spaces and comments allowed between the name tokens. */
const PAGE_OBJECT = /\/Type\s*\/Page(?![A-Za-z0-9#_.-])/g;
const PAGES_COUNT = /\/Count\s+(\d{1,9})/g;

function countIn(text: string): { pages: number; declared: number } {
  const pages = text.match(PAGE_OBJECT)?.length ?? 0;
  let declared = 0;
  for (const match of text.matchAll(PAGES_COUNT)) declared = Math.max(declared, Number(match[1]));
  return { pages, declared };
}

/**
 * The number of pages of a PDF, counted without a PDF library: the page objects (`/Type /Page`)
 * in the file and in its compressed object streams (PDF ≥ 1.5 may keep every page object there),
 * and the largest `/Count` a page tree declares — the larger of the two, so neither a tree that
 * lies about its size nor pages hidden in object streams get through. Objects rewritten by
 * incremental updates may be counted twice: near the limit a PDF may be refused for that; it
 * never lets a long one through.
 */
export function countPdfPages(bytes: Buffer): number {
  const text = bytes.toString('latin1');
  let { pages, declared } = countIn(text);
  let budget = OBJECT_STREAMS_BUDGET;
  for (const data of objectStreams(text)) {
    if (budget <= 0) break;
    let inflated: Buffer;
    try {
      inflated = inflateSync(bytes.subarray(data.start, data.end), { maxOutputLength: budget });
    } catch {
      continue;
    }
    budget -= inflated.length;
    const found = countIn(inflated.toString('latin1'));
    pages += found.pages;
    declared = Math.max(declared, found.declared);
  }
  return Math.max(pages, declared);
}

/** Where the data of each Flate-compressed object stream (`/Type /ObjStm`) lies. */
function* objectStreams(text: string): Generator<{ start: number; end: number }> {
  for (const match of text.matchAll(/\/Type\s*\/ObjStm(?![A-Za-z0-9])/g)) {
    const at = match.index;
    // The dictionary: from the object's `obj` keyword (just before) to its `stream` keyword.
    const objAt = text.lastIndexOf('obj', at);
    const streamAt = text.indexOf('stream', at);
    if (objAt < 0 || streamAt < 0 || at - objAt > 4096 || streamAt - at > 4096) continue;
    if (!/\/FlateDecode\b/.test(text.slice(objAt, streamAt))) continue;
    let start = streamAt + 'stream'.length;
    if (text[start] === '\r') start += 1;
    if (text[start] === '\n') start += 1;
    const end = text.indexOf('endstream', start);
    if (end > start) yield { start, end };
  }
}

export function assertPdfPages(bytes: Buffer, maxPages: number): void {
  const pages = countPdfPages(bytes);
  if (pages > maxPages) {
    throw refusal(
      'pdf-too-many-pages',
      `Ce PDF compte ${pages} pages : le maximum accepté est de ${maxPages}. Envoyez un document plus court ou découpez-le.`,
    );
  }
}
