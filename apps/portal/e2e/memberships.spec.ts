import type { APIRequestContext, Browser, Page } from '@playwright/test';
import {
  expect,
  expectAccessible,
  lastMailTo,
  linkIn,
  randomSiret,
  signedInApplicant,
  test,
  visit,
} from './fixtures.js';
import { portalUrl } from './env.js';

/** A second person, in a browser of their own (cookies apart from the first one's). */
async function otherBrowser(browser: Browser): Promise<Page> {
  const context = await browser.newContext({
    baseURL: portalUrl,
    locale: 'fr-FR',
    timezoneId: 'Europe/Paris',
  });
  return context.newPage();
}

/** An organisation registered through the API by the signed-in applicant of `request`. */
async function registered(request: APIRequestContext, csrfToken: string, name: string) {
  const siret = randomSiret();
  const res = await request.post('/api/organisations', {
    headers: { 'x-csrf-token': csrfToken },
    data: { siret, name, category: 'association' },
  });
  expect(res.ok(), await res.text()).toBe(true);
  const { id } = (await res.json()) as { id: string };
  return { id, siret, name };
}

/** Invites an address through the API as the organisation's owner; the invitation's id. */
async function invited(
  request: APIRequestContext,
  csrfToken: string,
  organisationId: string,
  email: string,
): Promise<string> {
  const res = await request.post(`/api/organisations/${organisationId}/invitations`, {
    headers: { 'x-csrf-token': csrfToken },
    data: { email },
  });
  expect(res.ok(), await res.text()).toBe(true);
  return ((await res.json()) as { id: string }).id;
}

/** The confirmation link of a sign-up mail, with the way back it carries. */
function confirmationLinkIn(mail: string): string {
  const match = /https?:\/\/[^\s/]+(\/confirmer-mon-adresse\?jeton=[^\s]+)/.exec(mail);
  if (!match?.[1]) throw new Error(`Aucun lien de confirmation dans le courriel :\n${mail}`);
  return match[1];
}

// Two people, two browsers, an axe scan at each step: longer than one person's journey.
test.describe.configure({ timeout: 180_000 });

async function shoot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: `test-results/screenshots/${name}.png`, fullPage: true });
  await page.setViewportSize({ width: 320, height: 800 });
  await page.screenshot({ path: `test-results/screenshots/${name}-320.png`, fullPage: true });
  await expectAccessible(page, `${name} à 320 px`);
  await page.setViewportSize({ width: 1280, height: 800 });
}

