import type { AppConfig } from '../../config/config.js';
import type { AttachmentScanner } from './attachment-scanner.js';
import { ClamdScanner } from './clamd-scanner.js';
import { NoScanner } from './no-scanner.js';

/** clamd when `NEC_CLAMD_URL` is set, otherwise no scan (every file clean). */
export function scannerFromConfig(config: AppConfig): AttachmentScanner {
  return config.NEC_CLAMD_URL ? new ClamdScanner(config.NEC_CLAMD_URL) : new NoScanner();
}
