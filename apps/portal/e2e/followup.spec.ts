import { defaultUploadMaxBytes } from '@nec/domain';
import {
  daysAhead,
  expect,
  expectAccessible,
  pdfBuffer,
  signedInApplicant,
  staffSession,
  submittedDossier,
  test,
  visit,
} from './fixtures.js';

test('an information request answered with a file, round trip', async ({
  page,
  context,
  playwright,
}) => {
  const { csrfToken } = await signedInApplicant(page);
  const { id } = await submittedDossier(page, csrfToken, { startDate: daysAhead(150) });

  // The instructor (demo account, signed in through HTTP) takes the dossier and asks.
  const instructor = await staffSession(playwright, 'instructrice@nec.example');
  await instructor.post(`/api/instruction/dossiers/${id}/take`);
  const dueDate = daysAhead(15);
  await instructor.post(`/api/instruction/dossiers/${id}/information-requests`, {
    message: 'Joignez le devis de la salle et précisez la répartition des frais de programmation.',
    dueDate,
  });

  await visit(page, `/dossiers/${id}`, 'suivi : compléments demandés');
  await expect(page.getByTestId('prochaine-etape')).toContainText(
    'L’équipe de l’ANCT attend des compléments',
  );
  const request = page.getByTestId('demande-ouverte');
  await expect(request).toContainText('Joignez le devis de la salle');
  await expect(request.getByTestId('echeance')).toContainText('Répondez avant le');
  await expect(page.getByTestId('messages-vide')).toBeVisible();

  // Refused before sending, with the limit stated: a refused type, then a file too big.
  const files = page.getByLabel(/Documents à joindre/);
  await expect(page.getByText('Choisir des fichiers', { exact: true })).toBeVisible();
  await expect(page.locator(`#${await files.getAttribute('id')}-choix`)).toHaveText(
    'Aucun fichier choisi',
  );
  await expect(page.getByText(/Taille maximale : 10 Mo par fichier/)).toBeVisible();
  await files.setInputFiles({
    name: 'programme.exe',
    mimeType: 'application/x-msdownload',
    buffer: Buffer.from('MZ'),
  });
  const problems = page.getByRole('alert').filter({ hasText: 'programme.exe' });
  await expect(problems).toContainText('Formats acceptés : PDF');
  await files.setInputFiles({
    name: 'plan-trop-lourd.pdf',
    mimeType: 'application/pdf',
    buffer: Buffer.alloc(defaultUploadMaxBytes + 1),
  });
  await expect(page.getByRole('alert').filter({ hasText: 'plan-trop-lourd.pdf' })).toContainText(
    'la taille maximale est de 10 Mo',
  );
  await expectAccessible(page, 'fichiers refusés');

  // A real file, on a slow upload link, shows its progress before it is sent.
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false,
    latency: 50,
    downloadThroughput: -1,
    uploadThroughput: 256 * 1024,
  });
  await files.setInputFiles({
    name: 'devis-salle.pdf',
    mimeType: 'application/pdf',
    buffer: pdfBuffer(1024 * 1024),
  });
  await expect(page.getByRole('progressbar', { name: 'Envoi de devis-salle.pdf' })).toBeVisible();
  await expect(page.getByTestId('progression-envoi')).toHaveText(/\d+ %/);
  await expect(page.getByRole('button', { name: 'Retirer devis-salle.pdf' })).toBeVisible({
    timeout: 30_000,
  });
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false,
    latency: 0,
    downloadThroughput: -1,
    uploadThroughput: -1,
  });
  await expect(
    page.getByRole('status').filter({ hasText: '« devis-salle.pdf » est envoyé.' }),
  ).toBeAttached();
  await expectAccessible(page, 'fichier envoyé');

  // An empty answer is refused by the contract's schema, then the answer goes.
  await page.getByRole('button', { name: 'Envoyer ma réponse' }).click();
  await expect(
    page.getByRole('region', { name: /Votre réponse contient des erreurs/ }),
  ).toBeFocused();
  await page
    .getByRole('textbox', { name: /Votre réponse/ })
    .fill('Le devis est joint ; les frais de programmation couvrent trois intervenantes.');
  await page.getByRole('button', { name: 'Envoyer ma réponse' }).click();
  await expect(
    page.getByRole('alert').filter({ hasText: 'Votre réponse est envoyée' }),
  ).toBeVisible();
  await expect(page.getByTestId('demande-ouverte')).toHaveCount(0);
  await expect(page.locator('main')).toContainText('Répondue');
  await expect(page.getByRole('link', { name: 'devis-salle.pdf' }).first()).toBeVisible();
  await expect(page.locator('main .fr-badge').first()).toHaveText('En cours d’instruction');
  await expectAccessible(page, 'compléments envoyés');

  // The instructor sees the answer and its file.
  const requests = await instructor.get(`/api/dossiers/${id}/information-requests`);
  const [answered] = requests.items as { answerText: string; answerAttachmentIds: string[] }[];
  expect(answered?.answerText).toContain('Le devis est joint');
  expect(answered?.answerAttachmentIds).toHaveLength(1);

  // A message to the team, and its answer in the thread.
  await page.getByLabel('Écrire à l’équipe de l’ANCT').fill('Merci pour votre retour rapide !');
  await page.getByRole('button', { name: 'Envoyer le message' }).click();
  await expect(page.locator('.nec-thread')).toContainText('Merci pour votre retour rapide !');
  await expect(page.getByLabel('Écrire à l’équipe de l’ANCT')).toHaveValue('');
  await instructor.post(`/api/dossiers/${id}/messages`, { body: 'Bien reçu, merci.' });
  await page.reload();
  await expect(page.locator('.nec-thread')).toContainText('Équipe de l’ANCT');
  await expect(page.locator('.nec-thread')).toContainText('Bien reçu, merci.');
  await expectAccessible(page, 'messages');
  await instructor.dispose();
});

test('an applicant withdraws a submitted dossier, with a reason', async ({ page }) => {
  const { csrfToken } = await signedInApplicant(page);
  const { id } = await submittedDossier(page, csrfToken, { startDate: daysAhead(150) });

  await visit(page, `/dossiers/${id}`, 'suivi : dossier déposé');
  await page.getByRole('button', { name: 'Retirer ma candidature' }).click();
  const dialog = page.getByRole('dialog', { name: 'Retirer définitivement votre candidature ?' });
  await expect(dialog).toBeVisible();
  await dialog.getByLabel('Motif (facultatif)').fill('x'.repeat(2001));
  await expect(dialog.getByText('Le motif ne doit pas dépasser 2 000 caractères.')).toBeVisible();
  await expectAccessible(page, 'retrait : confirmation');
  await dialog.getByLabel('Motif (facultatif)').fill('L’événement est reporté à l’an prochain.');
  await dialog.getByRole('button', { name: 'Oui, retirer le dossier' }).click();

  await expect(page.getByText('Votre candidature est retirée')).toBeVisible();
  await expect(page.getByTestId('prochaine-etape')).toContainText(
    'Vous avez retiré cette candidature.',
  );
  await expect(page.getByRole('button', { name: 'Retirer ma candidature' })).toHaveCount(0);
  await expectAccessible(page, 'suivi : dossier retiré');
});
