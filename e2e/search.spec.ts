import { test, expect } from '@playwright/test';
import { accounts, logIn } from './support/accounts';
import { waitForArticle } from './support/article';

test('[REVIEWER][SEARCH]: finds an article and an annotation with the matches marked, and opens the annotation on its article', async ({ page }) => {
  const stamp = Date.now();
  const title = `Tidal plant ${stamp}`;
  const text = 'The Brennick tidal plant powers 60,000 homes, its owner claims.\nCritics say the figure counts peak output only.\n';
  const passage = 'The Brennick tidal plant powers 60,000 homes';
  await logIn(page, accounts.editor);
  const created = await page.request.post('/api/articles', { multipart: { title, outlet: 'Coast Times', text } });
  expect(created.status(), await created.text()).toBe(201);
  const articleId = (await created.json()).article.id as string;
  const annotation = await page.request.post(`/api/articles/${articleId}/annotations`, {
    data: { start: 0, end: passage.length, exact: passage, verdict: 'misleading', rationale: 'Average output covers about 21,000 households.', sources: [{ url: 'https://example.org/brennick-output' }], submit: true },
  });
  expect(annotation.status(), await annotation.text()).toBe(201);
  const annotationId = (await annotation.json()).annotation.id as string;

  await page.context().clearCookies();
  await logIn(page, accounts.reviewer);
  await page.getByRole('link', { name: 'Search', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Search', level: 1 })).toBeVisible();
  await page.getByLabel('Search articles and annotations').fill('household Brennick');
  await page.getByLabel('Search articles and annotations').press('Enter');
  await expect(page).toHaveURL(/\/search\?q=household\+Brennick/);

  // "household" is only in the rationale: the annotation is found, the article is not (it lacks that word).
  const hits = page.getByTestId('annotation-hit');
  await expect(hits).toHaveCount(1);
  await expect(hits.locator('mark')).toHaveText(['Brennick', 'households']);
  await expect(hits).toContainText('Misleading');
  await expect(page.getByTestId('article-hit')).toHaveCount(0);

  await page.getByLabel('Search articles and annotations').fill('Brennick');
  await page.getByLabel('Search articles and annotations').press('Enter');
  const articleHit = page.getByTestId('article-hit');
  await expect(articleHit).toHaveCount(1);
  await expect(articleHit.getByRole('link', { name: title })).toBeVisible();
  await expect(articleHit.locator('p mark').first()).toHaveText('Brennick');

  // The annotation's passage links to its card on the article.
  await page.getByTestId('annotation-hit').getByRole('link').click();
  await expect(page).toHaveURL(new RegExp(`/articles/${articleId}\\?annotation=${annotationId}$`));
  await waitForArticle(page);
  const card = page.getByTestId('annotation-card');
  await expect(card).toBeVisible();
  await expect(card.locator('blockquote').first()).toHaveText(passage);

  // Nothing found says so.
  await page.goto('/search?q=zzqqxxnothing');
  await expect(page.getByText('Nothing matches “zzqqxxnothing”')).toBeVisible();
});