test('an owner invites by e-mail; the invitee signs in from the link and accepts', async ({
  page,
  browser,
}) => {
  const owner = await signedInApplicant(page);
  const organisation = await registered(
    page.context().request,
    owner.csrfToken,
    'Association des Invitations Essai',
  );
  // The invitee has an account, signed out in their own browser.
  const invitee = await otherBrowser(browser);
  const guest = await signedInApplicant(invitee);
  await invitee.context().request.post('/api/auth/sign-out', {
    headers: { 'x-csrf-token': guest.csrfToken },
  });

  await visit(page, '/mes-structures', 'mes structures (responsable)');
  const panel = page.getByRole('region', { name: organisation.name });
  await expect(panel.getByText('Aucune invitation en attente.')).toBeVisible();
  await panel.getByRole('button', { name: 'Inviter une personne' }).click();
  const field = panel.getByLabel(/Adresse électronique de la personne à inviter/);
  await field.fill('pas-une-adresse');
  await panel.getByRole('button', { name: 'Envoyer l’invitation' }).click();
  await expect(panel.getByText('Saisissez une adresse électronique valide.').first()).toBeVisible();
  await expectAccessible(page, 'invitation avec erreur');
  await field.fill(guest.email);
  await panel.getByRole('button', { name: 'Envoyer l’invitation' }).click();
  await expect(panel.getByText(`Invitation envoyée à ${guest.email}.`)).toBeVisible();
  await expect(panel.getByRole('listitem').filter({ hasText: guest.email })).toContainText(
    'valable jusqu’au',
  );
  await expectAccessible(page, 'invitation envoyée');
  await shoot(page, 'mes-structures-invitation');

  // Signed out, the link sends to sign-in, which comes back to the invitation.
  const link = linkIn(await lastMailTo(guest.email), '/invitation');
  await visit(invitee, link, 'invitation sans session');
  await expect(invitee).toHaveURL(/\/invitation$/);
  await invitee.getByRole('link', { name: 'Se connecter' }).last().click();
  await invitee.getByLabel('Adresse électronique').fill(guest.email);
  await invitee.getByLabel('Mot de passe').fill(guest.password);
  await invitee.getByRole('button', { name: 'Se connecter' }).click();
  await expect(invitee).toHaveURL(/\/invitation$/);
  await expect(invitee.getByRole('heading', { name: organisation.name })).toBeVisible();
  await expect(invitee.getByText('Camille Essai vous invite')).toBeVisible();
  await expectAccessible(invitee, 'invitation');
  await shoot(invitee, 'invitation');
  await invitee.getByRole('button', { name: 'Accepter l’invitation' }).click();
  await expect(
    invitee.getByRole('heading', { name: 'Vous avez rejoint la structure' }),
  ).toBeVisible();
  await expectAccessible(invitee, 'invitation acceptée');
  await invitee.getByRole('link', { name: 'Voir mes structures' }).click();
  const joined = invitee.getByRole('region', { name: organisation.name });
  await expect(joined.getByText('Membre', { exact: true }).first()).toBeVisible();
  await expect(joined.getByRole('button', { name: 'Quitter la structure' })).toBeVisible();
  await expectAccessible(invitee, 'mes structures (membre)');

  // The owner sees the new member; the invitation is no longer pending.
  await page.reload();
  await expect(panel.getByText(guest.email).first()).toBeVisible();
  await expect(panel.getByText('Aucune invitation en attente.')).toBeVisible();

  // The owner names the member owner, then takes the role back.
  const row = panel.getByRole('listitem').filter({ hasText: guest.email });
  await row.getByRole('button', { name: /^Nommer responsable/ }).click();
  await expect(panel.getByText(/est désormais responsable de/)).toBeVisible();
  await expect(row.getByText('Responsable', { exact: true })).toBeVisible();
  await expectAccessible(page, 'responsable nommée');
  await shoot(page, 'mes-structures-roles');
  await row.getByRole('button', { name: /^Retirer le rôle de responsable/ }).click();
  await expect(panel.getByText(/n’est plus responsable de/)).toBeVisible();
  await expect(row.getByText('Membre', { exact: true })).toBeVisible();

  // Named again, the invitee steps down on their own, after confirming.
  await row.getByRole('button', { name: /^Nommer responsable/ }).click();
  await expect(row.getByText('Responsable', { exact: true })).toBeVisible();
  await invitee.reload();
  await joined.getByRole('button', { name: 'Retirer le rôle de responsable (vous)' }).click();
  const stepDown = invitee.getByRole('dialog', { name: /Ne plus être responsable/ });
  await stepDown.getByRole('button', { name: 'Oui, retirer mon rôle' }).click();
  await expect(joined.getByText(/Vous n’êtes plus responsable de/)).toBeVisible();

  // The owner's page still shows two owners: stepping down is refused, in words.
  const me = panel.getByRole('listitem').filter({ hasText: owner.email });
  await me.getByRole('button', { name: 'Retirer le rôle de responsable (vous)' }).click();
  const refused = page.getByRole('dialog', { name: /Ne plus être responsable/ });
  await refused.getByRole('button', { name: 'Oui, retirer mon rôle' }).click();
  await expect(refused.getByText(/seule personne responsable de cette structure/)).toBeVisible();
  await expectAccessible(page, 'retrait du rôle refusé');
  await shoot(page, 'mes-structures-dernier-responsable');
  await expect(refused.getByRole('button', { name: 'Oui, retirer mon rôle' })).toHaveCount(0);
  await refused.getByRole('button', { name: 'Revenir à la liste' }).click();
  // The refusal read the list again: the invitee shows as a member now.
  await expect(row.getByText('Membre', { exact: true })).toBeVisible();

  // Removing a member is confirmed in a dialog too.
  await row.getByRole('button', { name: /^Retirer de la structure/ }).click();
  const removal = page.getByRole('dialog', { name: /^Retirer Camille Essai de/ });
  await removal.getByRole('button', { name: 'Oui, retirer de la structure' }).click();
  await expect(panel.getByText(/ne fait plus partie de/)).toBeVisible();
  await expect(panel.getByText(guest.email)).toHaveCount(0);
  await invitee.context().close();
});

