import { test, expect } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { accounts, logIn } from './support/accounts';
import { waitForArticle } from './support/article';
import { withDb } from './support/database';

// On a copy of the seed article (other specs rely on the seed's own annotations).
test('[REVIEWER][CLAIM_SUGGESTIONS]: suggested claims on the seed text appear with reasons, and one becomes an annotation in one click', async ({ page }) => {
  const text = readFileSync('prisma/seed-data/article.txt', 'utf8');
  const firstSentence = text.slice(text.indexOf('While acknowledging'), text.indexOf('related to the proposal.') + 'related to the proposal.'.length);
  await logIn(page, accounts.editor);
  const created = await page.request.post('/api/articles', { multipart: { title: `Suggestions ${Date.now()}`, outlet: 'Newswire', text } });
  expect(created.status(), await created.text()).toBe(201);
  const articleId = (await created.json()).article.id as string;

  await page.context().clearCookies();
  await logIn(page, accounts.reviewer);
  await page.goto(`/articles/${articleId}`);
  await waitForArticle(page);
  await page.getByRole('button', { name: 'Suggest claims' }).click();
  const suggestions = page.getByTestId('claim-suggestion');
  await expect(suggestions.first()).toBeVisible();
  expect(await suggestions.count()).toBeGreaterThanOrEqual(5);
  await expect(suggestions.first().locator('blockquote')).toHaveText(firstSentence);
  await expect(suggestions.first()).toContainText('Why: A figure (“four documents”); a direct quotation');
  await expect(suggestions.nth(2)).toContainText('“has stated”');

  // One click to the claim form, with that sentence as the passage.
  await suggestions.first().getByRole('button', { name: 'Check this claim' }).click();
  const form = page.getByRole('form', { name: 'Check claim' });
  await expect(form.locator('blockquote').first()).toHaveText(firstSentence);
  await form.getByRole('radio', { name: 'Opinion' }).check();
  await form.getByRole('button', { name: 'Submit' }).click();
  await expect(page.getByTestId('annotation-card')).toBeVisible();
  const stored = await withDb(async (db) => (await db.query(`SELECT "quoteExact", "positionStart" FROM "Annotation" WHERE "articleId" = $1`, [articleId])).rows);
  expect(stored).toEqual([{ quoteExact: firstSentence, positionStart: text.indexOf(firstSentence) }]);
  await expect(page.locator('.fc-hl-badge')).toHaveCount(1);

  // Asked again, the suggestions say which sentence has been checked.
  await page.keyboard.press('Escape');
  await page.getByRole('button', { name: 'Suggest claims' }).click();
  await expect(suggestions.first()).toContainText('Already checked');
  await expect(suggestions.nth(1)).not.toContainText('Already checked');
});
