import { reactive } from 'vue';
import type { RouteLocationNormalized } from 'vue-router';
import type { SecondFactorStep, SessionDto } from '@nec/contracts';
import type { Role } from '@nec/domain';
import { api } from '../../api/index.js';

/** Analysts and admins read the dashboard; anyone reads the public page. */
const readers: readonly Role[] = ['analyst', 'admin'];

export const session = reactive<{
  user: SessionDto['user'] | null;
  /** The second-factor step still due after the password (agents always have one). */
  pending: SecondFactorStep | null;
  checked: boolean;
  signedIn: boolean;
}>({
  user: null,
  pending: null,
  checked: false,
  signedIn: false,
});

function set(dto: SessionDto | null): void {
  session.user = dto?.user ?? null;
  session.pending = dto?.mfaPending ?? null;
  session.signedIn =
    session.user !== null && readers.includes(session.user.role) && session.pending === null;
  session.checked = true;
}

let checking: Promise<void> | null = null;

/** Asks the API once who is signed in (401: nobody), and whether a second factor is due. */
export function ensureSession(): Promise<void> {
  if (session.checked) return Promise.resolve();
  checking ??= api.auth.session().then(set, () => set(null));
  return checking;
}

/**
 * The password step. An account that may not read the dashboard is signed out at once (its
 * session would be of no use here, even half open); otherwise the second factor may follow.
 */
export async function signIn(
  email: string,
  password: string,
): Promise<'signed-in' | 'second-factor' | 'not-a-reader'> {
  const dto = await api.auth.signIn({ body: { email, password } });
  if (!readers.includes(dto.user.role)) {
    await signOut();
    return 'not-a-reader';
  }
  set(dto);
  return dto.mfaPending ? 'second-factor' : 'signed-in';
}

/** The sign-in's second step: a code of the app or a recovery code. */
export async function verifySecondFactor(code: string): Promise<void> {
  set(await api.auth.mfaVerify({ body: { code } }));
}

export const setUpSecondFactor = () => api.auth.mfaSetup({ body: {} });
export const enableSecondFactor = (code: string) => api.auth.mfaEnable({ body: { code } });

/** Once the recovery codes are kept: the session, complete since the factor was enabled. */
export async function finishEnrolment(): Promise<void> {
  set(await api.auth.session());
}

/** Ends the session (even half open); whatever the API answers, the app forgets it. */
export async function signOut(): Promise<void> {
  await api.auth.signOut().catch(() => undefined);
  set(null);
}

/** Router guard: the analyst pages send anyone else to the sign-in page, then back. */
export async function requireAnalyst(to: RouteLocationNormalized) {
  if (to.meta.analyst !== true) return true;
  await ensureSession();
  return session.signedIn ? true : { path: '/connexion', query: { retour: to.fullPath } };
}
