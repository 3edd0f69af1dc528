import { createServer, type Server } from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { ClamdScanner, verdictOf } from './clamd-scanner.js';

/** A fake clamd: reads an INSTREAM request, hands the received bytes to `answer`. */
function fakeClamd(
  answer: (bytes: Buffer) => string | null,
): Promise<{ server: Server; url: string; received: Buffer[] }> {
  const received: Buffer[] = [];
  const server = createServer((socket) => {
    let buffer = Buffer.alloc(0);
    socket.on('data', (data: Buffer) => {
      buffer = Buffer.concat([buffer, data]);
      const command = 'zINSTREAM\0';
      if (buffer.length < command.length) return;
      expect(buffer.subarray(0, command.length).toString()).toBe(command);
      const chunks: Buffer[] = [];
      let offset = command.length;
      while (offset + 4 <= buffer.length) {
        const size = buffer.readUInt32BE(offset);
        if (size === 0) {
          const bytes = Buffer.concat(chunks);
          received.push(bytes);
          const reply = answer(bytes);
          if (reply !== null) socket.end(`${reply}\0`);
          return;
        }
        if (offset + 4 + size > buffer.length) return;
        chunks.push(buffer.subarray(offset + 4, offset + 4 + size));
        offset += 4 + size;
      }
    });
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      resolve({ server, url: `tcp://127.0.0.1:${port}`, received });
    });
  });
}

let servers: Server[] = [];
afterEach(async () => {
  await Promise.all(servers.map((s) => new Promise((r) => s.close(r))));
  servers = [];
});

describe('ClamdScanner', () => {
  it('streams the bytes in length-prefixed chunks and reads clean / infected answers', async () => {
    const clamd = await fakeClamd((bytes) =>
      bytes.includes('EICAR') ? 'stream: Eicar-Test-Signature FOUND' : 'stream: OK',
    );
    servers.push(clamd.server);
    const scanner = new ClamdScanner(clamd.url);
    const big = Buffer.alloc(200_000, 7); // several 64 KiB chunks
    expect(await scanner.scan(big)).toBe('clean');
    expect(Buffer.compare(clamd.received[0]!, big)).toBe(0);
    expect(await scanner.scan(Buffer.from('X5O!P%@AP EICAR test'))).toBe('infected');
  });

  it('reports an error when clamd refuses, is unreachable, or does not answer in time', async () => {
    const refusing = await fakeClamd(() => 'INSTREAM size limit exceeded. ERROR');
    const silent = await fakeClamd(() => null);
    servers.push(refusing.server, silent.server);
    expect(await new ClamdScanner(refusing.url).scan(Buffer.from('x'))).toBe('error');
    expect(await new ClamdScanner(silent.url, 200).scan(Buffer.from('x'))).toBe('error');
    expect(await new ClamdScanner('tcp://127.0.0.1:1').scan(Buffer.from('x'))).toBe('error');
  });

  it('reads clamd replies strictly', () => {
    expect(verdictOf('stream: OK\0')).toBe('clean');
    expect(verdictOf('stream: Win.Test.EICAR_HDB-1 FOUND\0')).toBe('infected');
    expect(verdictOf('')).toBe('error');
    expect(verdictOf('stream: OK with junk')).toBe('error');
  });
});
