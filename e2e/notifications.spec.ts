import { test, expect } from '@playwright/test';
import { accounts, logIn } from './support/accounts';
import { waitForArticle } from './support/article';

test('[REVIEWER][NOTIFICATIONS]: an @mention in a comment, picked from the autocomplete, reaches the mentioned editor live; they open it and mark it read', async ({ page, browser }) => {
  const stamp = Date.now();
  const text = 'The Carrow bypass cut journey times by 40 percent.\nTraffic rose afterwards.\n';
  const passage = 'The Carrow bypass cut journey times by 40 percent';

  // The editor files an article and sits on the articles page: no unread notification.
  await logIn(page, accounts.editor);
  const created = await page.request.post('/api/articles', { multipart: { title: `Carrow bypass ${stamp}`, outlet: 'County Post', text } });
  expect(created.status(), await created.text()).toBe(201);
  const articleId = (await created.json()).article.id as string;
  await page.request.post('/api/notifications/read', { data: { all: true } });
  await page.goto('/articles');
  const bell = page.getByTestId('notification-bell');
  await expect(bell).toHaveAttribute('aria-label', 'Notifications, none unread');

  // A reviewer annotates the claim and mentions the editor in a comment, through the autocomplete.
  const reviewerContext = await browser.newContext();
  const reviewer = await reviewerContext.newPage();
  await logIn(reviewer, accounts.reviewer);
  const annotation = await reviewer.request.post(`/api/articles/${articleId}/annotations`, {
    data: { start: 0, end: passage.length, exact: passage, verdict: 'unverifiable', rationale: 'No before/after survey published.', submit: true },
  });
  expect(annotation.status()).toBe(201);
  const annotationId = (await annotation.json()).annotation.id as string;
  await reviewer.goto(`/articles/${articleId}?annotation=${annotationId}`);
  await waitForArticle(reviewer);
  const comment = reviewer.getByLabel('Add a comment');
  await comment.click();
  await comment.pressSequentially('Could you ask the council? @Edd');
  const options = reviewer.getByRole('listbox', { name: 'People to mention' });
  await expect(options.getByRole('option', { name: accounts.editor.name })).toBeVisible();
  await comment.press('Enter');
  await expect(comment).toHaveValue(`Could you ask the council? @${accounts.editor.name} `);
  await comment.pressSequentially('thanks');
  await reviewer.getByRole('button', { name: 'Comment', exact: true }).click();
  await expect(reviewer.getByTestId('annotation-card')).toContainText(`@${accounts.editor.name} thanks`);

  // The editor's bell counts it without a reload.
  await expect(bell).toHaveAttribute('aria-label', 'Notifications, 1 unread', { timeout: 15_000 });
  await expect(bell).toContainText('1');
  await bell.click();
  const item = page.getByTestId('notification').first();
  await expect(item).toContainText(`${accounts.reviewer.name} mentioned you in a comment in “Carrow bypass ${stamp}”`);
  await expect(item).toHaveClass(/unread/);
  await item.getByRole('link').click();
  await expect(page).toHaveURL(new RegExp(`/articles/${articleId}\\?annotation=${annotationId}$`));
  await expect(page.getByTestId('annotation-card')).toBeVisible();
  await expect(bell).toHaveAttribute('aria-label', 'Notifications, none unread');
  await reviewerContext.close();
});
