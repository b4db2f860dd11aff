import { test, expect, type Browser } from '@playwright/test';
import { accounts, ensureExtraUser, logIn } from './support/accounts';
import { openSeedArticle } from './support/article';
import { withDb } from './support/database';
import { toast } from './support/toasts';

const seedSlug = 'kremlin-not-rejecting-us-peace-initiative';
const outerPassage = 'some things were accepted, some were marked as unacceptable';
const innerPassage = 'some were marked as unacceptable';
const source = { url: 'https://www.reuters.com/world/europe/kremlin-peace-plan', title: 'Kremlin on the US plan', publisher: 'Reuters' };

/** Signs `who` in and creates a submitted annotation through the API, as the browser would. */
async function annotateAs(browser: Browser, who: { email: string; password: string }, articleId: string, passage: string, verdict: string) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await logIn(page, who);
  const text: string = await withDb(async (db) => (await db.query(`SELECT text FROM "Article" WHERE id = $1`, [articleId])).rows[0].text);
  const start = text.indexOf(passage);
  expect(start).toBeGreaterThanOrEqual(0);
  const response = await page.request.post(`/api/articles/${articleId}/annotations`, {
    data: { start, end: start + passage.length, exact: passage, verdict, rationale: `Rated ${verdict}.`, sources: [source], submit: true },
  });
  expect(response.status()).toBe(201);
  const { annotation } = await response.json();
  // A reviewer has no review page and no link to it.
  await page.goto(`/articles/${articleId}`);
  await expect(page.getByTestId('article-text')).toBeVisible();
  await expect(page.getByRole('link', { name: 'Review', exact: true })).toHaveCount(0);
  expect((await page.goto(`/articles/${articleId}/review`))?.status()).toBe(403);
  await context.close();
  return annotation.id as string;
}

test('[EDITOR][REVIEW]: see two reviewers disagree side by side, the agreement figure, bulk-approve, rate the article', async ({ browser }) => {
  const ana = await ensureExtraUser('review-ana@factcheck.local', 'Ana Analyst', 'REVIEWER');
  const ben = await ensureExtraUser('review-ben@factcheck.local', 'Ben Checker', 'REVIEWER');
  const articleId: string = await withDb(async (db) => (await db.query(`SELECT id FROM "Article" WHERE slug = $1`, [seedSlug])).rows[0].id);
  const anaId = await annotateAs(browser, ana, articleId, outerPassage, 'false');
  const benId = await annotateAs(browser, ben, articleId, innerPassage, 'true');

  const context = await browser.newContext();
  const e = await context.newPage();
  await logIn(e, accounts.editor);
  await openSeedArticle(e);
  await e.getByRole('link', { name: 'Review', exact: true }).click();
  await expect(e).toHaveURL(new RegExp(`/articles/${articleId}/review$`));
  await expect(e.getByRole('heading', { level: 1 })).toHaveText(/^Review: Kremlin says Russia is not rejecting/);

  // The disagreement, side by side.
  const group = e.getByTestId('review-disagreement').filter({ hasText: outerPassage });
  await expect(group).toHaveCount(1);
  await expect(group.locator('blockquote').first()).toHaveText(outerPassage);
  await expect(group.getByRole('article', { name: 'Ana Analyst: False' })).toContainText('Rated false.');
  await expect(group.getByRole('article', { name: 'Ben Checker: True' })).toContainText(`“${innerPassage}”`);

  // The agreement figure, as the API computes it, with its one-line explanation.
  const review = await (await e.request.get(`/api/articles/${articleId}/review`)).json();
  expect(review.agreement.passages).toBeGreaterThanOrEqual(1);
  const figure = e.getByTestId('review-agreement');
  await expect(figure.getByTestId('review-alpha')).toHaveText(`α = ${review.agreement.alpha === null ? '—' : review.agreement.alpha.toFixed(2)}`);
  await expect(figure).toContainText(
    `Krippendorff’s α over ${review.agreement.passages} passage${review.agreement.passages === 1 ? '' : 's'} rated by two or more reviewers: 1 = full agreement, 0 = chance level`,
  );

  // Bulk approve the two.
  for (const id of [anaId, benId]) {
    const row = e.locator(`[data-testid="review-row"][data-annotation-id="${id}"]`);
    await expect(row.getByText('Submitted', { exact: true })).toBeVisible();
    await row.getByRole('checkbox').check();
  }
  await expect(e.getByText('2 selected')).toBeVisible();
  await e.getByRole('button', { name: 'Approve selected' }).click();
  await expect(toast(e, '2 annotations approved.')).toBeVisible();
  for (const id of [anaId, benId]) {
    await expect(e.locator(`[data-testid="review-row"][data-annotation-id="${id}"]`).getByText('Approved', { exact: true })).toBeVisible();
  }
  const statuses = await withDb(async (db) => (await db.query(`SELECT status FROM "Annotation" WHERE id = ANY($1)`, [[anaId, benId]])).rows);
  expect(statuses.map((r) => r.status)).toEqual(['APPROVED', 'APPROVED']);

  // Summary and overall rating, kept after a reload.
  const summary = 'The Kremlin’s “not rejecting” is hedged: reviewers split on what was accepted.';
  const form = e.getByRole('form', { name: 'Summary and rating' });
  await form.getByLabel('Overall rating').selectOption({ label: 'Mostly false' });
  await form.getByLabel('Summary', { exact: true }).fill(summary);
  await form.getByRole('button', { name: 'Save summary' }).click();
  await expect(form.getByText('Summary saved.')).toBeVisible();
  await e.reload();
  await expect(form.getByLabel('Overall rating')).toHaveValue('mostly-false');
  await expect(form.getByLabel('Summary', { exact: true })).toHaveValue(summary);
  const stored = await withDb(
    async (db) => (await db.query(`SELECT a.summary, v.key FROM "Article" a LEFT JOIN "Verdict" v ON v.id = a."summaryVerdictId" WHERE a.id = $1`, [articleId])).rows[0],
  );
  expect(stored).toEqual({ summary, key: 'mostly-false' });

  await context.close();
});
