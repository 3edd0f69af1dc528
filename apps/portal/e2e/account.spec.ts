import { generate } from 'otplib';
import { expect, test } from '@playwright/test';
import { expectAccessible, signedInApplicant, visit } from './fixtures.js';

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

  await page.getByRole('button', { name: 'Activer la double authentification' }).click();
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
  await expect(page.getByRole('list', { name: 'Vos 10 codes de secours' })).toBeVisible();
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
});
