import type { Logger } from '@nestjs/common';
import type { Response } from 'express';
import { DownloadAborted } from './exports.writers.js';

/** A file written progressively to the response. */
export interface FileDownload {
  filename: string;
  contentType: string;
  /** Writes the whole file to `out` (and ends it). */
  write: (out: Response) => Promise<void>;
}

/**
 * Sends a download: status, type, name and `no-store`, then the bytes as they are written. A
 * failure after the first bytes cuts the connection, so that a truncated file is never taken for
 * a complete one (the status line is gone: cutting is the only way left to say "incomplete").
 */
export async function sendFile(res: Response, file: FileDownload, logger: Logger): Promise<void> {
  res.status(200);
  res.setHeader('Content-Type', file.contentType);
  res.setHeader('Content-Disposition', `attachment; filename="${file.filename}"`);
  res.setHeader('Cache-Control', 'no-store');
  try {
    await file.write(res);
  } catch (error) {
    const aborted =
      error instanceof DownloadAborted ||
      (error as { code?: string }).code === 'ERR_STREAM_PREMATURE_CLOSE';
    if (!aborted)
      logger.error(
        `Export ${file.filename} interrompu : ${error instanceof Error ? error.message : String(error)}`,
      );
    res.destroy();
  }
}
