import { crc32, deflateSync } from 'node:zlib';
import type { Page, PlaywrightWorkerArgs } from '@playwright/test';
import {
  daysAhead,
  expect,
  expectAccessible,
  signedInApplicant,
  staffSession,
  submittedDossier,
  test,
  visit,
} from './fixtures.js';

test('a bilan filed with planned vs actual, after the agreement and the event', async ({
  page,
  playwright,
}) => {
  // An event of today can only be filed under a call without lead time: the demo admin makes
  // one, a copy of this year's permanent call, so the whole life fits in one run.
  const today = daysAhead(0);
  const year = today.slice(0, 4);
  const admin = await staffSession(playwright, 'admin@nec.example');
  const { status: _status, ...permanent } = await admin.get(
    `/api/campaigns/nec-local-permanent-${year}`,
  );
  const campaignId = `e2e-bilan-${Date.now()}`;
  const campaign = {
    ...permanent,
    id: campaignId,
    title: 'Appel d’essai : événement du jour',
    params: { ...(permanent.params as object), leadTimeMonths: 0 },
  };
  await admin.post('/api/admin/campaigns', campaign);
  const instructors = await admin.get(
    `/api/admin/campaigns/nec-local-permanent-${year}/instructors`,
  );
  await admin.put(`/api/admin/campaigns/${campaignId}/instructors`, {
    userIds: (instructors.items as { id: string }[]).map((i) => i.id),
  });
  try {
    await fileBilan(page, playwright, { campaignId, today });
  } finally {
    // Closed again (it has a dossier now: it cannot be deleted), so that the other specs see
    // the open calls of the demo data only.
    await admin.put(`/api/admin/campaigns/${campaignId}`, { ...campaign, closesOn: daysAhead(-1) });
    await admin.dispose();
  }
});

