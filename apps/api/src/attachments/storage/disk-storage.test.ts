import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { StorageUnavailableError } from '../../common/unavailable.js';
import { DiskStorage } from './disk-storage.js';

const KEY = '0f8fad5b-d9cb-469f-a165-70867728950e';

describe('disk storage failures', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'nec-disk-'));
    await writeFile(join(dir, 'file'), 'x');
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('reports a folder it cannot write as a storage outage', async () => {
    const storage = new DiskStorage(join(dir, 'file', 'attachments'));
    await expect(storage.put(KEY, Buffer.from('x'))).rejects.toBeInstanceOf(
      StorageUnavailableError,
    );
  });

  it('leaves an unknown key as missing (not an outage)', async () => {
    const storage = new DiskStorage(dir);
    const error = await storage.get(KEY).catch((e: unknown) => e);
    expect(error).not.toBeInstanceOf(StorageUnavailableError);
    expect(error).toMatchObject({ code: 'ENOENT' });
  });
});
