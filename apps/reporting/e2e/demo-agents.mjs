// The demo agents as the end-to-end tests and the screenshots sign them in: password, then the
// second factor, its code computed here with otplib (the library the API checks it with).
import { generate } from 'otplib';

export const DEMO_PASSWORD = 'demo-nec-2026!';
export const ANALYST = { email: 'analyste@nec.example', password: DEMO_PASSWORD };
export const ADMIN = { email: 'admin@nec.example', password: DEMO_PASSWORD };

/**
 * The demo agents' TOTP secret. It is published on purpose (README, the seed's printout), like
 * their password, and copied here because an app never imports apps/api: keep it equal to
 * `DEMO_TOTP_SECRET` in apps/api/src/seed/demo-accounts.ts (a sign-in fails at once otherwise).
 */
export const DEMO_TOTP_SECRET = 'WED65RS7TCGFOSVVCU7IS2YFVDUV5FKI';

const PERIOD_MS = 30_000;
/** The last time step used per account: the API accepts a code once (no replay). */
const lastStep = new Map();

/**
 * A code of the account's authenticator app that the API has not seen yet: that of the current
 * 30-second step, or, if this account already used it, that of the next step (waited for).
 */
export async function totpCode(account, secret = DEMO_TOTP_SECRET) {
  let step = Math.floor(Date.now() / PERIOD_MS);
  const used = lastStep.get(account);
  if (used !== undefined && used >= step) {
    step = used + 1;
    await new Promise((r) => setTimeout(r, step * PERIOD_MS - Date.now() + 250));
  }
  lastStep.set(account, step);
  return generate({ secret, epoch: step * (PERIOD_MS / 1000) });
}

/**
 * Signs an agent in through `request` (a Playwright APIRequestContext: its cookies are the
 * context's) and completes the second factor; returns the CSRF token for writes.
 */
export async function signInAgent(request, base, account, secret = DEMO_TOTP_SECRET) {
  const signIn = await request.post(`${base}/api/auth/sign-in`, { data: account });
  if (signIn.status() !== 200)
    throw new Error(`connexion de ${account.email} : ${signIn.status()}`);
  const { csrfToken, mfaPending } = await signIn.json();
  if (mfaPending !== 'verify')
    throw new Error(`${account.email} : étape attendue « verify », reçu ${mfaPending}`);
  const verify = await request.post(`${base}/api/auth/mfa/verify`, {
    data: { code: await totpCode(account.email, secret) },
    headers: { 'X-CSRF-Token': csrfToken },
  });
  if (verify.status() !== 200)
    throw new Error(
      `second facteur de ${account.email} : ${verify.status()} ${await verify.text()}`,
    );
  return csrfToken;
}