/** From the submission to the bilan, under the call `campaignId`, for an event of `today`. */
async function fileBilan(
  page: Page,
  playwright: PlaywrightWorkerArgs['playwright'],
  { campaignId, today }: { campaignId: string; today: string },
): Promise<void> {
  const { csrfToken } = await signedInApplicant(page);
  const { id } = await submittedDossier(page, csrfToken, { startDate: today, campaignId });
  const instructor = await staffSession(playwright, 'instructrice@nec.example');
  await instructor.post(`/api/instruction/dossiers/${id}/take`);
  await instructor.post(`/api/instruction/dossiers/${id}/decision`, {
    decision: 'accept',
    awardedAmountCents: 450_000,
  });

  // Accepted with a subsidy: the decision, the agreement to download, the event must wait.
  await visit(page, `/dossiers/${id}`, 'suivi : accepté');
  await expect(page.getByTestId('decision')).toContainText('Votre dossier est accepté');
  await expect(page.getByTestId('montant-accorde')).toHaveText(/^4\s500\s€$/);
  await expect(page.getByTestId('evenement-pas-encore')).toContainText('convention signée');
  const download = page.waitForEvent('download');
  await page.getByRole('link', { name: /Télécharger la convention/ }).click();
  expect((await download).suggestedFilename()).toMatch(/\.pdf$/);

  await instructor.post(`/api/instruction/dossiers/${id}/agreement/signature`, { signedOn: today });
  await instructor.dispose();
  await visit(page, `/dossiers/${id}`, 'suivi : convention signée');
  await expect(page.getByTestId('convention')).toContainText('Signée le');
  await page.getByRole('button', { name: 'Déclarer l’événement réalisé' }).click();
  await expect(page.locator('main .fr-badge').first()).toHaveText('Événement réalisé');
  await expectAccessible(page, 'suivi : événement réalisé');
  await page.getByRole('link', { name: 'Rédiger le bilan' }).click();

  // The bilan: planned beside actual, checked by the domain's schema.
  await expect(page.locator('main h1')).toHaveText('Bilan de l’événement');
  const field = (name: string) => page.getByRole('textbox', { name: new RegExp(`^${name}`) });
  await expect(field('Personnes présentes')).toBeVisible();
  await expect(page.locator('.nec-actual__planned').first()).toContainText(
    '180 personnes attendues',
  );
  await expect(field('Subvention reçue de l’ANCT')).toHaveValue(/^4\s500$/);
  await page.waitForLoadState('networkidle');
  await expectAccessible(page, 'bilan vide');
  await page.getByRole('button', { name: 'Déposer le bilan' }).click();
  await expect(page.getByRole('region', { name: /Le bilan contient des erreurs/ })).toBeFocused();
  await expect(page.locator('#champ-attendees-erreur')).toHaveText(
    'Indiquez le nombre de personnes présentes.',
  );
  await expectAccessible(page, 'bilan avec erreurs');

  await field('Personnes présentes').fill('172');
  await field('Structures représentées').fill('64');
  await field('Ateliers').fill('4');
  await field('Stands de découverte').fill('5');
  await field('Nombre total de personnes intervenues').fill('15');
  await field('Femmes').fill('8');
  await field('Hommes').fill('5');
  await field('Non binaires').fill('1');
  await expect(page.locator('#champ-speakers-genderSplit')).toContainText(
    'La répartition par genre compte 14 intervenant·es, alors que le total indiqué est de 15.',
  );
  await field('Hommes').fill('6');
  await expect(page.getByTestId('parite')).toContainText('57 %');
  await field('Total des dépenses').fill('13 800');
  await page.getByRole('button', { name: 'Ajouter une remarque du public' }).click();
  await field('Remarque du public 1').fill('Prévoir plus de temps entre les ateliers.');
  await page.getByRole('button', { name: 'Ajouter une ressource' }).click();
  await page.getByLabel('Type').selectOption('les-bases');
  await field('Adresse web').fill('https://exemple.org/compte-rendu');
  await expect(page.locator('#champ-resources-0-url-erreur')).toContainText(
    'https://lesbases.anct.gouv.fr/',
  );
  await field('Adresse web').fill('https://lesbases.anct.gouv.fr/ressources/les-communs-du-bocage');
  await expect(page.getByTestId('etat-enregistrement')).toHaveText(/Enregistré à/);

  // Saved as typed: a reload brings everything back.
  await page.reload();
  await expect(field('Personnes présentes')).toHaveValue('172');
  await expect(field('Total des dépenses')).toHaveValue(/^13\s800$/);
  await page.waitForLoadState('networkidle');
  await expectAccessible(page, 'bilan rempli');
  await detailBudget(page);
  await addPhoto(page);
  await screenshots(page);
  await expectAccessible(page, 'bilan détaillé, avec une photo');

  await page.getByRole('button', { name: 'Déposer le bilan' }).click();
  await expect(page.getByTestId('bilan-depose')).toContainText('Votre bilan est déposé');
  const summary = page.getByRole('table', { name: /Ce que le dossier prévoyait/ });
  await expect(summary.getByRole('row', { name: /Personnes présentes/ })).toContainText('172');
  await expect(summary.getByRole('row', { name: /Dépenses/ })).toContainText(/13\s800\s€/);
  const lines = page.getByRole('table', { name: 'Dépenses réalisées, ligne par ligne' });
  await expect(lines.getByRole('row', { name: /langue des signes/ })).toContainText('non prévu');
  await expect(page.getByRole('img', { name: 'Un atelier de l’après-midi' })).toBeVisible();
  await expect(page.getByRole('button', { name: /Retirer la photo/ })).toHaveCount(0);
  await expectAccessible(page, 'bilan déposé');

  await visit(page, `/dossiers/${id}`, 'suivi : bilan déposé');
  await expect(page.locator('main .fr-badge').first()).toHaveText('Bilan déposé');
  await expect(page.getByRole('link', { name: 'Voir le bilan déposé' })).toBeVisible();
}

/**
 * The budget in detail: the dossier's lines taken up, each planned amount beside the actual
 * one, an unplanned line added; the totals follow the lines (13 800 €, as typed before).
 */
