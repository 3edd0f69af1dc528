import { createWriteStream } from 'node:fs';
import { mkdir, open, rename, rm, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { StorageUnavailableError } from '../../common/unavailable.js';
import { assertStorageKey, type AttachmentStorage } from './attachment-storage.js';

const errnoOf = (error: unknown): string | undefined =>
  typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : undefined;

/** A file system failure (full, read-only, permissions, I/O) as a storage outage. */
function unavailable(action: string, error: unknown): StorageUnavailableError {
  return new StorageUnavailableError(
    `Disk storage cannot ${action}: ${errnoOf(error) ?? String(error)}`,
    { cause: error },
  );
}

/**
 * Files in a local folder (the default): `<dir>/<first two characters of the key>/<key>`.
 * Writes go to a `.part` file renamed at the end, so a half-written file is never served.
 */
export class DiskStorage implements AttachmentStorage {
  readonly kind = 'disk';
  private readonly root: string;

  constructor(dir: string) {
    this.root = resolve(dir);
  }

  private pathOf(key: string): string {
    assertStorageKey(key);
    return join(this.root, key.slice(0, 2), key);
  }

  async put(key: string, body: Buffer | Readable): Promise<void> {
    const path = this.pathOf(key);
    const part = `${path}.part`;
    try {
      await mkdir(join(this.root, key.slice(0, 2)), { recursive: true });
      if (Buffer.isBuffer(body)) await writeFile(part, body, { flag: 'wx' });
      else await pipeline(body, createWriteStream(part, { flags: 'wx' }));
      await rename(part, path);
    } catch (error) {
      await rm(part, { force: true }).catch(() => undefined);
      // Keys are fresh UUIDs: any failure here is the disk's (ENOSPC, EROFS, EACCES, EIO…).
      throw unavailable('write', error);
    }
  }

  async get(key: string): Promise<Readable> {
    // Opening first makes an unknown key fail here rather than in the middle of a response.
    const path = this.pathOf(key);
    try {
      const handle = await open(path, 'r');
      return handle.createReadStream();
    } catch (error) {
      // A missing file is the caller's business (unknown key); anything else is an outage.
      if (errnoOf(error) === 'ENOENT') throw error;
      throw unavailable('read', error);
    }
  }

  async delete(key: string): Promise<void> {
    const path = this.pathOf(key);
    try {
      await rm(path, { force: true });
    } catch (error) {
      throw unavailable('delete', error);
    }
  }
}
