/**
 * A scanner's verdict on a file. `not-scanned`: no scanner is configured, so nothing was checked
 * (said as it is, never reported `clean`); see {@link isServable}.
 */
export type ScanVerdict = 'clean' | 'infected' | 'error' | 'not-scanned';

/** What an attachment's row records: `pending` until the scanner has answered. */
export const scanStatuses = ['pending', 'clean', 'infected', 'error', 'not-scanned'] as const;
export type ScanStatus = (typeof scanStatuses)[number];

/**
 * Whether a file may be served. A `not-scanned` file is served: without a scanner configured
 * there is nothing else to wait for, and refusing every file would make attachments unusable in
 * development. Production must configure a scanner (`NEC_CLAMD_URL`): the API warns at start-up
 * when it has none, and clients show `not-scanned` files as unchecked.
 */
export function isServable(status: ScanStatus): boolean {
  return status === 'clean' || status === 'not-scanned';
}

/**
 * The virus-scanner hook. Production must plug a real scanner (`NEC_CLAMD_URL` selects the
 * built-in clamd client); without one, `NoScanner` marks every file `not-scanned`.
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
