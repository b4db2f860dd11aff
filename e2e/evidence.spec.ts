import { test, expect } from '@playwright/test';
import { accounts, logIn } from './support/accounts';
import { selectPassage, waitForArticle } from './support/article';
import { withDb } from './support/database';
import { toast } from './support/toasts';

// Evidence: a reviewer attaches a screenshot of a source as they saw it; it is checked, kept, shown
// on the annotation, served back byte for byte, and cited in the editor's report.
test('[REVIEWER][EVIDENCE]: a screenshot attached to a source is stored, shown, downloadable and in the report', async ({ page, browser }) => {
  const stamp = Date.now();
  const claim = `The Orrin dam supplies ${stamp % 1000} thousand homes`;
  await logIn(page, accounts.editor);
  const filed = await page.request.post('/api/articles', { multipart: { title: `Orrin dam ${stamp}`, outlet: 'Valley Post', text: `${claim}, the utility says.\nCritics disagree.\n` } });
  expect(filed.status(), await filed.text()).toBe(201);
  const articleId = ((await filed.json()).article as { id: string }).id;

  const context = await browser.newContext();
  const reviewer = await context.newPage();
  await logIn(reviewer, accounts.reviewer);
  await reviewer.goto(`/articles/${articleId}`);
  await waitForArticle(reviewer);
  // A real PNG: a screenshot of the page the reviewer is looking at.
  const screenshot = await reviewer.screenshot();
  await selectPassage(reviewer, claim);
  await reviewer.getByRole('button', { name: /Check claim/ }).click();
  const form = reviewer.getByRole('form', { name: 'Check claim' });
  await form.getByRole('radio', { name: 'Mostly true', exact: true }).check();
  await form.getByRole('button', { name: '+ Add source' }).click();
  await form.getByLabel('URL').fill(`https://utility.example.org/annual-${stamp}`);
  await form.getByLabel('Title').fill('Utility annual report');

  // What is not a screenshot or PDF is refused at once, with the reason.
  const evidence = form.getByLabel(/^Evidence/);
  await evidence.setInputFiles({ name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('not evidence') });
  await expect(form.getByRole('alert').filter({ hasText: '“notes.txt” is not a screenshot (PNG, JPEG, WebP, GIF) or a PDF.' })).toBeVisible();

  await evidence.setInputFiles({ name: 'utility-page.png', mimeType: 'image/png', buffer: screenshot });
  const chip = form.getByRole('group', { name: 'Evidence for Source 1' });
  await expect(chip.getByRole('link', { name: 'utility-page.png' })).toBeVisible();
  await expect(chip).toContainText('(PNG,');
  await form.getByRole('button', { name: 'Submit' }).click();
  await expect(toast(reviewer, 'Annotation submitted.')).toBeVisible();

  // The card shows it; its link serves the same bytes as an image.
  const card = reviewer.getByTestId('annotation-card');
  const link = card.getByRole('link', { name: /^Evidence: utility-page\.png \(PNG, \d+ KB\)$/ });
  await expect(link).toBeVisible();
  const href = await link.getAttribute('href');
  expect(href).toMatch(/^\/api\/evidence\/[\w-]+$/);
  const served = await reviewer.request.get(href!);
  expect(served.status()).toBe(200);
  expect(served.headers()['content-type']).toBe('image/png');
  expect(Buffer.compare(await served.body(), screenshot)).toBe(0);
  const stored = await withDb(async (db) =>
    (await db.query(`SELECT e."byteSize", e."mediaType" FROM "Source" s JOIN "EvidenceFile" e ON e.id = s."evidenceId" JOIN "Annotation" a ON a.id = s."annotationId" WHERE a."articleId" = $1`, [articleId])).rows,
  );
  expect(stored).toEqual([{ byteSize: screenshot.byteLength, mediaType: 'image/png' }]);

  // The editor's report cites it with an absolute link.
  const report = await page.request.get(`/api/articles/${articleId}/export?format=html&approvedOnly=false`);
  expect(report.status()).toBe(200);
  const html = await report.text();
  expect(html).toContain('utility-page.png');
  expect(html).toMatch(new RegExp(`https?://[^"]+${href!.replace(/[/]/g, '\\/')}`));
  await context.close();
});
