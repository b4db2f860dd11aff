import { test, expect } from '@playwright/test';
import { accounts, logIn } from './support/accounts';
import { waitForArticle } from './support/article';

test('[EDITOR][CORRECTIONS]: changing an approved verdict asks why, and the reason goes into the corrections log on the page and in reports', async ({ page, browser }) => {
  const stamp = Date.now();
  const text = 'The Ostmark tunnel is 14 kilometres long, the longest in the region.\nIt took nine years to dig.\n';
  const passage = 'The Ostmark tunnel is 14 kilometres long';
  await logIn(page, accounts.editor);
  const article = await page.request.post('/api/articles', { multipart: { title: `Ostmark tunnel ${stamp}`, outlet: 'Valley News', text } });
  expect(article.status(), await article.text()).toBe(201);
  const articleId = (await article.json()).article.id as string;

  // A reviewer rates it True; the editor approves.
  const reviewerContext = await browser.newContext();
  const reviewer = await reviewerContext.newPage();
  await logIn(reviewer, accounts.reviewer);
  const created = await reviewer.request.post(`/api/articles/${articleId}/annotations`, {
    data: { start: 0, end: passage.length, exact: passage, verdict: 'true', rationale: 'Matches the operator’s figures.', sources: [{ url: 'https://example.org/ostmark-tunnel' }], submit: true },
  });
  expect(created.status(), await created.text()).toBe(201);
  const annotationId = (await created.json()).annotation.id as string;
  await reviewerContext.close();
  expect((await page.request.post(`/api/annotations/${annotationId}/status`, { data: { version: 1, action: 'approve' } })).status()).toBe(200);

  // The editor corrects the approved verdict from the card.
  await page.goto(`/articles/${articleId}?annotation=${annotationId}`);
  await waitForArticle(page);
  const card = page.getByTestId('annotation-card');
  await expect(card).toBeVisible();
  await card.getByRole('button', { name: 'Edit' }).click();
  const form = page.getByRole('form', { name: 'Edit annotation' });
  await expect(form.getByLabel(/Why does the approved verdict change/)).toHaveCount(0);
  await form.getByRole('radio', { name: 'Mostly false', exact: true }).check();
  const reason = form.getByLabel(/Why does the approved verdict change/);
  await expect(reason).toBeVisible();
  await form.getByRole('button', { name: 'Save changes' }).click();
  await expect(form.locator('.correction-note .field-error')).toContainText('say why it changes');
  await expect(reason).toHaveAttribute('aria-invalid', 'true');
  await reason.fill('The operator’s survey puts it at 11.2 km; 14 km includes the access ramps.');
  await form.getByRole('button', { name: 'Save changes' }).click();

  const log = page.getByTestId('corrections-log');
  await expect(log).toBeVisible();
  await expect(log).toContainText('True → Mostly false');
  await expect(log).toContainText('11.2 km; 14 km includes the access ramps.');
  await expect(log).toContainText(accounts.editor.name);
  await expect(page.getByTestId('annotation-history')).toContainText('corrected the approved verdict');

  const report = await page.request.get(`/api/articles/${articleId}/export?format=md`);
  expect(report.status()).toBe(200);
  const markdown = await report.text();
  expect(markdown).toContain('## Corrections');
  expect(markdown).toContain('changed from True to Mostly false');
  expect(markdown).toContain('11.2 km; 14 km includes the access ramps.');
});

test('[EDITOR][CORRECTIONS]: each link of the corrections log opens its card, also from the same article with another card open', async ({ page, browser }) => {
  const stamp = Date.now();
  const passages = [`The Alder bridge ${stamp} is 300 metres long`, `The Birch dam ${stamp} holds 40 million litres`];
  const text = `${passages[0]}, says the council.\n${passages[1]}, says the utility.\n`;
  await logIn(page, accounts.editor);
  const article = await page.request.post('/api/articles', { multipart: { title: `Alder and Birch ${stamp}`, outlet: 'Valley News', text } });
  expect(article.status(), await article.text()).toBe(201);
  const articleId = (await article.json()).article.id as string;

  // A reviewer rates both True; the editor approves both, then corrects both.
  const reviewerContext = await browser.newContext();
  const reviewer = await reviewerContext.newPage();
  await logIn(reviewer, accounts.reviewer);
  const ids: string[] = [];
  for (const passage of passages) {
    const start = text.indexOf(passage);
    const created = await reviewer.request.post(`/api/articles/${articleId}/annotations`, {
      data: { start, end: start + passage.length, exact: passage, verdict: 'true', rationale: 'As published.', sources: [{ url: 'https://example.org/valley' }], submit: true },
    });
    expect(created.status(), await created.text()).toBe(201);
    ids.push((await created.json()).annotation.id as string);
  }
  await reviewerContext.close();
  for (const id of ids) {
    const approved = await page.request.post(`/api/annotations/${id}/status`, { data: { version: 1, action: 'approve' } });
    expect(approved.status(), await approved.text()).toBe(200);
    const { version } = (await approved.json()).annotation as { version: number };
    const corrected = await page.request.patch(`/api/annotations/${id}`, { data: { version, verdict: 'mostly-false', correctionNote: 'The survey says otherwise.' } });
    expect(corrected.status(), await corrected.text()).toBe(200);
  }

  // Opened on the first; the log's link to the second (this same page, another ?annotation) opens the second.
  await page.goto(`/articles/${articleId}?annotation=${ids[0]}`);
  await waitForArticle(page);
  const quote = page.getByTestId('annotation-card').locator('blockquote').first();
  await expect(quote).toHaveText(passages[0]!);
  await page.getByTestId('corrections-log').getByRole('link', { name: new RegExp(`Birch dam ${stamp}`) }).click();
  await expect(page).toHaveURL(new RegExp(`\\?annotation=${ids[1]}$`));
  await expect(quote).toHaveText(passages[1]!);
});