async function detailBudget(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Reprendre les lignes du budget prévisionnel' }).click();
  await expect(page.getByTestId('ligne-prevue').first()).toContainText(/4\s000\s€/);
  const amount = (side: string, n: number) =>
    page.getByRole('textbox', { name: `Montant réalisé de la ${side} ${n}`, exact: true });
  const expenses = ['3 900', '2 000', '2 400', '4 500', '600'];
  for (const [i, euros] of expenses.entries()) await amount('dépense', i + 1).fill(euros);
  await page.getByRole('button', { name: 'Ajouter une dépense' }).click();
  await page
    .getByRole('textbox', { name: 'Description de la dépense 6' })
    .fill('Interprétation en langue des signes');
  await amount('dépense', 6).fill('400');
  for (const [i, euros] of ['3 800', '3 000', '2 500', '4 500'].entries())
    await amount('recette', i + 1).fill(euros);
  const totals = page.getByTestId('totaux-budget');
  await expect(totals.getByRole('row', { name: /Dépenses/ })).toContainText(/13\s800\s€/);
  await expect(totals.getByRole('row', { name: /Subvention/ })).toContainText(/4\s500\s€/);
  await expect(page.getByTestId('solde-realise')).toHaveText('Budget équilibré');
}

/** A PNG of `width` × `height` pixels, a gradient (enough to see a thumbnail). */
function gradientPng(width: number, height: number): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type), data]);
    const head = Buffer.alloc(4);
    head.writeUInt32BE(data.length);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([head, body, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 2, 0, 0, 0], 8);
  const rows = Buffer.alloc((width * 3 + 1) * height);
  for (let y = 0; y < height; y += 1)
    for (let x = 0; x < width; x += 1)
      rows.set(
        [0, Math.round((255 * x) / width), Math.round((255 * y) / height)],
        y * (width * 3 + 1) + 1 + x * 3,
      );
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(rows)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** A photo: refused without its caption and consent, then sent and shown with its caption. */
async function addPhoto(page: Page): Promise<void> {
  await expect(page.getByTestId('aucune-photo')).toBeVisible();
  // The picker speaks French whatever the browser's language, and is the labelled input itself.
  const picker = page.getByRole('button', { name: /^Photo Jusqu’à/ });
  await expect(page.getByText('Choisir une photo', { exact: true })).toBeVisible();
  await expect(page.locator('#champ-photo-file-choix')).toHaveText('Aucune photo choisie');
  const file = { name: 'atelier.png', mimeType: 'image/png', buffer: gradientPng(160, 120) };
  await picker.setInputFiles(file);
  await expect(page.locator('#champ-photo-file-choix')).toHaveText('Fichier choisi : atelier.png');
  await page.getByRole('button', { name: 'Envoyer la photo' }).click();
  await expect(page.locator('#champ-photo-consent-erreur')).toContainText('reconnaissables');
  // DSFR draws the box on the label, over the input: the label is what one clicks.
  await page.locator('label[for="champ-photo-consent"]').click();
  await expect(page.getByRole('checkbox', { name: /reconnaissables/ })).toBeChecked();
  await page
    .getByRole('textbox', { name: /^Légende de la photo/ })
    .fill('Un atelier de l’après-midi');
  await page.getByRole('button', { name: 'Envoyer la photo' }).click();
  await expect(page.getByRole('img', { name: 'Un atelier de l’après-midi' })).toBeVisible();
  await expect(page.getByTestId('photo')).toHaveCount(1);
  // The next photo starts afresh: its consent is a new decision, the focus back on it.
  const consent = page.getByRole('checkbox', { name: /reconnaissables/ });
  await expect(consent).not.toBeChecked();
  await expect(consent).toBeFocused();
  await expect(page.getByRole('textbox', { name: /^Légende de la photo/ })).toHaveValue('');
  await expect(page.locator('#champ-photo-file-choix')).toHaveText('Aucune photo choisie');
  // The keyboard reaches the picker after the caption (its focus ring shows in the screenshots).
  await page.getByRole('textbox', { name: /^Légende de la photo/ }).focus();
  await page.keyboard.press('Tab');
  await expect(picker).toBeFocused();
}

/** With NEC_E2E_SHOTS (a folder), the budget and photo sections at 1280 and 320 px wide. */
async function screenshots(page: Page): Promise<void> {
  const dir = process.env.NEC_E2E_SHOTS;
  if (!dir) return;
  for (const width of [1280, 320]) {
    await page.setViewportSize({ width, height: 900 });
    for (const id of ['bilan-budget', 'bilan-photos']) {
      const section = page.locator(`section[aria-labelledby="${id}"]`);
      await section.screenshot({ path: `${dir}/${id}-${width}.png` });
    }
    await expectAccessible(page, `bilan à ${width} px`);
  }
  await page.setViewportSize({ width: 1280, height: 720 });
}
