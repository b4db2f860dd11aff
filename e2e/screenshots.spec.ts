import { test, expect, type Browser, type Page } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { accounts, logIn, ensureExtraUser } from './support/accounts';
import { waitForArticle } from './support/article';
import { withDb } from './support/database';

// The README's screenshots, taken from the real app at 1280×800. Annotations are made through the
// API and their timestamps pinned, so the pictures only change when the app does. `npm test` takes
// them into test-results/screenshots (its database holds every other test's articles by then);
// `UPDATE_SCREENSHOTS=1 scripts/e2e-dev.sh e2e/screenshots.spec.ts` runs it alone on a fresh
// database and writes the README's copies in docs/screenshots.

const dir = process.env.UPDATE_SCREENSHOTS ? 'docs/screenshots' : 'test-results/screenshots';
const viewport = { width: 1280, height: 800 };
const contextOptions = { viewport, locale: 'en-GB', timezoneId: 'UTC', colorScheme: 'light' as const, reducedMotion: 'reduce' as const };
const pinnedTime = '2025-12-04 09:30:00'; // UTC, as Prisma stores it

// Two overlapping passages (by two reviewers) and a third one further down.
const outer = 'it would be inaccurate to suggest the Russian leadership outright dismissed the American conditions';
const inner = 'outright dismissed the American conditions';
const third = 'His public rejection of any concessions is viewed as a major obstacle by international mediators';

test.use(contextOptions);

async function shoot(page: Page, name: string): Promise<void> {
  // Nothing moving: smooth scrolls done, fonts loaded, no caret.
  await page.evaluate(() => document.fonts.ready);
  await page.waitForTimeout(300);
  await page.screenshot({ path: `${dir}/${name}.png`, animations: 'disabled', caret: 'hide' });
}

async function seedArticle(): Promise<{ id: string; text: string }> {
  return withDb(async (db) => (await db.query(`SELECT id, text FROM "Article" WHERE slug = 'kremlin-not-rejecting-us-peace-initiative'`)).rows[0]);
}

/** One annotation through the API, as `who`, unless that passage already has one. */
async function annotate(browser: Browser, who: { email: string; password: string }, passage: string, body: Record<string, unknown>): Promise<void> {
  const article = await seedArticle();
  const exists = await withDb(async (db) => (await db.query(`SELECT 1 FROM "Annotation" WHERE "articleId" = $1 AND "quoteExact" = $2 AND "deletedAt" IS NULL`, [article.id, passage])).rowCount);
  if (exists) return;
  const context = await browser.newContext(contextOptions);
  const page = await context.newPage();
  await logIn(page, who);
  const start = article.text.indexOf(passage);
  expect(start, passage).toBeGreaterThanOrEqual(0);
  const response = await page.request.post(`/api/articles/${article.id}/annotations`, { data: { start, end: start + passage.length, exact: passage, submit: true, ...body } });
  expect(response.status(), await response.text()).toBe(201);
  await context.close();
}

/** The annotate page with its highlights drawn and the live document bound, scrolled to the top. */
async function openArticle(page: Page): Promise<void> {
  const { id } = await seedArticle();
  await page.goto(`/articles/${id}`);
  await waitForArticle(page);
  await expect(page.locator('.fc-hl-badge').first()).toBeVisible();
}

/** Opens the card of the annotation on `passage` the way a reader does: a click inside the overlap, then the choice. */
async function openCard(page: Page, passage: string, author: string): Promise<void> {
  const overlap = page.locator('.fc-hl .fc-hl').filter({ hasText: inner }).first();
  await overlap.click();
  await page.waitForTimeout(600);
  if (!(await page.getByRole('heading', { name: /annotations overlap here/ }).isVisible())) await overlap.click();
  await expect(page.getByRole('heading', { name: /annotations overlap here/ })).toBeVisible();
  await page.getByRole('button', { name: new RegExp(author) }).click();
  const card = page.getByTestId('annotation-card');
  await expect(card.locator('blockquote').first()).toHaveText(passage);
  await expect(page.getByTestId('annotation-history')).toBeVisible();
  // The card scrolls its highlight into view; put the page back at the top.
  await page.waitForTimeout(600);
  await page.evaluate(() => window.scrollTo({ top: 0, behavior: 'instant' }));
  await page.mouse.move(0, 0);
}

