import { reactive, readonly } from 'vue';
import type { AccountDto } from '@nec/contracts';
import { api, ApiError } from '../../api/index.js';

/**
 * Who is signed in, loaded once from the API and updated on sign-in/out. The CSRF token lives
 * in the typed client, not here.
 */
const state = reactive({ loaded: false, user: null as AccountDto | null });
let pending: Promise<void> | null = null;

async function fetchSession(): Promise<void> {
  try {
    const session = await api.auth.session();
    state.user = session.user;
  } catch (error) {
    // 401: nobody is signed in. Anything else (API down): treat as signed out, the page says why.
    if (!(error instanceof ApiError) || error.status !== 401) console.warn(error);
    state.user = null;
  } finally {
    state.loaded = true;
  }
}

export function ensureSession(): Promise<void> {
  if (state.loaded) return Promise.resolve();
  pending ??= fetchSession().finally(() => (pending = null));
  return pending;
}

export function setSignedIn(user: AccountDto): void {
  state.user = user;
  state.loaded = true;
}

export function setSignedOut(): void {
  state.user = null;
  state.loaded = true;
}

export const session = readonly(state);