test('an invitee without an account creates it from the link, confirms it elsewhere and comes back to accept', async ({
  page,
  browser,
}) => {
  const owner = await signedInApplicant(page);
  const request = page.context().request;
  const organisation = await registered(request, owner.csrfToken, 'Fablab des Nouveaux Essai');
  const email = `nouvelle-${Date.now()}@exemple.test`;
  await invited(request, owner.csrfToken, organisation.id, email);
  const link = linkIn(await lastMailTo(email), '/invitation');

  // A withdrawn invitation says so, and what to do.
  const withdrawnEmail = `retiree-${Date.now()}@exemple.test`;
  const withdrawn = await invited(request, owner.csrfToken, organisation.id, withdrawnEmail);
  const withdrawnLink = linkIn(await lastMailTo(withdrawnEmail), '/invitation');
  await request.delete(`/api/organisations/${organisation.id}/invitations/${withdrawn}`, {
    headers: { 'x-csrf-token': owner.csrfToken },
  });
  await visit(page, withdrawnLink, 'invitation retirée');
  await expect(page.getByRole('heading', { name: 'Cette invitation a été retirée' })).toBeVisible();
  await expect(page.getByText(/demandez-leur de vous inviter de nouveau/)).toBeVisible();
  await shoot(page, 'invitation-retiree');

  // Opened from another account (the owner's): said plainly, with the way to switch.
  await visit(page, link, 'invitation pour une autre adresse');
  await expect(
    page.getByRole('heading', { name: 'Cette invitation est destinée à une autre adresse' }),
  ).toBeVisible();
  await expect(page.getByText(`vous êtes connecté·e avec ${owner.email}`)).toBeVisible();
  await shoot(page, 'invitation-autre-compte');
  await page.getByRole('button', { name: `Me déconnecter et utiliser ${email}` }).click();
  await expect(page).toHaveURL(/\/connexion\?retour=(\/|%2F)invitation(\?|%3F)jeton/);
  await expect(page.getByLabel('Adresse électronique')).toHaveValue(email);

  // Signed out, the page names the organisation and the address to use.
  const invitee = await otherBrowser(browser);
  await visit(invitee, link, 'invitation sans compte');
  await expect(invitee).toHaveURL(/\/invitation$/);
  await expect(
    invitee.getByText(
      `Pour rejoindre «\u00a0${organisation.name}\u00a0», connectez-vous ou créez votre compte avec l’adresse ${email}.`,
    ),
  ).toBeVisible();
  await shoot(invitee, 'invitation-sans-compte');
  await invitee.locator('main').getByRole('link', { name: 'Créer un compte' }).click();
  await expect(invitee.getByLabel('Adresse électronique')).toHaveValue(email);
  await invitee.getByLabel('Votre nom').fill('Dominique Essai');
  await invitee.getByLabel('Mot de passe').fill('une phrase de passe solide');
  await invitee.getByRole('button', { name: 'Créer mon compte' }).click();
  await expect(invitee.getByRole('heading', { name: 'Vérifiez votre messagerie' })).toBeVisible();
  await expectAccessible(invitee, 'inscription envoyée (invitation)');
  // Asked again, a new confirmation link comes (carrying the way back too).
  await invitee.getByRole('button', { name: 'renvoyez le lien' }).click();
  await expect(invitee.getByText(/un nouveau lien vient d’y être envoyé/)).toBeVisible();
  await invitee.context().close();

  // The confirmation mail is opened in another browser: its link carries the way back.
  await expect.poll(async () => lastMailTo(email)).toContain('Voici un nouveau lien');
  const mail = await lastMailTo(email);
  const elsewhere = await otherBrowser(browser);
  await visit(elsewhere, confirmationLinkIn(mail), 'adresse confirmée (invitation)');
  await expect(
    elsewhere.getByRole('heading', { name: 'Votre adresse est confirmée' }),
  ).toBeVisible();
  await elsewhere.locator('main').getByRole('link', { name: 'Se connecter' }).click();
  await elsewhere.getByLabel('Adresse électronique').fill(email);
  await elsewhere.getByLabel('Mot de passe').fill('une phrase de passe solide');
  await elsewhere.getByRole('button', { name: 'Se connecter' }).click();
  await expect(elsewhere).toHaveURL(/\/invitation$/);
  await expect(elsewhere.getByRole('heading', { name: organisation.name })).toBeVisible();
  await shoot(elsewhere, 'invitation-a-accepter');
  await elsewhere.getByRole('button', { name: 'Accepter l’invitation' }).click();
  await expect(
    elsewhere.getByRole('heading', { name: 'Vous avez rejoint la structure' }),
  ).toBeVisible();
  await shoot(elsewhere, 'invitation-acceptee');
  await elsewhere.getByRole('link', { name: 'Voir mes structures' }).click();
  await expect(elsewhere.getByRole('region', { name: organisation.name })).toBeVisible();

  // The link once answered: said so, with what to do.
  await visit(elsewhere, link, 'invitation déjà acceptée');
  await expect(
    elsewhere.getByRole('heading', { name: 'Cette invitation a déjà reçu une réponse' }),
  ).toBeVisible();
  await shoot(elsewhere, 'invitation-deja-repondue');
  await elsewhere.context().close();
});

