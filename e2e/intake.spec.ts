import { test, expect } from '@playwright/test';
import { Document, HeadingLevel, Packer, Paragraph, TextRun } from 'docx';
import { accounts, logIn } from './support/accounts';
import { visibleArticleText, waitForArticle } from './support/article';

async function docxBuffer(): Promise<Buffer> {
  const doc = new Document({
    sections: [
      {
        children: [
          new Paragraph({ text: 'Budget row', heading: HeadingLevel.HEADING_1 }),
          new Paragraph({ children: [new TextRun('The minister said the deficit “fell by half” in 2025.')] }),
          new Paragraph({ children: [new TextRun({ text: 'Officials’ figures disagree.', bold: true })] }),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}

test('[EDITOR][INTAKE]: uploads a .docx and an .html article and sees their text; reviewers cannot', async ({ page, browser }) => {
  await logIn(page, accounts.editor);
  await page.getByRole('link', { name: 'New article' }).click();
  await page.getByLabel('Title').fill('Deficit claims');
  await page.getByLabel('Outlet').fill('Daily Ledger');
  await page.getByLabel(/^File/).setInputFiles({ name: 'deficit.docx', mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', buffer: await docxBuffer() });
  await page.getByRole('button', { name: 'Create article' }).click();
  await expect(page.getByRole('heading', { name: 'Deficit claims' })).toBeVisible();
  await expect(page.getByTestId('article-text').locator('p')).toHaveText(['Budget row', 'The minister said the deficit “fell by half” in 2025.', 'Officials’ figures disagree.']);

  await page.goto('/articles/new');
  await page.getByLabel('Title').fill('Harbour story');
  await page.getByLabel('Outlet').fill('Coast Times');
  const html = `<html><head><title>x</title><style>p{}</style></head><body><h2>Harbour</h2><p>Ships &amp; ferries <b>doubled</b>.</p><script>alert(1)</script><ul><li>One</li><li>Two</li></ul><iframe src="https://evil.example"></iframe></body></html>`;
  await page.getByLabel(/^File/).setInputFiles({ name: 'harbour.html', mimeType: 'text/html', buffer: Buffer.from(html) });
  await page.getByRole('button', { name: 'Create article' }).click();
  await expect(page.getByRole('heading', { name: 'Harbour story' })).toBeVisible();
  await waitForArticle(page);
  await expect.poll(() => visibleArticleText(page)).toMatch(/^Harbour\nShips & ferries doubled\.\n/);
  const text = await visibleArticleText(page);
  expect(text).not.toContain('alert(1)');
  expect(text).toContain('One');

  // A file over 5 MB gets a clear error and creates nothing.
  await page.goto('/articles/new');
  await page.getByLabel('Title').fill('Too big');
  await page.getByLabel('Outlet').fill('X');
  await page.getByLabel(/^File/).setInputFiles({ name: 'big.txt', mimeType: 'text/plain', buffer: Buffer.alloc(5 * 1024 * 1024 + 10, 'a') });
  await page.getByRole('button', { name: 'Create article' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'larger than 5 MB' })).toBeVisible();

  const reviewer = await browser.newContext();
  const r = await reviewer.newPage();
  await logIn(r, accounts.reviewer);
  await expect(r.getByRole('link', { name: 'New article' })).toHaveCount(0);
  const refused = await r.request.post('/api/articles', { multipart: { title: 'x', outlet: 'y', text: 'z' } });
  expect(refused.status()).toBe(403);
  await reviewer.close();
});