test('[SCREENSHOTS]: README screenshots of the real app', async ({ page, browser }) => {
  // Eight screens, three sign-ins: more than the default minute on a busy machine.
  test.setTimeout(180_000);
  mkdirSync(dir, { recursive: true });
  const reviewerB = await ensureExtraUser('reviewer-b@factcheck.local', 'Rafa Reviewer', 'REVIEWER');
  await annotate(browser, accounts.reviewer, outer, {
    verdict: 'misleading',
    rationale: 'Peskov says Moscow did **not** reject the plan outright, yet the Kremlin readout lists the key conditions as *unacceptable*.',
    sources: [{ url: 'https://example.org/kremlin-readout', title: 'Kremlin readout of the Witkoff meeting', publisher: 'Example Wire', accessedAt: '2025-12-04' }],
  });
  await annotate(browser, reviewerB, inner, {
    verdict: 'mostly-true',
    rationale: 'Russia has not formally dismissed the conditions, but has rejected two of them in public.',
    sources: [{ url: 'https://example.org/lavrov-briefing', title: 'Foreign ministry briefing', publisher: 'Example News', accessedAt: '2025-12-04' }],
  });
  await annotate(browser, reviewerB, third, { verdict: 'unverifiable', rationale: 'No mediator has said so on the record.' });
  // Pinned timestamps, so the cards do not show the day the tests ran.
  await withDb(async (db) => {
    const ids = (await db.query(`SELECT id FROM "Annotation" WHERE "quoteExact" = ANY($1)`, [[outer, inner, third]])).rows.map((r) => r.id);
    await db.query(`UPDATE "Annotation" SET "createdAt" = $2::timestamp, "statusChangedAt" = CASE WHEN "statusChangedAt" IS NULL THEN NULL ELSE $2::timestamp END WHERE id = ANY($1)`, [ids, pinnedTime]);
    await db.query(`UPDATE "AnnotationEvent" SET "createdAt" = $2::timestamp WHERE "annotationId" = ANY($1)`, [ids, pinnedTime]);
  });

  // 1. The login page.
  await page.goto('/login', { waitUntil: 'networkidle' });
  await expect(page.getByRole('heading', { name: 'Sign in to Factcheck desk' })).toBeVisible();
  await shoot(page, 'login');

  // 2. The articles list, as an editor.
  await logIn(page, accounts.editor);
  await expect(page.locator('.article-list').getByRole('link', { name: /Kremlin says Russia is not rejecting/ })).toBeVisible();
  await page.mouse.move(0, 0);
  await shoot(page, 'articles');

  // 3. The annotate page: two overlapping highlights, one card open (the editor may approve it).
  await openArticle(page);
  await openCard(page, outer, 'Rita Reviewer');
  await shoot(page, 'annotate');

  // 4. The same in the dark colour scheme.
  await page.emulateMedia({ colorScheme: 'dark' });
  await shoot(page, 'annotate-dark');
  await page.emulateMedia({ colorScheme: 'light' });

  // 5. The claim form, as a reviewer: a passage selected, a verdict, a rationale and a source.
  await page.context().clearCookies();
  await logIn(page, accounts.reviewer);
  await openArticle(page);
  await page.getByTestId('article-text').evaluate((root, wanted) => {
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const at = node.textContent!.indexOf(wanted);
      if (at < 0) continue;
      const range = document.createRange();
      range.setStart(node, at);
      range.setEnd(node, at + wanted.length);
      (root as HTMLElement).focus();
      window.getSelection()!.removeAllRanges();
      window.getSelection()!.addRange(range);
      return;
    }
    throw new Error(`not found: ${wanted}`);
  }, 'a search for compromise');
  await page.getByRole('button', { name: /Check claim/ }).click();
  const form = page.getByRole('form', { name: 'Check claim' });
  await form.getByRole('radio', { name: 'False', exact: true }).check();
  await form.getByLabel('Rationale').fill('The Kremlin readout mentions **no** documents; the US side spoke of a single framework text.');
  await form.getByRole('button', { name: '+ Add source' }).click();
  await form.getByLabel('URL').fill('https://example.org/kremlin-readout');
  await form.getByLabel('Title').fill('Kremlin readout of the Witkoff meeting');
  await form.getByLabel('Publisher').fill('Example Wire');
  await form.getByLabel('Date accessed').fill('2025-12-04');
  // The form from its top, nothing focused.
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await page.locator('.side-panel').evaluate((panel) => panel.scrollTo({ top: 0, behavior: 'instant' }));
  await page.evaluate(() => window.scrollTo({ top: 0, behavior: 'instant' }));
  await page.mouse.move(0, 0);
  await shoot(page, 'claim-form');
  await form.getByRole('button', { name: 'Cancel' }).click();

  // 6. User management, as an admin.
  await page.context().clearCookies();
  await logIn(page, accounts.admin);
  await page.goto('/admin/users');
  await expect(page.getByRole('heading', { name: 'Users', level: 1 })).toBeVisible();
  await expect(page.getByTestId('user-card').first()).toBeVisible();
  await page.mouse.move(0, 0);
  await shoot(page, 'admin-users');

  // 7. The editors' desk: progress, disagreements, every annotation in text order.
  const { id } = await seedArticle();
  await page.goto(`/articles/${id}/review`);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await page.mouse.move(0, 0);
  await shoot(page, 'review');

  // 8. Search across articles and annotations, matches marked.
  await page.goto('/search?q=conditions');
  await expect(page.locator('mark').first()).toBeVisible();
  await page.mouse.move(0, 0);
  await shoot(page, 'search');
});
