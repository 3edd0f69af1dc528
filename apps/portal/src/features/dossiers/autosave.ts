import { reactive, readonly, toRaw } from 'vue';

/** What the API says after a save, and what its failures mean for the autosave. */
export type Saved = { version: number; updatedAt: string };
export type SaveFailure =
  | { kind: 'conflict'; version: number | null; content: Record<string, unknown> | null }
  | { kind: 'offline' }
  | { kind: 'session-expired' }
  | { kind: 'error'; message: string };

export type AutosaveStatus =
  'idle' | 'pending' | 'saving' | 'saved' | 'offline' | 'session-expired' | 'conflict' | 'error';

type Content = Record<string, unknown>;
type LocalCopy = { baseVersion: number; content: Content; at: string };

export type AutosaveDeps = {
  save: (version: number, content: Content) => Promise<Saved>;
  classify: (error: unknown) => SaveFailure;
  /** The draft as it is now (a plain clone). */
  read: () => Content;
  /** Puts a content into the form (the server's version chosen in a conflict). */
  replace: (content: Content) => void;
  storage: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;
  key: string;
  delayMs?: number;
  now?: () => Date;
};

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * Autosave of a draft, so nothing typed is lost: each change is kept at once in a local copy
 * (the browser's storage), then sent after a pause. A network failure or an expired session
 * keeps the local copy and sends it when possible; a 409 (another tab or person saved first)
 * stops and waits for the applicant to choose between the two versions, never overwriting.
 */
/** Saves on their way, whatever the form: signing out waits for them (nothing typed is lost). */
const inFlight = new Set<Promise<void>>();

export async function pendingSaves(): Promise<void> {
  await Promise.allSettled([...inFlight]);
}

export function createAutosave(deps: AutosaveDeps, initialVersion: number) {
  const state = reactive<{
    status: AutosaveStatus;
    version: number;
    savedAt: Date | null;
    message: string;
    conflict: { version: number | null; content: Content | null } | null;
  }>({ status: 'idle', version: initialVersion, savedAt: null, message: '', conflict: null });
  const delay = deps.delayMs ?? 1500;
  const now = deps.now ?? (() => new Date());
  let timer: ReturnType<typeof setTimeout> | undefined;
  let running: Promise<void> | null = null;
  let again = false;

  function writeLocal(content: Content): void {
    const copy: LocalCopy = { baseVersion: state.version, content, at: now().toISOString() };
    deps.storage.setItem(deps.key, JSON.stringify(copy));
  }

  function readLocal(): LocalCopy | null {
    const raw = deps.storage.getItem(deps.key);
    if (!raw) return null;
    try {
      return JSON.parse(raw) as LocalCopy;
    } catch {
      return null;
    }
  }

  /** Called on every edit: local copy now, server after a pause. */
  function changed(): void {
    writeLocal(deps.read());
    if (state.status === 'conflict' || state.status === 'session-expired') return;
    state.status = 'pending';
    clearTimeout(timer);
    timer = setTimeout(() => void flush(), delay);
  }

  async function send(): Promise<void> {
    const content = deps.read();
    state.status = 'saving';
    try {
      const saved = await deps.save(state.version, content);
      state.version = saved.version;
      state.savedAt = new Date(saved.updatedAt);
      state.message = '';
      if (same(deps.read(), content)) {
        deps.storage.removeItem(deps.key);
        state.status = 'saved';
      } else {
        writeLocal(deps.read());
        again = true;
      }
    } catch (error) {
      const failure = deps.classify(error);
      state.status = failure.kind === 'error' ? 'error' : failure.kind;
      if (failure.kind === 'conflict') {
        state.conflict = { version: failure.version, content: failure.content };
      }
      if (failure.kind === 'error') state.message = failure.message;
    }
  }

  /** Sends the draft now (after a pause, on "Suivant", when the network is back…). */
  async function flush(): Promise<void> {
    clearTimeout(timer);
    if (state.status === 'conflict') return;
    if (running) {
      again = true;
      return running;
    }
    const current = (async () => {
      do {
        again = false;
        await send();
      } while (again && state.status !== 'conflict');
    })().finally(() => {
      running = null;
      inFlight.delete(current);
    });
    running = current;
    inFlight.add(current);
    return current;
  }

  /**
   * On opening the form: a local copy left by a lost save is sent now when it was made on the
   * server's current version, or offered as a choice when the server moved on since.
   */
  function recover(serverContent: Content): 'none' | 'resent' | 'conflict' {
    const local = readLocal();
    if (!local || same(local.content, serverContent)) {
      deps.storage.removeItem(deps.key);
      return 'none';
    }
    if (local.baseVersion === state.version) {
      deps.replace(local.content);
      void flush();
      return 'resent';
    }
    state.status = 'conflict';
    state.conflict = { version: state.version, content: serverContent };
    deps.replace(local.content);
    return 'conflict';
  }

  /** The applicant's choice after a 409: keep what they typed, or take the saved version. */
  async function resolve(choice: 'mine' | 'theirs'): Promise<void> {
    const conflict = state.conflict;
    if (!conflict) return;
    state.conflict = null;
    if (conflict.version !== null) state.version = conflict.version;
    state.status = 'idle';
    if (choice === 'theirs') {
      deps.replace(structuredClone(toRaw(conflict.content) ?? {}));
      deps.storage.removeItem(deps.key);
      state.status = 'saved';
      return;
    }
    await flush();
  }

  /** After signing in again, or when the network is back: send what is waiting. */
  async function retry(): Promise<void> {
    if (
      state.status === 'offline' ||
      state.status === 'session-expired' ||
      state.status === 'error'
    ) {
      state.status = 'pending';
      await flush();
    }
  }

  function dispose(): void {
    clearTimeout(timer);
  }

  return { state: readonly(state), changed, flush, recover, resolve, retry, dispose };
}

export type Autosave = ReturnType<typeof createAutosave>;

/** "Enregistré à 14 h 32", the time as French people say it. */
export function savedAtText(date: Date): string {
  const hh = String(date.getHours()).padStart(2, '0');
  const mm = String(date.getMinutes()).padStart(2, '0');
  return `Enregistré à ${Number(hh)} h ${mm}`;
}
