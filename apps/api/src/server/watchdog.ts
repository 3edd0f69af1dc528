import { Worker } from 'node:worker_threads';

/**
 * Ends the process when its main thread stops turning for `stallMs`. Why: a failed write-ahead
 * log write (disk full) can leave PGlite spinning inside WebAssembly on the main thread; nothing
 * in JavaScript runs again there — no request, no timer, no SIGTERM handler. A worker thread
 * still runs: it notices the heartbeat stopped, says why on stderr and kills the process, so a
 * supervisor restarts it (PGlite replays its log on start: acknowledged writes are kept).
 */
const WORKER = `
const { workerData } = require('node:worker_threads');
const { writeSync } = require('node:fs');
const beat = new BigInt64Array(workerData.buffer);
setInterval(() => {
  const silentMs = Date.now() - Number(Atomics.load(beat, 0));
  if (silentMs < workerData.stallMs) return;
  writeSync(2, workerData.message.replace('{ms}', String(silentMs)) + '\\n');
  process.kill(process.pid, 'SIGKILL');
}, Math.min(1000, workerData.stallMs / 4));
`;

export function startWatchdog(stallMs: number): void {
  if (stallMs <= 0) return;
  const buffer = new SharedArrayBuffer(8);
  const beat = new BigInt64Array(buffer);
  const tick = () => Atomics.store(beat, 0, BigInt(Date.now()));
  tick();
  setInterval(tick, Math.min(1000, stallMs / 4)).unref();
  const message =
    'Le processus ne répond plus depuis {ms} ms (base embarquée bloquée, espace disque épuisé ?) : arrêt forcé pour être relancé. ' +
    'Vérifiez l’espace disque du dossier de données ; au redémarrage, la base rejoue son journal et ne perd aucune écriture confirmée.';
  new Worker(WORKER, { eval: true, workerData: { buffer, stallMs, message } }).unref();
}
