import { test, expect } from '@playwright/test';
import { accounts, logIn } from './support/accounts';
import { selectPassage, waitForArticle } from './support/article';
import { withDb } from './support/database';

// Claim matching: a claim checked in one article is offered, with its verdict and sources, when a
// reviewer checks a similar claim in another article; they dismiss it or reuse it in one click.
test('[REVIEWER][CLAIM_MATCHING]: a similar claim checked in another article is offered with its verdict, and reused', async ({ page, browser }) => {
  const stamp = Date.now();
  const earlierClaim = 'The port of Elsinore handled 12 million containers in 2025, a national record';
  const newClaim = 'Elsinore port handled a record 12 million containers';
  const source = { url: `https://stats.example.org/elsinore-port-${stamp}`, title: 'Port authority annual report', publisher: 'Elsinore Port Authority' };

  // An editor files two articles; the first one's claim is checked (False, with a source).
  await logIn(page, accounts.editor);
  const article = async (title: string, text: string) => {
    const response = await page.request.post('/api/articles', { multipart: { title, outlet: 'Harbour Gazette', text } });
    expect(response.status(), await response.text()).toBe(201);
    return { id: ((await response.json()).article as { id: string }).id, text };
  };
  const earlier = await article(`Port figures ${stamp}`, `${earlierClaim}, the minister said.\nOther ports grew more slowly.\n`);
  const later = await article(`Harbour boom ${stamp}`, `Officials say ${newClaim} last year.\nThe opposition disputes it.\n`);
  const start = earlier.text.indexOf(earlierClaim);
  const created = await page.request.post(`/api/articles/${earlier.id}/annotations`, {
    data: { start, end: start + earlierClaim.length, exact: earlierClaim, verdict: 'false', rationale: 'The port authority counts 9.4 million.', sources: [source], submit: true },
  });
  expect(created.status(), await created.text()).toBe(201);

  // A reviewer checks the similar claim in the second article.
  const reviewerContext = await browser.newContext();
  const reviewer = await reviewerContext.newPage();
  await logIn(reviewer, accounts.reviewer);
  await reviewer.goto(`/articles/${later.id}`);
  await waitForArticle(reviewer);
  await selectPassage(reviewer, newClaim);
  await reviewer.getByRole('button', { name: /Check claim/ }).click();
  const form = reviewer.getByRole('form', { name: 'Check claim' });
  const offered = form.getByTestId('similar-claims');
  await expect(offered).toBeVisible();
  await expect(offered).toContainText('False');
  await expect(offered).toContainText(earlierClaim);
  await expect(offered.getByRole('link', { name: `Port figures ${stamp}` })).toHaveAttribute('href', `/articles/${earlier.id}`);

  // Dismissed, it goes away for this form only.
  await offered.getByRole('button', { name: /^Dismiss/ }).click();
  await expect(offered).toHaveCount(0);
  await form.getByRole('button', { name: 'Cancel' }).click();
  await selectPassage(reviewer, newClaim);
  await reviewer.getByRole('button', { name: /Check claim/ }).click();
  await expect(form.getByTestId('similar-claims')).toBeVisible();

  // Reused: verdict, rationale and source come into the form, and the annotation is saved with them.
  await form.getByTestId('similar-claims').getByRole('button', { name: /^Reuse/ }).click();
  await expect(form.getByRole('radio', { name: 'False', exact: true })).toBeChecked();
  await expect(form.getByLabel('Rationale')).toHaveValue(`As checked in “Port figures ${stamp}”: The port authority counts 9.4 million.`);
  await expect(form.getByLabel('URL')).toHaveValue(source.url);
  await form.getByRole('button', { name: 'Submit' }).click();
  await expect(reviewer.getByTestId('annotation-card')).toBeVisible();
  const stored = await withDb(async (db) =>
    (
      await db.query(
        `SELECT v.key, a.status, s.url FROM "Annotation" a JOIN "Verdict" v ON v.id = a."verdictId" JOIN "Source" s ON s."annotationId" = a.id WHERE a."articleId" = $1`,
        [later.id],
      )
    ).rows,
  );
  expect(stored).toEqual([{ key: 'false', status: 'SUBMITTED', url: source.url }]);
  await reviewerContext.close();
});
