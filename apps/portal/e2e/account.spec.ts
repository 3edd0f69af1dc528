import { generate } from 'otplib';
import type { APIRequestContext, PlaywrightWorkerArgs } from '@playwright/test';
import { portalUrl } from './env.js';
import { expect, expectAccessible, signedInApplicant, test, visit } from './fixtures.js';

/** The code an authenticator app would show `offset` periods from now (a code works once). */
const codeFor = (secret: string, offset = 0) =>
  generate({ secret, epoch: Date.now() / 1000 + offset * 30 });

test('account security: password refused as weak, second factor turned on, asked at sign-in', async ({
  page,
}) => {
  const { email, password } = await signedInApplicant(page);
  await visit(page, '/compte', 'mon compte');

  // A weak new password: the API's verdict lands on the field.
  await page.getByLabel('Mot de passe actuel').fill(password);
  await page.getByLabel('Nouveau mot de passe').fill('motdepasse123');
  await page.getByRole('button', { name: 'Changer de mot de passe' }).click();
  await expect(page.getByText(/trop facile à deviner/).first()).toBeVisible();
  await expectAccessible(page, 'mot de passe refusé');

  // This browser's session is listed.
  await expect(page.getByText('Ce navigateur')).toBeVisible();

  // Binding a phone asks the password first; the field takes the focus.
  await page.getByRole('button', { name: 'Activer la double authentification' }).click();
  const confirm = page.getByLabel('Votre mot de passe');
  await expect(confirm).toBeFocused();
  await confirm.fill('pas le bon mot de passe');
  await page.getByRole('button', { name: 'Continuer' }).click();
  await expect(page.getByText('Le mot de passe est incorrect.')).toBeVisible();
  await expect(confirm).toBeFocused();
  await confirm.fill(password);
  await page.getByRole('button', { name: 'Continuer' }).click();
  const secret = (await page.locator('.nec-totp-secret code').innerText()).replace(/\s/g, '');
  expect(secret.length).toBeGreaterThanOrEqual(16);
  await expectAccessible(page, 'activation de la double authentification');
  await page.screenshot({
    path: 'test-results/screenshots/compte-double-authentification.png',
    fullPage: true,
  });
  await page.setViewportSize({ width: 320, height: 800 });
  await page.screenshot({
    path: 'test-results/screenshots/compte-double-authentification-320.png',
    fullPage: true,
  });
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.getByLabel('Code à 6 chiffres').fill(await codeFor(secret));
  await page.getByRole('button', { name: 'Activer' }).click();
  const recoveryCodes = page.getByRole('list', { name: 'Vos 10 codes de secours' });
  await expect(recoveryCodes).toBeVisible();
  const recoveryCode = (await recoveryCodes.getByRole('listitem').first().innerText()).trim();
  await page.getByText('J’ai conservé mes codes de secours en lieu sûr').click();
  await page.getByRole('button', { name: 'Continuer' }).click();
  await expect(page.getByText(/La double authentification est activée/).first()).toBeVisible();

  // Next sign-in asks for the code.
  await page.goto('/deconnexion');
  await expect(page.getByText(/Vous êtes déconnecté/)).toBeVisible();
  await visit(page, '/connexion', 'connexion');
  await page.getByLabel('Adresse électronique').fill(email);
  await page.getByLabel('Mot de passe').fill(password);
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await expect(page.getByLabel('Code à 6 chiffres')).toBeVisible();
  await expectAccessible(page, 'code de connexion');
  await page.getByLabel('Code à 6 chiffres').fill(await codeFor(secret, 1));
  await page.getByRole('button', { name: 'Valider' }).click();
  await expect(page).toHaveURL(/\/mes-dossiers/);

  // Turning it off asks both again: the password and a code (here a recovery code: the app's
  // next codes were used already).
  await visit(page, '/compte', 'mon compte, double authentification activée');
  await page.getByRole('button', { name: 'Désactiver la double authentification…' }).click();
  await page.getByLabel('Votre mot de passe, pour confirmer').fill(password);
  await page.getByRole('button', { name: 'Désactiver', exact: true }).click();
  await expect(page.getByText(/Le code compte 6 chiffres/).first()).toBeVisible();
  await page.getByLabel('Code de votre application d’authentification').fill(recoveryCode);
  await expectAccessible(page, 'désactivation de la double authentification');
  await page.getByRole('button', { name: 'Désactiver', exact: true }).click();
  await expect(page.getByText('La double authentification est désactivée.')).toBeVisible();
});

