import { reactive } from 'vue';
import type { RouteLocationNormalized } from 'vue-router';
import type { SessionDto } from '@nec/contracts';
import type { Role } from '@nec/domain';
import { api } from '../../api/index.js';

/** Analysts and admins read the dashboard; anyone reads the public page. */
const readers: readonly Role[] = ['analyst', 'admin'];

export const session = reactive<{
  user: SessionDto['user'] | null;
  checked: boolean;
  signedIn: boolean;
}>({
  user: null,
  checked: false,
  signedIn: false,
});

function set(user: SessionDto['user'] | null): void {
  session.user = user;
  session.signedIn = user !== null && readers.includes(user.role);
  session.checked = true;
}

/** Asks the API once who is signed in (401: nobody). */
export async function ensureSession(): Promise<void> {
  if (session.checked) return;
  try {
    set((await api.auth.session()).user);
  } catch {
    set(null);
  }
}

export async function signIn(email: string, password: string): Promise<void> {
  set((await api.auth.signIn({ body: { email, password } })).user);
}

/** Router guard: the analyst pages send anyone else to the sign-in page, then back. */
export async function requireAnalyst(to: RouteLocationNormalized) {
  if (to.meta.analyst !== true) return true;
  await ensureSession();
  return session.signedIn ? true : { path: '/connexion', query: { retour: to.fullPath } };
}
