import { test, expect, type APIRequestContext, type Browser, type BrowserContext } from '@playwright/test';
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { pageAccess, publicPages } from '../lib/auth/page-access';
import { permissions, type Action } from '../lib/auth/permissions';
import { accounts, ensureExtraUser, logIn } from './support/accounts';
import { withDb } from './support/database';

// The pages' half of the authorization proof (the API's half is tests/integration/authorization):
// every page file of app/ is either in the pages' permissions list or public with a reason, and
// every listed page is requested, over HTTP from the real app, by each kind of visitor.

/** `app/(app)/articles/[id]/page.tsx` → `/articles/[id]` (route groups are not in the URL). */
function pageRoutes(dir = 'app'): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return name === 'api' && dir === 'app' ? [] : pageRoutes(full);
    if (name !== 'page.tsx') return [];
    const route = path
      .dirname(full)
      .split(path.sep)
      .slice(1)
      .filter((segment) => !/^\(.*\)$/.test(segment))
      .join('/');
    return [`/${route}`];
  });
}

type Persona = 'anonymous' | 'deactivated' | 'must-change-password' | 'REVIEWER' | 'EDITOR' | 'ADMIN';

const openContexts: BrowserContext[] = [];

async function signedIn(browser: Browser, who: { email: string; password: string }): Promise<APIRequestContext> {
  const context = await browser.newContext();
  openContexts.push(context);
  await logIn(await context.newPage(), who);
  return context.request;
}

test.afterAll(async () => {
  await Promise.all(openContexts.map((context) => context.close()));
});

async function seedArticleId(): Promise<string> {
  return withDb(async (db) => (await db.query(`SELECT id FROM "Article" WHERE slug = 'kremlin-not-rejecting-us-peace-initiative'`)).rows[0].id);
}

test('[PAGES][AUTHZ]: every page file is in the pages permissions list or public with a reason', () => {
  const routes = pageRoutes();
  expect(routes.length).toBeGreaterThan(10);
  const unlisted = routes.filter((route) => !(route in pageAccess) && !(route in publicPages));
  expect(unlisted, 'add these pages to lib/auth/page-access.ts (and call requirePage in them)').toEqual([]);
  const gone = [...Object.keys(pageAccess), ...Object.keys(publicPages)].filter((route) => !routes.includes(route));
  expect(gone, 'these listed pages no longer exist').toEqual([]);
});

test('[PAGES][AUTHZ]: anonymous and deactivated visitors go to the login page, refused roles get 403, allowed roles the page', async ({ browser, playwright }) => {
  test.setTimeout(120_000);
  const articleId = await seedArticleId();
  const stamp = Date.now();
  const deactivated = await ensureExtraUser(`pages-deactivated-${stamp}@factcheck.local`, 'Pat Pages-Deactivated', 'EDITOR');
  const mustChange = await ensureExtraUser(`pages-must-change-${stamp}@factcheck.local`, 'Max Must-Change', 'EDITOR');

  const visitors: Record<Persona, APIRequestContext> = {
    anonymous: await playwright.request.newContext({ baseURL: test.info().project.use.baseURL }),
    deactivated: await signedIn(browser, deactivated),
    'must-change-password': await signedIn(browser, mustChange),
    REVIEWER: await signedIn(browser, accounts.reviewer),
    EDITOR: await signedIn(browser, accounts.editor),
    ADMIN: await signedIn(browser, accounts.admin),
  };
  // Their sessions were issued while they were fine; what changed since is only in the database.
  await withDb((db) => db.query(`UPDATE "User" SET active = false WHERE email = $1`, [deactivated.email]));
  await withDb((db) => db.query(`UPDATE "User" SET "mustChangePassword" = true WHERE email = $1`, [mustChange.email]));

  const failures: string[] = [];
  for (const [route, action] of Object.entries(pageAccess) as [string, Action][]) {
    const url = route.replace('[id]', articleId);
    for (const [persona, request] of Object.entries(visitors) as [Persona, APIRequestContext][]) {
      const response = await request.get(url, { maxRedirects: 0 });
      const status = response.status();
      const location = response.headers()['location'] ?? '';
      let expected: string;
      let ok: boolean;
      if (persona === 'anonymous' || persona === 'deactivated') {
        expected = 'a redirect to /login';
        ok = status >= 300 && status < 400 && /\/login/.test(location);
      } else if (persona === 'must-change-password') {
        expected = route === '/account/password' ? '200' : 'a redirect to /account/password';
        ok = route === '/account/password' ? status === 200 : status >= 300 && status < 400 && /\/account\/password/.test(location);
      } else if ((permissions[action] as readonly string[]).includes(persona)) {
        expected = '200';
        ok = status === 200;
      } else {
        expected = '403';
        ok = status === 403;
      }
      if (!ok) failures.push(`${persona} GET ${route} (${action}): expected ${expected}, got ${status}${location ? ` → ${location}` : ''}`);
    }
  }
  expect(failures).toEqual([]);

  // The public pages answer without a session.
  expect((await visitors.anonymous.get('/login')).status()).toBe(200);
  expect((await visitors.anonymous.get('/invite/not-a-real-token')).status()).toBe(200);
  const home = await visitors.anonymous.get('/', { maxRedirects: 0 });
  expect(home.headers()['location']).toMatch(/\/articles$/);
  await visitors.anonymous.dispose();
});

test('[REVIEWER][AUTHZ]: a page the role may not open says so, with a way back', async ({ page }) => {
  await logIn(page, accounts.reviewer);
  const response = await page.goto('/admin/users');
  expect(response?.status()).toBe(403);
  await expect(page.getByRole('heading', { name: 'Not allowed' })).toBeVisible();
  await page.getByRole('link', { name: 'Back to the articles' }).click();
  await expect(page).toHaveURL(/\/articles$/);
});
