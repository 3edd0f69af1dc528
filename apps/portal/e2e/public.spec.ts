import { portalUrl } from './env.js';
import { expect, test, visit } from './fixtures.js';

test('the public pages read well and pass axe', async ({ page }) => {
  await visit(page, '/', 'accueil');
  await expect(page.getByRole('heading', { name: 'Les appels ouverts' })).toBeVisible();
  await expect(page.locator('.fr-card').first()).toContainText('NEC local');
  await page.locator('.fr-card a').first().click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('NEC local');
  await expect(page.getByRole('heading', { level: 1 })).toBeFocused();
  await expect(page.locator('main')).toContainText('au moins 150 personnes');
  await expect(page.locator('main')).toContainText('80');
  await page.getByRole('button', { name: 'La charte et les sept principes' }).click();
  await expect(page.locator('main')).toContainText('Tempérer');
  await expect(page).toHaveTitle(/Appel permanent NEC local/);
  await expect(page.locator('main h1')).toBeVisible();
  for (const [path, title] of [
    ['/questions-frequentes', 'Questions fréquentes'],
    ['/mentions-legales', 'Mentions légales'],
    ['/donnees-personnelles', 'Données personnelles'],
    ['/accessibilite', 'Déclaration d’accessibilité'],
    ['/plan-du-site', 'Plan du site'],
    ['/connexion', 'Se connecter'],
    ['/inscription', 'Créer un compte'],
    ['/mot-de-passe-oublie', 'Mot de passe oublié'],
    ['/une-page-qui-n-existe-pas', 'Page introuvable'],
  ] as const) {
    await visit(page, path, title);
    await expect(page.locator('main h1')).toHaveText(title);
    await expect(page).toHaveTitle(new RegExp(`^${title}`));
  }
});

test('a turned phone moves no focus; the folded breadcrumb unfolds to its first link', async ({
  page,
}) => {
  await page.setViewportSize({ width: 320, height: 700 });
  await visit(page, '/questions-frequentes', 'fil d’Ariane à 320 px');
  // A question opened, then the phone turned (the folded breadcrumb shows, its fold's
  // transition ends): the focus stays on the question's button.
  const question = page.getByRole('button', { name: 'Qui peut déposer un dossier ?' });
  await question.click();
  await expect(question).toBeFocused();
  await page.setViewportSize({ width: 1024, height: 700 });
  await page.waitForTimeout(600); // the DSFR's fold transitions last 0.3 s
  await expect(question).toBeFocused();
  await page.setViewportSize({ width: 320, height: 700 });
  await page.getByRole('button', { name: 'Voir le fil d’Ariane' }).click();
  const trail = page.getByRole('navigation', { name: 'vous êtes ici :' });
  await expect(trail.getByRole('link', { name: 'Accueil' })).toBeFocused();
});

test('an account page sends a visitor to sign in, then back', async ({ page }) => {
  await page.goto('/mes-dossiers');
  await expect(page).toHaveURL(/\/connexion\?retour=(%2F|\/)mes-dossiers/);
  await page.getByLabel('Adresse électronique').fill('porteur@nec.example');
  await page.getByLabel('Mot de passe').fill('demo-nec-2026!');
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await expect(page).toHaveURL(/\/mes-dossiers$/);
  await expect(page.locator('main h1')).toHaveText('Mes dossiers');
  await page.waitForLoadState('networkidle');
  const { expectAccessible } = await import('./fixtures.js');
  await expectAccessible(page, 'mes dossiers');
});

