import {
  expect,
  expectAccessible,
  lastMailTo,
  linkIn,
  randomSiret,
  test,
  visit,
} from './fixtures.js';
import type { Page } from '@playwright/test';

/** An ISO date some months from today: the event must be at least 3 months after submission. */
function monthsAhead(months: number): string {
  const d = new Date();
  d.setMonth(d.getMonth() + months);
  return d.toISOString().slice(0, 10);
}

async function next(page: Page, step: string): Promise<void> {
  await page.getByRole('button', { name: 'Enregistrer et continuer' }).click();
  await expect(page.locator('.fr-stepper__title')).toContainText(step);
  await page.waitForLoadState('networkidle');
  await expectAccessible(page, `étape ${step}`);
}

test('from sign-up (link from the outbox) to a submitted dossier', async ({ page }) => {
  const email = `parcours-${Date.now()}@exemple.test`;
  await visit(page, '/inscription', 'inscription');
  await page.getByRole('button', { name: 'Créer mon compte' }).click();
  await expect(
    page.getByRole('region', { name: /Le formulaire contient des erreurs/ }),
  ).toBeFocused();
  await expectAccessible(page, 'inscription avec erreurs');
  await page.getByLabel('Votre nom').fill('Dominique Essai');
  await page.getByLabel('Adresse électronique').fill(email);
  await page.getByLabel('Mot de passe').fill('une phrase de passe solide');
  await page.getByRole('button', { name: 'Créer mon compte' }).click();
  await expect(page.getByRole('heading', { name: 'Vérifiez votre messagerie' })).toBeVisible();

  await visit(page, linkIn(await lastMailTo(email), '/confirmer-mon-adresse'), 'confirmation');
  await expect(page.getByRole('heading', { name: 'Votre adresse est confirmée' })).toBeVisible();
  await page.getByRole('link', { name: 'Se connecter' }).last().click();
  await page.getByLabel('Adresse électronique').fill(email);
  await page.getByLabel('Mot de passe').fill('une phrase de passe solide');
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await expect(page.locator('main h1')).toHaveText('Mes dossiers');
  await expect(page.getByText('Vous n’avez pas encore de dossier')).toBeVisible();
  await expectAccessible(page, 'mes dossiers vides');

  // A structure, by SIRET checked as typed.
  await visit(page, '/mes-structures', 'mes structures');
  await page.getByRole('button', { name: 'Ajouter une structure' }).click();
  await page.getByLabel('Numéro SIRET de la structure').fill(randomSiret());
  await expect(page.getByTestId('siret-etat')).toHaveText('Numéro SIRET valide.');
  await page.getByLabel('Nom de la structure').fill('Association Essai numérique');
  await page.getByRole('button', { name: 'Ajouter', exact: true }).click();
  await expect(page.getByText('Association Essai numérique est ajoutée')).toBeVisible();
  await expectAccessible(page, 'structure ajoutée');

  // A dossier for the open NEC local call.
  await visit(page, '/dossiers/nouveau', 'nouveau dossier');
  // The event's date picks the call (several years may be open at once) and is kept.
  const kinds = page.getByRole('group', { name: 'Que souhaitez-vous déposer ?' });
  if ((await kinds.count()) > 0) await kinds.getByText('NEC local', { exact: true }).click();
  await page.getByLabel('Date de l’événement').fill(monthsAhead(5));
  await expect(page.getByTestId('appel-retenu')).toContainText(
    new RegExp(`NEC local.*${monthsAhead(5).slice(0, 4)}`),
  );
  await expectAccessible(page, 'nouveau dossier, appel retenu');
  await page.getByRole('button', { name: 'Commencer le dossier' }).click();
  await expect(page.locator('.fr-stepper__title')).toContainText('Le projet');
  await expectAccessible(page, 'étape projet');
  await page.getByLabel('Titre de votre NEC local').fill('Les communs du bocage');
  await page
    .getByLabel('Objectif')
    .fill('Réunir les lieux de médiation du bocage autour de leurs outils libres.');
  await next(page, 'Thématiques');
  await page.locator('label', { hasText: 'Inclusion numérique' }).first().click();
  await page
    .getByLabel('Ce que l’événement apportera au territoire')
    .fill('Un réseau durable de médiatrices et médiateurs.');
  await next(page, 'Territoire');
  await page.getByRole('combobox', { name: /Rechercher un territoire/ }).fill('Maine-et');
  await page.getByRole('option', { name: /Maine-et-Loire/ }).click();
  await expect(page.getByTestId('territoires-choisis')).toContainText('Maine-et-Loire');
  await next(page, 'Publics');
  await page.getByRole('button', { name: 'Ajouter un public' }).click();
  await page.getByLabel('Public 1').fill('Médiatrices et médiateurs numériques');
  await page.getByLabel('Nombre de personnes attendues').fill('180');
  await next(page, 'Structures et soutiens');
  await page.getByLabel('Catégorie').first().selectOption('association');
  await page.locator('label[for="champ-organisers-0-supportsEvent-1"]').click();
  await page.getByRole('button', { name: 'Ajouter une structure' }).click();
  await page.getByLabel('Nom').nth(1).fill('Commune de Vaucommun');
  await page.getByLabel('Catégorie').nth(1).selectOption('commune');
  await page.locator('label[for="champ-organisers-1-supportsEvent-0"]').click();
  await next(page, 'Formats');
  await page.getByText('Atelier', { exact: true }).click();
  await page.getByText('Sur place', { exact: true }).click();
  await next(page, 'Moyens');
  for (const label of [
    'Moyens humains',
    'Moyens techniques',
    'Moyens matériels',
    'Moyens de communication',
  ]) {
    await page.getByLabel(label).fill('Une équipe de six bénévoles et deux salariés.');
  }
  await next(page, 'Date et lieu');
  await page.getByLabel('Date de l’événement').fill(monthsAhead(5));
  await page.getByLabel('Nom du lieu').fill('Salle des fêtes');
  await page.getByLabel('Adresse').fill('1 place de la Mairie');
  await page.getByLabel('Capacité d’accueil (personnes)').fill('250');
  await next(page, 'Budget');
  await page.getByRole('button', { name: 'Ajouter une dépense' }).click();
  await page.getByLabel('Description de la dépense 1').fill('Location de la salle et repas');
  await page.getByLabel('Montant de la dépense 1').fill('6 000');
  await page.getByRole('button', { name: 'Ajouter une ressource' }).click();
  await page.getByLabel('Description de la ressource 1').fill('Fonds propres');
  await page.getByLabel('Montant de la ressource 1').fill('2 000');
  await page.getByRole('button', { name: 'Ajouter une ressource' }).click();
  await page.getByLabel('Origine de la ressource 2').selectOption('anct-subsidy');
  await page.getByLabel('Description de la ressource 2').fill('Subvention NEC');
  await page.getByLabel('Montant de la ressource 2').fill('4 000');
  await expect(page.getByTestId('budget-equilibre')).toHaveText('Budget équilibré');
  await expect(page.getByTestId('part-subvention')).toHaveText(/66,7\s?%/);
  // This campaign's agreement ends before the event (the suite may run late in the year): no
  // subsidy asked here, the label alone; the panel says why the subsidy would be refused.
  await page.getByLabel('Origine de la ressource 2').selectOption('own-funds');
  await expect(page.getByTestId('part-subvention')).toHaveText(/0\s?%/);
  await next(page, 'Demandes');
  await page.locator('label[for="champ-requests-subsidy-requested-1"]').click();
  await page.locator('label[for="champ-requests-duo-1"]').click();
  await next(page, 'Charte');
  await page.getByRole('button', { name: /J’accepte la charte/ }).click();
  await expect(page.getByText(/Charte acceptée \(version/)).toBeVisible();
  await next(page, 'Récapitulatif');
  // The label is granted; the subsidy depends on the campaign year (the event is after this
  // campaign's agreement ends when the suite runs late in the year): the panel says which.
  await expect(page.locator('[data-block="label"]')).toContainText('Éligible');
  await expect(page.locator('[data-block="subsidy"]')).toContainText('Pas de demande');
  await page.getByRole('button', { name: 'Déposer mon dossier' }).click();
  await expect(page.getByRole('dialog')).toContainText('Déposer votre dossier ?');
  await expectAccessible(page, 'confirmation du dépôt');
  await page.getByRole('button', { name: 'Oui, déposer' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Accusé de réception' })).toBeVisible();
  await expect(page.getByTestId('reference')).not.toBeEmpty();
  await expect(page.getByText('Votre dossier est déposé')).toBeVisible();
  await page.waitForLoadState('networkidle');
  await expectAccessible(page, 'accusé de réception');
});
