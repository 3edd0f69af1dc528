/** A scanner's verdict on a file: only `clean` files are ever served. */
export type ScanVerdict = 'clean' | 'infected' | 'error';

/** What an attachment's row records: `pending` until the scanner has answered. */
export const scanStatuses = ['pending', 'clean', 'infected', 'error'] as const;
export type ScanStatus = (typeof scanStatuses)[number];

/**
 * The virus-scanner hook. Production must plug a real scanner (`NEC_CLAMD_URL` selects the
 * built-in clamd client); without one, `NoScanner` marks every file clean.
 */
export interface AttachmentScanner {
  /** A short name for the logs and the audit: `none`, `clamd`. */
  readonly name: string;
  scan(bytes: Buffer): Promise<ScanVerdict>;
}

/** Injection token of the scanner the attachments use. */
export const ATTACHMENT_SCANNER = Symbol('ATTACHMENT_SCANNER');

/** A scanner given by the caller of `createApp` (tests), which wins over the configuration. */
export const ATTACHMENT_SCANNER_OVERRIDE = Symbol('ATTACHMENT_SCANNER_OVERRIDE');
