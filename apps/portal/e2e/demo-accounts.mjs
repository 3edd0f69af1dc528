// The demo accounts as the end-to-end suite (e2e/fixtures.ts) and the screenshots
// (scripts/screenshots.mjs) sign in with them: plain JavaScript so that node runs the script as
// is, typed for the suite by demo-accounts.d.mts.
import { generate } from 'otplib';

/** The password of every demo account (apps/api/src/seed/demo-accounts.ts). */
export const demoPassword = 'demo-nec-2026!';

/**
 * The demo agents' second-factor secret, published with the demo data (the API's
 * `DEMO_TOTP_SECRET` in apps/api/src/seed/demo-accounts.ts: keep both equal).
 */
export const demoTotpSecret = 'WED65RS7TCGFOSVVCU7IS2YFVDUV5FKI';

/**
 * Completes an agent's sign-in with the code of the moment. A code is accepted once: when another
 * sign-in used this period's code for the same agent, the next period's code is awaited.
 */
export async function completeSecondFactor(request, csrfToken) {
  for (let attempt = 0; attempt < 3; attempt += 1) {
    const code = await generate({ secret: demoTotpSecret, epoch: Date.now() / 1000 });
    const res = await request.post('/api/auth/mfa/verify', {
      headers: { 'x-csrf-token': csrfToken },
      data: { code },
    });
    if (res.ok()) return;
    const wait = 30_000 - (Date.now() % 30_000) + 500;
    await new Promise((resolve) => setTimeout(resolve, wait));
  }
  throw new Error('Le code de double authentification de démonstration est refusé.');
}
