import { test, expect } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import pg from 'pg';
import { accounts, logIn } from './support/accounts';
import { waitForArticle } from './support/article';
import { withDb } from './support/database';
import { toast } from './support/toasts';

// The shared pieces of components/ui/ (Radix Primitives styled with our tokens) as a user meets
// them: a loading skeleton, toasts, the confirm dialog and the export popover.

test('[EDITOR][LOADING]: a slow page shows its skeleton, busy and named, still under reduced motion, then the page', async ({ page }) => {
  await logIn(page, accounts.editor);
  // A slow database: the search cannot read the articles until the lock is released.
  const locker = new pg.Client({ connectionString: process.env.E2E_DATABASE_URL });
  await locker.connect();
  try {
    await locker.query('BEGIN');
    await locker.query('LOCK TABLE "Article" IN ACCESS EXCLUSIVE MODE');
    await page.goto('/search?q=peace', { waitUntil: 'commit' });
    const skeleton = page.getByRole('status', { name: 'Loading the search results…' });
    await expect(skeleton).toBeVisible();
    await expect(skeleton).toHaveAttribute('aria-busy', 'true');
    const animation = () => page.locator('.skeleton').first().evaluate((element) => getComputedStyle(element).animationName);
    expect(await animation()).toBe('fc-pulse');
    await page.emulateMedia({ reducedMotion: 'reduce' });
    expect(await animation()).toBe('none');
    for (const colorScheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme });
      const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
      const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
      expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`), `skeleton (${colorScheme})`).toEqual([]);
    }
  } finally {
    await locker.query('ROLLBACK').catch(() => {});
    await locker.end();
  }
  await expect(page.getByRole('heading', { name: 'Search', level: 1 })).toBeVisible();
  await expect(page.getByTestId('page-skeleton')).toHaveCount(0);
});

test('[EDITOR][TOASTS]: errors stay until dismissed and show once, confirmations go by themselves, bottom left', async ({ page, browser }) => {
  await page.clock.install();
  const stamp = Date.now();
  const passage = 'The harbour handled 4 million containers last year';
  const editorContext = await browser.newContext();
  await logIn(await editorContext.newPage(), accounts.editor);
  const created = await editorContext.request.post('/api/articles', { multipart: { title: `Harbour ${stamp}`, outlet: 'Port Gazette', text: `${passage}, a record.\n` } });
  const articleId = (await created.json()).article.id as string;
  await editorContext.close();
  const reviewerContext = await browser.newContext();
  await logIn(await reviewerContext.newPage(), accounts.reviewer);
  const annotation = await reviewerContext.request.post(`/api/articles/${articleId}/annotations`, {
    data: { start: 0, end: passage.length, exact: passage, verdict: 'opinion', rationale: 'A characterisation.', sources: [], submit: true },
  });
  expect(annotation.status()).toBe(201);
  await reviewerContext.close();

  await logIn(page, accounts.editor);
  await page.goto(`/articles/${articleId}/review`);
  const approve = page.getByRole('button', { name: 'Approve annotation 1' });
  const refusal = 'Someone changed this annotation since you loaded it.';
  let refused = 0;
  await page.route('**/api/annotations/*/status', (route) => {
    refused++;
    return route.fulfill({ status: 409, contentType: 'application/json', body: JSON.stringify({ error: 'CONFLICT', message: refusal }) });
  });
  await approve.click();
  await expect(toast(page, refusal)).toBeVisible();
  // The same error again shows once.
  await approve.click();
  await expect.poll(() => refused).toBe(2);
  await expect(approve).toBeEnabled();
  const toasts = page.getByRole('region', { name: /^Messages/ }).getByRole('listitem');
  await expect(toasts).toHaveCount(1);

  await page.unroute('**/api/annotations/*/status');
  await approve.click();
  await expect(toast(page, 'Annotation 1 approved.')).toBeVisible();
  await expect(toasts).toHaveCount(2);
  // Bottom left, clear of the side panels' buttons on the right.
  const box = (await toast(page, refusal).boundingBox())!;
  const viewport = page.viewportSize()!;
  expect(box.x).toBeLessThan(viewport.width / 2);
  expect(box.y).toBeGreaterThan(viewport.height / 2);

  await page.clock.fastForward(60_000);
  await expect(toast(page, 'Annotation 1 approved.')).toBeHidden();
  await expect(toast(page, refusal)).toBeVisible();
  await toasts.filter({ hasText: refusal }).getByRole('button', { name: 'Dismiss' }).click();
  await expect(toasts).toHaveCount(0);
});

test('[EDITOR][CONFIRM]: revoking an API token asks first, in a dialog that Escape cancels', async ({ page }) => {
  const name = `Dialog token ${Date.now()}`;
  await logIn(page, accounts.editor);
  await page.goto('/account');
  await page.getByLabel('Token name').fill(name);
  await page.getByRole('button', { name: 'Create token' }).click();
  await expect(page.getByTestId('new-token')).toBeVisible();
  const row = page.getByRole('row').filter({ hasText: name });
  const revoke = row.getByRole('button', { name: `Revoke ${name}` });
  const revokedAt = () => withDb(async (db) => (await db.query(`SELECT "revokedAt" FROM "ApiToken" WHERE name = $1`, [name])).rows[0].revokedAt as Date | null);

  await revoke.click();
  const dialog = page.getByRole('alertdialog', { name: `Revoke the token “${name}”?` });
  await expect(dialog).toContainText('Anything using it stops working at once.');
  await expect(dialog.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(revoke).toBeFocused();
  await expect(row).toContainText('Active');
  expect(await revokedAt()).toBeNull();

  await revoke.click();
  await dialog.getByRole('button', { name: 'Revoke' }).click();
  await expect(dialog).toBeHidden();
  await expect(row).toContainText('Revoked');
  expect(await revokedAt()).not.toBeNull();
});

test('[REVIEWER][CONFIRM]: deleting an annotation asks first; Cancel keeps it, Delete removes it', async ({ page }) => {
  const stamp = Date.now();
  const passage = `The Brannock ferry carries ${stamp % 1000} cars a day`;
  await logIn(page, accounts.editor);
  const filed = await page.request.post('/api/articles', { multipart: { title: `Ferry ${stamp}`, outlet: 'Coast News', text: `${passage}, the operator says.\n` } });
  expect(filed.status(), await filed.text()).toBe(201);
  const article = ((await filed.json()).article as { id: string }).id;
  await page.context().clearCookies();
  await logIn(page, accounts.reviewer);
  const created = await page.request.post(`/api/articles/${article}/annotations`, { data: { start: 0, end: passage.length, exact: passage, rationale: 'To check.' } });
  expect(created.status(), await created.text()).toBe(201);
  const id = ((await created.json()).annotation as { id: string }).id;
  const deletedAt = () => withDb(async (db) => (await db.query(`SELECT "deletedAt" FROM "Annotation" WHERE id = $1`, [id])).rows[0].deletedAt as Date | null);

  await page.goto(`/articles/${article}?annotation=${id}`);
  const card = page.getByTestId('annotation-card');
  await expect(card.getByText('To check.')).toBeVisible();
  await card.getByRole('button', { name: 'Delete' }).click();
  const dialog = page.getByRole('alertdialog', { name: 'Delete this annotation?' });
  await expect(dialog.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toBeHidden();
  expect(await deletedAt()).toBeNull();

  await card.getByRole('button', { name: 'Delete' }).click();
  await dialog.getByRole('button', { name: 'Delete' }).click();
  await expect(dialog).toBeHidden();
  await expect.poll(deletedAt).not.toBeNull();
  await expect(page.locator(`.fc-hl[data-annotation-id="${id}"]`)).toHaveCount(0);
});

test('[EDITOR][POPOVER]: the export popover opens from its button, takes the focus, and Escape or a click outside closes it', async ({ page }) => {
  const articleId = await withDb(async (db) => (await db.query(`SELECT id FROM "Article" WHERE slug = 'kremlin-not-rejecting-us-peace-initiative'`)).rows[0].id as string);
  await logIn(page, accounts.editor);
  await page.goto(`/articles/${articleId}`);
  await page.locator('html[data-hydrated="true"]').waitFor({ state: 'attached' });
  const trigger = page.getByRole('button', { name: 'Export report' });
  const panel = page.getByRole('group', { name: 'Export report' });
  await trigger.focus();
  await page.keyboard.press('Enter');
  await expect(panel).toBeVisible();
  await expect(trigger).toHaveAttribute('aria-expanded', 'true');
  await expect(panel.getByLabel('Format')).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(panel).toBeHidden();
  await expect(trigger).toBeFocused();
  await expect(trigger).toHaveAttribute('aria-expanded', 'false');

  await trigger.click();
  await expect(panel).toBeVisible();
  await page.getByRole('heading', { level: 1 }).click();
  await expect(panel).toBeHidden();
});

test('[ADMIN][RESPONSIVE]: at 1024 px every signed-in page fits the window and the header stays on one line', async ({ page }) => {
  test.setTimeout(120_000);
  const articleId = await withDb(async (db) => (await db.query(`SELECT id FROM "Article" WHERE slug = 'kremlin-not-rejecting-us-peace-initiative'`)).rows[0].id as string);
  await page.setViewportSize({ width: 1024, height: 768 });
  await logIn(page, accounts.admin);
  for (const path of ['/articles', '/articles/new', `/articles/${articleId}`, `/articles/${articleId}/review`, `/articles/${articleId}/revisions`, '/search?q=peace', '/notifications', '/account', '/admin/users', '/admin/audit', '/admin/verdicts', '/api-docs']) {
    await page.goto(path);
    const layout = await page.evaluate(() => ({
      overflow: document.documentElement.scrollWidth - document.documentElement.clientWidth,
      navRows: new Set([...document.querySelectorAll('.app-header nav a')].map((a) => (a as HTMLElement).offsetTop)).size,
    }));
    expect(layout, path).toEqual({ overflow: 0, navRows: 1 });
  }
  // The annotate screen keeps the article and its side panel next to each other, both in the window.
  await page.goto(`/articles/${articleId}`);
  await waitForArticle(page);
  const article = await page.getByTestId('article-text').boundingBox();
  const panel = await page.locator('.side-panel').boundingBox();
  expect(article && panel).toBeTruthy();
  expect(panel!.x).toBeGreaterThanOrEqual(article!.x + article!.width);
  expect(panel!.x + panel!.width).toBeLessThanOrEqual(1024);
});
