import { createServer } from 'node:net';

export class PortInUseError extends Error {
  override readonly name = 'PortInUseError';
}

/**
 * Checked before the database is opened: a second `npm start` on a busy port must stop before it
 * touches anything, not after it has opened (and, once killed, damaged) the embedded database.
 */
export async function assertPortFree(host: string, port: number): Promise<void> {
  if (port === 0) return;
  await new Promise<void>((resolve, reject) => {
    const probe = createServer();
    probe.once('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EADDRINUSE') {
        reject(
          new PortInUseError(
            `Le port ${port} (${host}) est déjà utilisé par un autre processus : l’API ne démarre pas. ` +
              'Arrêtez l’autre processus ou choisissez un autre port (PORT).',
          ),
        );
      } else reject(error);
    });
    probe.listen({ host, port, exclusive: true }, () => probe.close(() => resolve()));
  });
}
