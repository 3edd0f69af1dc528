import { onBeforeUnmount, ref, shallowRef, watch } from 'vue';
import { describeError } from '@nec/ui';
import { ApiError, ConflictError, SessionExpiredError } from '../../api/index.js';
import { createAutosave, type Autosave, type AutosaveDeps, type SaveFailure } from './autosave.js';

type Content = Record<string, unknown>;

/** How a failed save reads for the autosave: conflict, offline, session expired, or an error. */
export function classifySaveError(error: unknown): SaveFailure {
  if (error instanceof ConflictError) {
    const content = error.current.content;
    return {
      kind: 'conflict',
      version: error.currentVersion,
      content:
        typeof content === 'object' && content !== null
          ? (content as Record<string, unknown>)
          : null,
    };
  }
  if (error instanceof SessionExpiredError) return { kind: 'session-expired' };
  if (error instanceof ApiError && error.status === 401) return { kind: 'session-expired' };
  if (describeError(error).unavailable) return { kind: 'offline' };
  return { kind: 'error', message: describeError(error).message };
}

export type AutosaveOptions = Pick<AutosaveDeps, 'save' | 'read' | 'key'> & {
  /** The form's values as bound (watched: any change of them is an edit). */
  values: () => unknown;
  /** Puts a content into the form (loaded, recovered, or chosen in a conflict). */
  replace: (content: Content) => void;
  /** Whether edits are saved now (a draft, a bilan still open). */
  editable: () => boolean;
};

/**
 * The autosave of a form in a page (the dossier's draft, the bilan): started once the form is
 * loaded, fed by every real edit (opening or replacing the content never writes, so never races
 * another tab into a conflict), retried when the network comes back, flushed when the page is
 * left. The local copy lives in the browser's storage under `key`.
 */
export function useAutosave(options: AutosaveOptions) {
  const autosave = shallowRef<Autosave | null>(null);
  const recovered = ref<'none' | 'resent' | 'conflict'>('none');
  // The form as last loaded or replaced: only a different content is an edit.
  let baseline = '';

  /** Puts a content into the form as what the server holds (not an edit to save). */
  function replace(content: Content): void {
    options.replace(content);
    baseline = JSON.stringify(options.values());
  }

  /**
   * Starts saving from the server's `version` (after `replace` with what it holds); a local copy
   * left by a lost save is sent, or offered as a choice, against `serverContent`.
   */
  function start(version: number, serverContent: Content): void {
    autosave.value?.dispose();
    const saver = createAutosave(
      {
        save: options.save,
        classify: classifySaveError,
        read: options.read,
        replace,
        storage: window.localStorage,
        key: options.key,
      },
      version,
    );
    autosave.value = saver;
    recovered.value = options.editable() ? saver.recover(serverContent) : 'none';
  }

  watch(
    () => JSON.stringify(options.values()),
    (json) => {
      if (json === baseline) return;
      baseline = json;
      if (options.editable()) autosave.value?.changed();
    },
  );

  const onOnline = () => void autosave.value?.retry();
  window.addEventListener('online', onOnline);
  // While offline, try again now and then: `online` is not fired for a server that comes back.
  const retryTimer = setInterval(() => {
    if (autosave.value?.state.status === 'offline') void autosave.value.retry();
  }, 10_000);
  onBeforeUnmount(() => {
    window.removeEventListener('online', onOnline);
    clearInterval(retryTimer);
    void autosave.value?.flush();
    autosave.value?.dispose();
  });

  return { autosave, recovered, replace, start };
}
