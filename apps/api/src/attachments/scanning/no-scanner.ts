import type { AttachmentScanner, ScanVerdict } from './attachment-scanner.js';

/**
 * No scan at all: every file is recorded `not-scanned` (never `clean`: nothing was checked). The
 * default for development and tests only; a production deployment must set `NEC_CLAMD_URL` (or
 * plug another scanner).
 */
export class NoScanner implements AttachmentScanner {
  readonly name = 'none';

  scan(): Promise<ScanVerdict> {
    return Promise.resolve('not-scanned');
  }
}