test('the header’s « Se connecter » brings back to the call being read', async ({ page }) => {
  await visit(page, '/', 'accueil');
  const callPath = (await page.locator('.fr-card a').first().getAttribute('href')) ?? '';
  expect(callPath).toMatch(/^\/appels\//);
  // Opened at its address: the page rendered at build for every call, taken over by the app.
  await visit(page, callPath, 'un appel ouvert à son adresse');
  await expect(page.locator('main h1')).toContainText('NEC local');

  await page.locator('header').getByRole('link', { name: 'Se connecter' }).click();
  await expect(page.locator('main h1')).toHaveText('Se connecter');
  expect(new URL(page.url()).searchParams.get('retour')).toBe(callPath);
  // From the sign-in page, the header's links keep the same way back (never the sign-in page).
  const signUpHref = await page
    .locator('header')
    .getByRole('link', { name: 'Créer un compte' })
    .getAttribute('href');
  expect(new URL(signUpHref ?? '', portalUrl).searchParams.get('retour')).toBe(callPath);
  await page.getByLabel('Adresse électronique').fill('porteur@nec.example');
  await page.getByLabel('Mot de passe').fill('demo-nec-2026!');
  await page.getByRole('button', { name: 'Se connecter' }).click();

  await expect(page).toHaveURL(new RegExp(`${callPath}$`));
  await expect(page.locator('main h1')).toContainText('NEC local');
  await expect(page.locator('header').getByRole('link', { name: 'Mes dossiers' })).toBeVisible();
});

test('the pages come with their security headers, the rendered pages’ scripts allowed by hash', async ({
  request,
}) => {
  for (const path of ['/', '/appels/nec-local', '/connexion']) {
    const headers = (await request.get(path)).headers();
    const policy = headers['content-security-policy'] ?? '';
    expect(policy).toContain("frame-ancestors 'none'");
    expect(policy).toContain("object-src 'none'");
    expect(policy).not.toContain('unsafe-eval');
    expect(policy).toMatch(/script-src 'self'( 'sha256-[A-Za-z0-9+/=]+')+;/);
    expect(headers['x-content-type-options']).toBe('nosniff');
    expect(headers['x-frame-options']).toBe('DENY');
  }
});

test('the API down is a clear message, not a blank page', async ({ page }) => {
  await page.route('**/api/campaigns**', (route) =>
    route.fulfill({ status: 502, body: 'Bad Gateway' }),
  );
  await visit(page, '/', 'accueil sans API');
  await expect(page.getByRole('alert')).toContainText('Le service est momentanément indisponible');
  await expect(page.getByRole('button', { name: 'Réessayer' })).toBeVisible();
});

test('the pages without data show before their code, which then takes them over', async ({
  browser,
  page,
}) => {
  // Without JavaScript: what was rendered at build is all there, with plain links.
  const noScript = await browser.newContext({ javaScriptEnabled: false, baseURL: portalUrl });
  const bare = await noScript.newPage();
  for (const [path, text] of [
    ['/', 'Organisez un événement Numérique en Commun[s]'],
    ['/questions-frequentes', 'Qui peut déposer un dossier ?'],
    ['/appels/nec-local', 'Chargement de l’appel'],
    ['/mentions-legales', 'Mentions légales'],
  ] as const) {
    await bare.goto(path);
    await expect(bare.locator('main')).toContainText(text);
  }
  await expect(bare).toHaveTitle(/^Mentions légales — Portail/);
  // The notice for a browser without JavaScript (Chromium still hides <noscript> when a page's
  // scripts are turned off by Playwright rather than by its settings: its markup, then).
  expect(await bare.locator('noscript').innerHTML()).toContain('Ce service a besoin de JavaScript');
  await expect(bare.locator('footer').getByRole('link', { name: 'Plan du site' })).toHaveAttribute(
    'href',
    '/plan-du-site',
  );
  // Any other address is the app's: nothing of the home page before it has run.
  await bare.goto('/connexion');
  await expect(bare.locator('#app')).toBeEmpty();
  await noScript.close();

  // With it: the app takes the page over as it is (Vue says so when the markup differs from
  // what it renders), then a link changes page without reloading, the focus on the new title.
  const mismatches: string[] = [];
  page.on('console', (message) => {
    if (/hydration/i.test(message.text())) mismatches.push(`${page.url()}: ${message.text()}`);
  });
  for (const path of [
    '/',
    '/mentions-legales',
    '/donnees-personnelles',
    '/accessibilite',
    '/plan-du-site',
  ]) {
    await page.goto(path);
    await page.waitForLoadState('networkidle');
  }
  // A call's page, rendered once for every call: the app takes it over and shows the call,
  // asked for by the page before its code had come — one request, the page's (a link), which
  // the client's read then takes.
  await page.goto('/');
  const callPath = (await page.locator('.fr-card a').first().getAttribute('href')) ?? '';
  await page.goto(callPath);
  await expect(page.locator('main h1')).toContainText('NEC local');
  await page.waitForLoadState('networkidle');
  const callReads = await page.evaluate(() =>
    performance
      .getEntriesByType('resource')
      .filter((entry) => new URL(entry.name).pathname.startsWith('/api/campaigns/'))
      .map((entry) => (entry as PerformanceResourceTiming).initiatorType),
  );
  expect(callReads).toEqual(['link']);
  await visit(page, '/questions-frequentes', 'questions fréquentes rendues à la construction');
  expect(mismatches).toEqual([]);
  await page.evaluate(() => ((window as unknown as { marked: boolean }).marked = true));
  await page.locator('footer').getByRole('link', { name: 'Plan du site' }).click();
  await expect(page.locator('main h1')).toHaveText('Plan du site');
  await expect(page.locator('main h1')).toBeFocused();
  expect(await page.evaluate(() => (window as unknown as { marked?: boolean }).marked)).toBe(true);
});
