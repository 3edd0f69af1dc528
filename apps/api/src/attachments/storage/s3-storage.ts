import { createRequire } from 'node:module';
import { Readable } from 'node:stream';
import type * as S3Sdk from '@aws-sdk/client-s3';
import type { S3Client, S3ClientConfig } from '@aws-sdk/client-s3';
import type { AppConfig } from '../../config/config.js';
import { StorageUnavailableError } from '../../common/unavailable.js';
import { assertStorageKey, type AttachmentStorage } from './attachment-storage.js';

/** An unknown object is the caller's business; anything else (network, 5xx, access) an outage. */
function unlessMissing(action: string) {
  return (error: unknown): never => {
    const name = error instanceof Error ? error.name : '';
    if (name === 'NoSuchKey' || name === 'NotFound') throw error;
    throw new StorageUnavailableError(`S3 storage cannot ${action}: ${name || String(error)}`, {
      cause: error,
    });
  };
}

/**
 * The SDK is loaded on first use: deployments on local disk never pay for it. (Inside vitest it
 * cannot load at all: vitest runs Node with `--conditions module`, which picks the SDK's
 * bundler-only build; its tests construct the client in a plain Node process.)
 */
const loadSdk = (): typeof S3Sdk =>
  createRequire(import.meta.url)('@aws-sdk/client-s3') as typeof S3Sdk;

type S3Settings = Pick<
  AppConfig,
  'NEC_S3_ENDPOINT' | 'NEC_S3_REGION' | 'NEC_S3_ACCESS_KEY_ID' | 'NEC_S3_SECRET_ACCESS_KEY'
> & { NEC_S3_BUCKET: string };

/**
 * The S3 client's settings from our configuration. With an endpoint (an S3-compatible service:
 * Scaleway, OVHcloud, MinIO…), path-style addressing is used. Credentials come in pairs; without
 * them the SDK's default chain applies (instance role, environment of the SDK).
 */
export function s3ClientConfig(config: S3Settings): S3ClientConfig {
  const { NEC_S3_ACCESS_KEY_ID: accessKeyId, NEC_S3_SECRET_ACCESS_KEY: secretAccessKey } = config;
  if (Boolean(accessKeyId) !== Boolean(secretAccessKey)) {
    throw new Error(
      'Invalid configuration: set both NEC_S3_ACCESS_KEY_ID and NEC_S3_SECRET_ACCESS_KEY, or neither.',
    );
  }
  return {
    region: config.NEC_S3_REGION ?? 'us-east-1',
    ...(config.NEC_S3_ENDPOINT ? { endpoint: config.NEC_S3_ENDPOINT, forcePathStyle: true } : {}),
    ...(accessKeyId && secretAccessKey ? { credentials: { accessKeyId, secretAccessKey } } : {}),
  };
}

async function toBuffer(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream)
    chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as Uint8Array));
  return Buffer.concat(chunks);
}

/** Objects in an S3 bucket, under `attachments/<key>`. */
export class S3Storage implements AttachmentStorage {
  readonly kind = 's3';
  readonly client: S3Client;
  readonly bucket: string;
  private readonly sdk = loadSdk();

  constructor(config: S3Settings, client?: S3Client) {
    this.bucket = config.NEC_S3_BUCKET;
    this.client = client ?? new this.sdk.S3Client(s3ClientConfig(config));
  }

  private objectKey(key: string): string {
    assertStorageKey(key);
    return `attachments/${key}`;
  }

  async put(key: string, body: Buffer | Readable): Promise<void> {
    // Files are bounded by NEC_UPLOAD_MAX_BYTES: buffering gives S3 the length it requires.
    const bytes = Buffer.isBuffer(body) ? body : await toBuffer(body);
    await this.client
      .send(
        new this.sdk.PutObjectCommand({
          Bucket: this.bucket,
          Key: this.objectKey(key),
          Body: bytes,
          ContentLength: bytes.length,
          ContentType: 'application/octet-stream',
        }),
      )
      .catch(unlessMissing('write'));
  }

  async get(key: string): Promise<Readable> {
    const out = await this.client
      .send(new this.sdk.GetObjectCommand({ Bucket: this.bucket, Key: this.objectKey(key) }))
      .catch(unlessMissing('read'));
    if (!(out.Body instanceof Readable)) throw new Error(`S3 object ${key} has no readable body`);
    return out.Body;
  }

  async delete(key: string): Promise<void> {
    await this.client
      .send(new this.sdk.DeleteObjectCommand({ Bucket: this.bucket, Key: this.objectKey(key) }))
      .catch(unlessMissing('delete'));
  }
}
