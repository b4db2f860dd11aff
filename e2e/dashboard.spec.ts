import { test, expect } from '@playwright/test';
import { accounts, ensureExtraUser, logIn } from './support/accounts';
import { withDb } from './support/database';

test('[REVIEWER][DASHBOARD]: the desk shows my assigned article with its progress, what an editor did to my annotation, and the verdict mix chart', async ({ page, browser }) => {
  const stamp = Date.now();
  // A reviewer of their own, so that other specs' assignments and activity do not mix in.
  const me = await ensureExtraUser(`desk-${stamp}@factcheck.local`, `Dana Desk ${stamp}`, 'REVIEWER');
  const myId = await withDb(async (db) => (await db.query(`SELECT id FROM "User" WHERE email = $1`, [me.email])).rows[0].id as string);
  const text = 'The Lindqvist museum drew 1.2 million visitors in 2025, twice the year before.\n';
  const passage = 'The Lindqvist museum drew 1.2 million visitors in 2025';

  const editorContext = await browser.newContext();
  const editor = await editorContext.newPage();
  await logIn(editor, accounts.editor);
  const created = await editor.request.post('/api/articles', { multipart: { title: `Museum visitors ${stamp}`, outlet: 'Arts Weekly', text } });
  const articleId = (await created.json()).article.id as string;
  expect((await editor.request.put(`/api/articles/${articleId}/assignments`, { data: { userIds: [myId] } })).status()).toBe(200);

  await logIn(page, me);
  const annotation = await page.request.post(`/api/articles/${articleId}/annotations`, {
    data: { start: 0, end: passage.length, exact: passage, verdict: 'half-true', rationale: 'Ticket sales say 0.9 million.', sources: [{ url: 'https://example.org/lindqvist' }], submit: true },
  });
  const annotationId = (await annotation.json()).annotation.id as string;
  expect((await editor.request.post(`/api/annotations/${annotationId}/comments`, { data: { body: 'Which counter did they use?' } })).status()).toBe(201);
  expect((await editor.request.post(`/api/annotations/${annotationId}/status`, { data: { version: 1, action: 'approve' } })).status()).toBe(200);
  await editorContext.close();

  await page.goto('/articles');
  const desk = page.getByTestId('dashboard');
  const assigned = desk.getByRole('listitem').filter({ has: page.getByRole('link', { name: `Museum visitors ${stamp}` }) });
  await expect(assigned).toContainText('1 of 1 approved');
  await expect(desk).toContainText(`${accounts.editor.name} approved “${passage}”`);
  await expect(desk).toContainText(`${accounts.editor.name} commented on “${passage}”`);
  const chart = page.getByTestId('verdict-mix-chart');
  await expect(chart.locator('svg')).toBeVisible();
  await expect(chart.locator('div[role="img"]')).toHaveAttribute('aria-label', /Half true [1-9]/);
  await desk.getByRole('link', { name: `“${passage}”` }).first().click();
  await expect(page).toHaveURL(new RegExp(`/articles/${articleId}\\?annotation=${annotationId}$`));
  await expect(page.getByTestId('annotation-card')).toBeVisible();
});
