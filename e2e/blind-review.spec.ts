import { test, expect } from '@playwright/test';
import { accounts, ensureExtraUser, logIn } from './support/accounts';
import { selectPassage, waitForArticle } from './support/article';

test('[EDITOR][BLIND_REVIEW]: in blind mode a second reviewer cannot see the first one’s verdict (UI and API) until they submit their own', async ({ page, browser }) => {
  const stamp = Date.now();
  const text = 'The Pellworth lighthouse is 62 metres tall, the tallest on the coast.\nIt was automated in 1990.\n';
  const claim = 'The Pellworth lighthouse is 62 metres tall';
  const overlapping = 'lighthouse is 62 metres tall, the tallest on the coast';

  // The editor files the article and switches it to blind review on its review page.
  await logIn(page, accounts.editor);
  const created = await page.request.post('/api/articles', { multipart: { title: `Pellworth lighthouse ${stamp}`, outlet: 'Coast Times', text } });
  const articleId = (await created.json()).article.id as string;
  await page.goto(`/articles/${articleId}/review`);
  await page.getByLabel('Blind double review').check();
  await expect(page.getByText('Blind review is on.')).toBeVisible();

  // Reviewer A checks the claim.
  const aContext = await browser.newContext();
  const a = await aContext.newPage();
  await logIn(a, accounts.reviewer);
  const first = await a.request.post(`/api/articles/${articleId}/annotations`, {
    data: { start: 0, end: claim.length, exact: claim, verdict: 'mostly-true', rationale: 'The harbour authority lists 61.8 m.', sources: [{ url: 'https://example.org/pellworth' }], submit: true },
  });
  const firstId = (await first.json()).annotation.id as string;
  await aContext.close();

  // The editor asks reviewer B about it in a comment on A's annotation.
  const b = await ensureExtraUser(`blind-b-${stamp}@factcheck.local`, `Bea Blind ${stamp}`, 'REVIEWER');
  const mention = await page.request.post(`/api/annotations/${firstId}/comments`, { data: { body: `@${b.name} A found 61.8 m; can you check the survey?` } });
  expect(mention.status(), await mention.text()).toBe(201);

  // Reviewer B sees that the passage was checked, not how: nor does the mention's notification say.
  const bContext = await browser.newContext();
  const reviewer = await bContext.newPage();
  await logIn(reviewer, b);
  await reviewer.goto(`/articles/${articleId}?annotation=${firstId}`);
  await waitForArticle(reviewer);
  await expect(reviewer.getByTestId('blind-review-banner')).toBeVisible();
  const card = reviewer.getByTestId('annotation-card');
  await expect(card.getByTestId('blind-notice')).toBeVisible();
  await expect(card).toContainText('Verdict hidden (blind review)');
  await expect(reviewer.locator('main')).not.toContainText('Mostly true');
  await expect(reviewer.locator('main')).not.toContainText('61.8');
  expect((await reviewer.request.get(`/api/annotations/${firstId}`)).status()).toBe(403);
  const listed = await (await reviewer.request.get(`/api/articles/${articleId}/annotations`)).json();
  expect(listed.annotations[0]).toMatchObject({ blind: true, verdict: null, rationale: '' });
  await reviewer.getByTestId('notification-bell').click();
  const notice = reviewer.getByTestId('notification').first();
  await expect(notice).toContainText(`${accounts.editor.name} mentioned you in a comment`);
  await expect(notice.getByTestId('notification-blind')).toBeVisible();
  await expect(notice).not.toContainText('61.8');
  await reviewer.screenshot({ path: test.info().outputPath('blind-notification.png') });
  await reviewer.goto(`/articles/${articleId}?annotation=${firstId}`);
  await waitForArticle(reviewer);

  // B submits their own check of an overlapping passage: A's verdict shows.
  await reviewer.keyboard.press('Escape');
  await selectPassage(reviewer, overlapping);
  await reviewer.getByRole('button', { name: /Check claim/ }).click();
  const form = reviewer.getByRole('form', { name: 'Check claim' });
  await form.getByRole('radio', { name: 'Half true', exact: true }).check();
  await form.getByRole('button', { name: '+ Add source' }).click();
  await form.getByLabel('URL').fill('https://example.org/coast-survey');
  await form.getByRole('button', { name: 'Submit' }).click();
  await expect(reviewer.getByTestId('annotation-card')).toBeVisible();
  await reviewer.reload();
  await waitForArticle(reviewer);
  await expect(reviewer.locator('.side-panel')).toContainText('Mostly true');
  expect((await reviewer.request.get(`/api/annotations/${firstId}`)).status()).toBe(200);
  await bContext.close();

  // The editor sees both verdicts side by side to decide.
  await page.goto(`/articles/${articleId}/review`);
  await expect(page.locator('main')).toContainText('Mostly true');
  await expect(page.locator('main')).toContainText('Half true');
});
