import { draftDossier, expect, expectAccessible, signedInApplicant, test } from './fixtures.js';

test('autosave survives a reload and a network cut', async ({ page, context }) => {
  const { csrfToken } = await signedInApplicant(page);
  const dossier = await draftDossier(page, csrfToken);
  await page.goto(`/dossiers/${dossier.id}/projet`);
  const status = page.getByTestId('etat-enregistrement');
  await page.getByLabel('Titre de votre NEC local').fill('Premier titre');
  await expect(status).toHaveText(/Enregistré à \d{1,2} h \d{2}/);
  await page.reload();
  await expect(page.getByLabel('Titre de votre NEC local')).toHaveValue('Premier titre');
  await expectAccessible(page, 'formulaire rechargé');

  await context.setOffline(true);
  await page.getByLabel('Titre de votre NEC local').fill('Titre tapé hors ligne');
  await expect(status).toContainText('Connexion perdue');
  await expect(page.getByRole('alert').filter({ hasText: 'Connexion perdue' })).toBeAttached();
  await context.setOffline(false);
  await expect(status).toHaveText(/Enregistré à/);
  await page.reload();
  await expect(page.getByLabel('Titre de votre NEC local')).toHaveValue('Titre tapé hors ligne');
});

test('two tabs: the 409 is a choice between versions, never a silent overwrite', async ({
  page,
  context,
}) => {
  const { csrfToken } = await signedInApplicant(page);
  const dossier = await draftDossier(page, csrfToken);
  const other = await context.newPage();
  await page.goto(`/dossiers/${dossier.id}/projet`);
  await other.goto(`/dossiers/${dossier.id}/projet`);
  await other.getByLabel('Titre de votre NEC local').fill('Titre de l’autre onglet');
  await expect(other.getByTestId('etat-enregistrement')).toHaveText(/Enregistré à/);
  await page.getByLabel('Titre de votre NEC local').fill('Titre de cet onglet');
  await expect(page.getByTestId('conflit')).toContainText('Ce dossier a été modifié ailleurs');
  await expect(page.getByTestId('conflit')).toContainText('Le projet');
  await expectAccessible(page, 'conflit de versions');
  await page.getByRole('button', { name: 'Garder ma version' }).click();
  await expect(page.getByTestId('etat-enregistrement')).toHaveText(/Enregistré à/);
  await other.reload();
  await expect(other.getByLabel('Titre de votre NEC local')).toHaveValue('Titre de cet onglet');
});

test('the eligibility panel follows the attendance across 150 and the supporting collectivité', async ({
  page,
}) => {
  const { csrfToken } = await signedInApplicant(page);
  const dossier = await draftDossier(page, csrfToken);
  await page.goto(`/dossiers/${dossier.id}/publics`);
  const rule = page.locator('[data-block="subsidy"] [data-rule="min-attendees"]');
  await page.getByLabel('Nombre de personnes attendues').fill('120');
  await expect(rule).toHaveAttribute('data-status', 'fail');
  await expect(rule).toContainText('Non respecté');
  await page.getByLabel('Nombre de personnes attendues').fill('150');
  await expect(rule).toHaveAttribute('data-status', 'pass');

  await page.goto(`/dossiers/${dossier.id}/structures`);
  const support = page.locator('[data-block="subsidy"] [data-rule="supporting-collectivites"]');
  await expect(support).toHaveAttribute('data-status', 'fail');
  await page.getByRole('button', { name: 'Ajouter une structure' }).click();
  await page.getByLabel('Nom').first().fill('Commune de Vaucommun');
  await page.getByLabel('Catégorie').first().selectOption('commune');
  await page.locator('label[for="champ-organisers-0-supportsEvent-0"]').click();
  await expect(support).toHaveAttribute('data-status', 'pass');
  // The subsidy's verdict changed (no longer ineligible): said politely, once typing settles.
  await expect(page.getByTestId('eligibilite-annonce')).toContainText('Subvention : incomplet.');
  await expectAccessible(page, 'structures et soutiens');
});

test('a bad SIRET is refused with its reason', async ({ page }) => {
  await signedInApplicant(page);
  await page.goto('/mes-structures');
  await page.getByRole('button', { name: 'Ajouter une structure' }).click();
  const field = page.getByLabel('Numéro SIRET de la structure');
  const state = page.getByTestId('siret-etat');
  await field.fill('7328A');
  await expect(state).toContainText('ne contient que des chiffres');
  await field.fill('732 829 320');
  await expect(state).toHaveText('9 chiffres saisis sur 14.');
  await field.fill('732 829 320 00075');
  await expect(state).toContainText('clé de contrôle');
  await page.getByLabel('Nom de la structure').fill('Structure mal saisie');
  await page.getByRole('button', { name: 'Ajouter', exact: true }).click();
  await expect(page.getByRole('region', { name: /erreurs/ })).toBeFocused();
  await expectAccessible(page, 'SIRET refusé');
  await field.fill('356 000 000 00015');
  await expect(state).toContainText('La Poste');
});