/** Another browser signed in to the same account: its own cookies, its own session. */
async function otherBrowser(
  playwright: PlaywrightWorkerArgs['playwright'],
  email: string,
  password: string,
  userAgent: string,
): Promise<APIRequestContext> {
  const request = await playwright.request.newContext({ baseURL: portalUrl, userAgent });
  expect((await request.post('/api/auth/sign-in', { data: { email, password } })).ok()).toBe(true);
  return request;
}

const sessionStatus = async (request: APIRequestContext) =>
  (await request.get('/api/auth/session')).status();

test('sessions end only once the password is typed again', async ({ page, playwright }) => {
  const { email, password } = await signedInApplicant(page);
  const phone = await otherBrowser(
    playwright,
    email,
    password,
    'Mozilla/5.0 (Linux; Android 14) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Mobile Safari/537.36',
  );
  await visit(page, '/compte', 'mon compte, deux sessions');
  const sessions = page.locator('section', {
    has: page.getByRole('heading', { name: 'Vos sessions actives' }),
  });

  // The form opens in place of the button, the password field takes the focus.
  const endButton = sessions.getByRole('button', { name: 'Fermer cette session' });
  await endButton.click();
  const field = sessions.getByLabel('Votre mot de passe');
  await expect(field).toBeFocused();
  await expect(sessions.getByText(/Fermer la session de Chrome sous Android/)).toBeVisible();
  await expectAccessible(page, 'confirmation par mot de passe');
  await sessions.scrollIntoViewIfNeeded();
  await sessions.screenshot({ path: 'test-results/screenshots/compte-sessions-confirmation.png' });
  await page.setViewportSize({ width: 320, height: 800 });
  await sessions.screenshot({
    path: 'test-results/screenshots/compte-sessions-confirmation-320.png',
  });
  await expectAccessible(page, 'confirmation par mot de passe, 320 px');
  await page.setViewportSize({ width: 1280, height: 800 });

  // A wrong password: said on the field, which gets the focus back; nothing ends.
  await field.fill('pas le bon mot de passe');
  await sessions.getByRole('button', { name: 'Fermer la session' }).click();
  await expect(sessions.getByText('Le mot de passe est incorrect.')).toBeVisible();
  await expect(field).toBeFocused();
  await expect(field).toHaveAttribute('aria-invalid', 'true');
  await expectAccessible(page, 'mot de passe refusé');
  expect(await sessionStatus(phone)).toBe(200);

  // Échap closes the form and gives the focus back to the button. (The axe scan above can leave
  // the focus on the page's first link: it goes back to the field, where the person types.)
  await field.focus();
  await page.keyboard.press('Escape');
  await expect(field).toBeHidden();
  await expect(endButton).toBeFocused();

  await endButton.click();
  await sessions.getByLabel('Votre mot de passe').fill(password);
  await sessions.getByRole('button', { name: 'Fermer la session' }).click();
  await expect(sessions.getByText(/La session est fermée/)).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Vos sessions actives' })).toBeFocused();
  expect(await sessionStatus(phone)).toBe(401);
  await expect(endButton).toHaveCount(0);

  // All the others at once, after the password too.
  const tablet = await otherBrowser(playwright, email, password, 'Navigateur de tablette');
  const office = await otherBrowser(playwright, email, password, 'Navigateur du bureau');
  await page.reload();
  await expect(sessions.getByRole('button', { name: 'Fermer cette session' })).toHaveCount(2);
  await sessions.getByRole('button', { name: 'Fermer toutes les autres sessions' }).click();
  await expect(sessions.getByLabel('Votre mot de passe')).toBeFocused();
  await sessions.getByLabel('Votre mot de passe').fill(password);
  await sessions.getByRole('button', { name: 'Fermer les autres sessions' }).click();
  await expect(sessions.getByText('2 sessions fermées.')).toBeVisible();
  expect([await sessionStatus(tablet), await sessionStatus(office)]).toEqual([401, 401]);
  await expect(page.getByText('Ce navigateur')).toBeVisible();
  await expectAccessible(page, 'autres sessions fermées');
  await Promise.all([phone.dispose(), tablet.dispose(), office.dispose()]);
});
