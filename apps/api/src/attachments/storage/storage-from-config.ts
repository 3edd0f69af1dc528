import type { AppConfig } from '../../config/config.js';
import type { AttachmentStorage } from './attachment-storage.js';
import { DiskStorage } from './disk-storage.js';
import { S3Storage } from './s3-storage.js';

/** S3 when a bucket is configured, otherwise the local folder. */
export function storageFromConfig(config: AppConfig): AttachmentStorage {
  if (config.NEC_S3_BUCKET)
    return new S3Storage({ ...config, NEC_S3_BUCKET: config.NEC_S3_BUCKET });
  return new DiskStorage(config.NEC_ATTACHMENTS_DIR);
}
