import { connect } from 'node:net';
import type { AttachmentScanner, ScanVerdict } from './attachment-scanner.js';

const CHUNK = 64 * 1024;

/**
 * A minimal clamd client: the `INSTREAM` command over TCP (`zINSTREAM\0`, then chunks each
 * prefixed by its length on 4 bytes, big-endian, then a zero length). clamd answers
 * `stream: OK`, `stream: <signature> FOUND`, or an error (e.g. the size limit of its
 * `StreamMaxLength`). Anything but a clear answer, or no answer in time, is an `error`.
 */
export class ClamdScanner implements AttachmentScanner {
  readonly name = 'clamd';
  readonly host: string;
  readonly port: number;

  constructor(
    url: string,
    private readonly timeoutMs = 30_000,
  ) {
    const parsed = new URL(url);
    this.host = parsed.hostname;
    this.port = Number(parsed.port || 3310);
  }

  scan(bytes: Buffer): Promise<ScanVerdict> {
    return new Promise((resolve) => {
      let reply = '';
      let settled = false;
      const finish = (verdict: ScanVerdict) => {
        if (settled) return;
        settled = true;
        socket.destroy();
        resolve(verdict);
      };
      const socket = connect({ host: this.host, port: this.port }, () => {
        socket.write('zINSTREAM\0');
        for (let offset = 0; offset < bytes.length; offset += CHUNK) {
          const chunk = bytes.subarray(offset, offset + CHUNK);
          const size = Buffer.alloc(4);
          size.writeUInt32BE(chunk.length);
          socket.write(size);
          socket.write(chunk);
        }
        socket.write(Buffer.alloc(4));
      });
      socket.setTimeout(this.timeoutMs, () => finish('error'));
      socket.on('data', (data: Buffer) => {
        reply += data.toString('utf8');
        if (reply.includes('\0')) finish(verdictOf(reply));
      });
      socket.on('end', () => finish(verdictOf(reply)));
      socket.on('error', () => finish('error'));
    });
  }
}

/** Reads clamd's answer to `zINSTREAM`. */
export function verdictOf(reply: string): ScanVerdict {
  const text = reply.replace(/\0.*$/s, '').trim();
  if (/^stream: OK$/.test(text)) return 'clean';
  if (/^stream: .+ FOUND$/.test(text)) return 'infected';
  return 'error';
}
