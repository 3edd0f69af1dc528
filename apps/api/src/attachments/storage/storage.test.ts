import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseConfig } from '../../config/config.js';
import { DiskStorage } from './disk-storage.js';
import { s3ClientConfig } from './s3-storage.js';
import { storageFromConfig } from './storage-from-config.js';

const KEY = '3f2c7a1e-9b8d-4c6e-a5f4-1d2e3c4b5a69';

async function text(stream: Readable): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of stream) chunks.push(c as Buffer);
  return Buffer.concat(chunks).toString();
}

describe('DiskStorage', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'nec-storage-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('puts, gets and deletes by key, from a buffer or a stream', async () => {
    const storage = new DiskStorage(dir);
    await storage.put(KEY, Buffer.from('bonjour'));
    expect(await readFile(join(dir, '3f', KEY), 'utf8')).toBe('bonjour');
    expect(await text(await storage.get(KEY))).toBe('bonjour');
    await storage.delete(KEY);
    await expect(storage.get(KEY)).rejects.toThrow();
    await storage.delete(KEY); // deleting twice is fine
    await storage.put(KEY, Readable.from([Buffer.from('en '), Buffer.from('flux')]));
    expect(await text(await storage.get(KEY))).toBe('en flux');
  });

  it('refuses any key that is not a UUID (no path can be steered)', async () => {
    const storage = new DiskStorage(dir);
    await expect(storage.put('../evil', Buffer.from('x'))).rejects.toThrow(
      /Invalid attachment storage key/,
    );
    await expect(storage.get('../../etc/passwd')).rejects.toThrow(/Invalid attachment storage key/);
  });
});

describe('S3 configuration (no S3 service is reachable here: construction and settings only)', () => {
  it('uses the local folder without a bucket', () => {
    expect(storageFromConfig(parseConfig({})).kind).toBe('disk');
  });

  it('maps the settings: endpoint with path-style addressing, credentials in pairs', () => {
    const config = s3ClientConfig({
      NEC_S3_BUCKET: 'b',
      NEC_S3_REGION: 'fr-par',
      NEC_S3_ENDPOINT: 'https://s3.example.org',
      NEC_S3_ACCESS_KEY_ID: 'id',
      NEC_S3_SECRET_ACCESS_KEY: 'secret',
    });
    expect(config).toEqual({
      region: 'fr-par',
      endpoint: 'https://s3.example.org',
      forcePathStyle: true,
      credentials: { accessKeyId: 'id', secretAccessKey: 'secret' },
    });
    expect(s3ClientConfig({ NEC_S3_BUCKET: 'b' })).toEqual({ region: 'us-east-1' });
    expect(() => s3ClientConfig({ NEC_S3_BUCKET: 'b', NEC_S3_ACCESS_KEY_ID: 'id' })).toThrow(
      /both/,
    );
  });

  it('builds a real S3 client from these settings (in a plain Node process, see s3-storage.ts)', () => {
    const settings = s3ClientConfig({
      NEC_S3_BUCKET: 'b',
      NEC_S3_REGION: 'fr-par',
      NEC_S3_ENDPOINT: 'https://s3.example.org',
      NEC_S3_ACCESS_KEY_ID: 'id',
      NEC_S3_SECRET_ACCESS_KEY: 'secret',
    });
    const script = `
      const { S3Client, PutObjectCommand } = require('@aws-sdk/client-s3');
      const client = new S3Client(${JSON.stringify(settings)});
      new PutObjectCommand({ Bucket: 'b', Key: 'attachments/k', Body: Buffer.from('x') });
      Promise.all([client.config.region(), client.config.endpoint(), client.config.credentials()]).then(([region, endpoint, creds]) =>
        console.log(JSON.stringify({ region, host: endpoint.hostname, pathStyle: client.config.forcePathStyle, key: creds.accessKeyId })));
    `;
    const out = execFileSync(process.execPath, ['-e', script], {
      cwd: fileURLToPath(new URL('.', import.meta.url)),
      env: { PATH: process.env.PATH ?? '' },
      encoding: 'utf8',
    });
    expect(JSON.parse(out)).toEqual({
      region: 'fr-par',
      host: 's3.example.org',
      pathStyle: true,
      key: 'id',
    });
  });

  it('rejects bad values at start-up', () => {
    expect(() => parseConfig({ NEC_S3_ENDPOINT: 'pas une adresse' })).toThrow(/NEC_S3_ENDPOINT/);
    expect(() => parseConfig({ NEC_CLAMD_URL: 'http://clamd:3310' })).toThrow(/NEC_CLAMD_URL/);
    expect(() => parseConfig({ NEC_UPLOAD_MAX_BYTES: '0' })).toThrow(/NEC_UPLOAD_MAX_BYTES/);
  });
});
