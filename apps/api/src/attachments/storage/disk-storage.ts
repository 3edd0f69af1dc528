import { createWriteStream } from 'node:fs';
import { mkdir, open, rename, rm, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { assertStorageKey, type AttachmentStorage } from './attachment-storage.js';

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
    await mkdir(join(this.root, key.slice(0, 2)), { recursive: true });
    const part = `${path}.part`;
    try {
      if (Buffer.isBuffer(body)) await writeFile(part, body, { flag: 'wx' });
      else await pipeline(body, createWriteStream(part, { flags: 'wx' }));
      await rename(part, path);
    } catch (error) {
      await rm(part, { force: true });
      throw error;
    }
  }

  async get(key: string): Promise<Readable> {
    // Opening first makes an unknown key fail here rather than in the middle of a response.
    const handle = await open(this.pathOf(key), 'r');
    return handle.createReadStream();
  }

  async delete(key: string): Promise<void> {
    await rm(this.pathOf(key), { force: true });
  }
}