test('a SIRET already registered becomes a request to join, which its owner accepts', async ({
  page,
  browser,
}) => {
  const owner = await signedInApplicant(page);
  const organisation = await registered(
    page.context().request,
    owner.csrfToken,
    'Tiers-lieu des Demandes Essai',
  );
  const requester = await otherBrowser(browser);
  const asking = await signedInApplicant(requester);

  await visit(requester, '/mes-structures', 'mes structures (vide)');
  await requester.getByRole('button', { name: 'Ajouter une structure' }).click();
  await requester.getByLabel('Numéro SIRET de la structure').fill(organisation.siret);
  await requester.getByLabel('Nom de la structure').fill('Tiers-lieu des Demandes');
  await requester.getByRole('button', { name: 'Ajouter', exact: true }).click();
  await expect(
    requester.getByRole('heading', { name: 'Cette structure est déjà inscrite' }),
  ).toBeVisible();
  await expectAccessible(requester, 'structure déjà inscrite');
  await requester.getByRole('button', { name: 'Demander à rejoindre cette structure' }).click();
  await requester
    .getByLabel('Message aux responsables de la structure (facultatif)')
    .fill('Je suis trésorière de l’association.');
  await requester.getByRole('button', { name: 'Demander à rejoindre cette structure' }).click();
  await expect(requester.getByText(/Votre demande pour rejoindre/)).toBeVisible();
  const mine = requester.getByRole('region', { name: 'Vos demandes pour rejoindre une structure' });
  await expect(mine.getByText('En attente de réponse')).toBeVisible();
  await expectAccessible(requester, 'demande envoyée');
  await shoot(requester, 'mes-structures-demandeur');

  // The owner is told by mail, and answers from « Mes structures ».
  expect(await lastMailTo(owner.email)).toContain('Camille Essai demande à rejoindre');
  await visit(page, '/mes-structures', 'mes structures (demande reçue)');
  const panel = page.getByRole('region', { name: organisation.name });
  await expect(panel.getByText('Je suis trésorière de l’association.')).toBeVisible();
  await shoot(page, 'mes-structures-demande');
  await panel.getByRole('button', { name: /^Accepter la demande de/ }).click();
  await expect(panel.getByText(/est désormais membre de la structure/)).toBeVisible();
  await expect(panel.getByText('Aucune demande en attente.')).toBeVisible();
  await expectAccessible(page, 'demande acceptée');

  await requester.reload();
  await expect(requester.getByRole('region', { name: organisation.name })).toBeVisible();
  await expect(mine.getByText('Acceptée')).toBeVisible();
  expect(await lastMailTo(asking.email)).toContain('Votre demande est acceptée');
  await requester.context().close();
});
