import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createAutosave, savedAtText, type SaveFailure } from './autosave.js';

/**
 * A versioned store with the API's rules (a save names the version it edits; a stale one gets
 * a 409 with the current content), and a switch to cut the network.
 */
class VersionedStore {
  version = 1;
  content: Record<string, unknown> = {};
  online = true;
  async save(version: number, content: Record<string, unknown>) {
    await Promise.resolve();
    if (!this.online) throw new TypeError('Failed to fetch');
    if (version !== this.version) {
      throw Object.assign(new Error('conflict'), {
        conflict: true,
        version: this.version,
        content: this.content,
      });
    }
    this.version += 1;
    this.content = structuredClone(content);
    return { version: this.version, updatedAt: '2026-05-04T12:32:00.000Z' };
  }
}

function classify(error: unknown): SaveFailure {
  if (error instanceof TypeError) return { kind: 'offline' };
  const e = error as { conflict?: boolean; version: number; content: Record<string, unknown> };
  if (e.conflict) return { kind: 'conflict', version: e.version, content: e.content };
  return { kind: 'error', message: 'x' };
}

function setup(store = new VersionedStore(), storage = new Map<string, string>()) {
  let draft: Record<string, unknown> = structuredClone(store.content);
  const mapStorage = {
    getItem: (k: string) => storage.get(k) ?? null,
    setItem: (k: string, v: string) => void storage.set(k, v),
    removeItem: (k: string) => void storage.delete(k),
  };
  const autosave = createAutosave(
    {
      save: (v, c) => store.save(v, c),
      classify,
      read: () => structuredClone(draft),
      replace: (c) => (draft = structuredClone(c)),
      storage: mapStorage,
      key: 'brouillon',
      delayMs: 1000,
    },
    store.version,
  );
  const edit = (patch: Record<string, unknown>) => {
    draft = { ...draft, ...patch };
    autosave.changed();
  };
  return { store, storage, autosave, edit, draft: () => draft };
}

describe('autosave', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('saves after a pause, keeping a local copy until the server has it', async () => {
    const { store, storage, autosave, edit } = setup();
    edit({ title: 'Mon NEC' });
    expect(autosave.state.status).toBe('pending');
    expect(storage.has('brouillon')).toBe(true);
    expect(store.content).toEqual({});
    await vi.advanceTimersByTimeAsync(1000);
    expect(store.content).toEqual({ title: 'Mon NEC' });
    expect(autosave.state.status).toBe('saved');
    expect(autosave.state.version).toBe(2);
    expect(storage.has('brouillon')).toBe(false);
  });

  it('keeps the local copy when the network is cut, and sends it when it is back', async () => {
    const { store, storage, autosave, edit } = setup();
    store.online = false;
    edit({ title: 'Hors ligne' });
    await vi.advanceTimersByTimeAsync(1000);
    expect(autosave.state.status).toBe('offline');
    expect(JSON.parse(storage.get('brouillon')!).content).toEqual({ title: 'Hors ligne' });
    store.online = true;
    await autosave.retry();
    expect(store.content).toEqual({ title: 'Hors ligne' });
    expect(autosave.state.status).toBe('saved');
  });

  it('never overwrites another tab’s save: a 409 waits for a choice', async () => {
    const { store, autosave, edit, draft } = setup();
    store.version = 5;
    store.content = { title: 'Autre onglet' };
    edit({ title: 'Cet onglet' });
    await vi.advanceTimersByTimeAsync(1000);
    expect(autosave.state.status).toBe('conflict');
    expect(autosave.state.conflict?.content).toEqual({ title: 'Autre onglet' });
    edit({ title: 'Cet onglet, encore' });
    await vi.advanceTimersByTimeAsync(5000);
    expect(store.content).toEqual({ title: 'Autre onglet' });
    await autosave.resolve('mine');
    expect(store.content).toEqual({ title: 'Cet onglet, encore' });
    expect(draft()).toEqual({ title: 'Cet onglet, encore' });
  });

  it('takes the saved version when the applicant chooses it', async () => {
    const { store, autosave, edit, draft } = setup();
    store.version = 3;
    store.content = { title: 'Autre onglet' };
    edit({ title: 'Cet onglet' });
    await vi.advanceTimersByTimeAsync(1000);
    await autosave.resolve('theirs');
    expect(draft()).toEqual({ title: 'Autre onglet' });
    expect(autosave.state.version).toBe(3);
  });

  it('sends on reload a local copy a lost save left behind', async () => {
    const first = setup();
    first.store.online = false;
    first.edit({ title: 'Avant rechargement' });
    await vi.advanceTimersByTimeAsync(1000);
    first.store.online = true;
    const second = setup(first.store, first.storage);
    expect(second.autosave.recover(first.store.content)).toBe('resent');
    await vi.advanceTimersByTimeAsync(0);
    expect(first.store.content).toEqual({ title: 'Avant rechargement' });
  });

  it('says when it saved, as people say the time', () => {
    expect(savedAtText(new Date(2026, 4, 4, 14, 32))).toBe('Enregistré à 14 h 32');
    expect(savedAtText(new Date(2026, 4, 4, 9, 5))).toBe('Enregistré à 9 h 05');
  });
});
