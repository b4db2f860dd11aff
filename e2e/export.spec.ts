import { test, expect } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { accounts, logIn } from './support/accounts';
import { openSeedArticle } from './support/article';

const annotations = [
  { passage: 'Steve Witkoff alongside Jared Kushner', verdict: 'true', label: 'True', url: 'https://example.org/witkoff-kushner-kremlin' },
  { passage: 'Peskov indirectly suggested', verdict: 'misleading', label: 'Misleading', url: 'https://example.org/peskov-transcript' },
];

test('[EDITOR][EXPORT]: exports the seed article with two annotations in every format', async ({ page }) => {
  await logIn(page, accounts.editor);
  await openSeedArticle(page);
  const articleId = page.url().split('/articles/')[1]!;
  const text = readFileSync('prisma/seed-data/article.txt', 'utf8');
  for (const a of annotations) {
    const start = text.indexOf(a.passage);
    const res = await page.request.post(`/api/articles/${articleId}/annotations`, {
      data: { start, end: start + a.passage.length, exact: a.passage, verdict: a.verdict, rationale: '<script>alert("x")</script> checked', sources: [{ url: a.url, title: 'Source' }], submit: true },
    });
    expect(res.status()).toBe(201);
  }
  await page.reload();

  const dir = mkdtempSync(path.join(tmpdir(), 'export-'));
  await page.getByText('Export report').click();
  const panel = page.getByRole('group', { name: 'Export report' });
  await panel.getByLabel('Approved annotations only').uncheck();
  const files: Record<string, string> = {};
  for (const format of ['pdf', 'docx', 'html', 'md', 'csv', 'jsonld', 'claimreview']) {
    await panel.getByLabel('Format').selectOption(format);
    const [download] = await Promise.all([page.waitForEvent('download'), panel.getByRole('button', { name: 'Download' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^kremlin-not-rejecting-us-peace-initiative-\d{4}-\d{2}-\d{2}\./);
    files[format] = path.join(dir, download.suggestedFilename());
    await download.saveAs(files[format]!);
  }

  // The PDF holds the title, the article with each passage numbered, each verdict, rationale and
  // source URL, shows the script as text, and renders to an image.
  const pdfText = execFileSync('pdftotext', ['-layout', files.pdf!, '-'], { encoding: 'utf8' });
  const flat = pdfText.replace(/\s+/g, ' ');
  expect(pdfText).toContain('Kremlin says Russia is not rejecting');
  expect(flat).toContain('He emphasized that it would be inaccurate to suggest the Russian leadership outright dismissed the American conditions');
  for (const a of annotations) {
    // The passage is followed by its number, and the entry with that number carries the verdict.
    const number = new RegExp(`${a.passage}(\\d+)`).exec(flat)?.[1];
    expect(number, a.passage).toBeDefined();
    expect(flat).toContain(`${number}. ${a.label}`);
    expect(pdfText.replace(/\s+/g, '')).toContain(a.url);
  }
  expect(flat).toContain('<script>alert("x")</script> checked');
  execFileSync('pdftoppm', ['-png', '-r', '40', '-f', '1', '-l', '1', files.pdf!, path.join(dir, 'page')]);
  expect(readdirSync(dir).some((name) => name.startsWith('page') && name.endsWith('.png'))).toBe(true);

  expect(readFileSync(files.docx!).subarray(0, 2).toString()).toBe('PK');
  const html = readFileSync(files.html!, 'utf8');
  expect(html).toContain('&lt;script&gt;');
  expect(html).not.toContain('<script>alert');
  expect(readFileSync(files.md!, 'utf8')).toContain(annotations[0]!.url);
  expect(readFileSync(files.csv!, 'utf8')).toContain(annotations[1]!.url);
  const collection = JSON.parse(readFileSync(files.jsonld!, 'utf8'));
  expect(collection.type).toBe('AnnotationCollection');
  expect(collection.first.items.map((i: { target: { selector: { exact?: string }[] } }) => i.target.selector[0]!.exact)).toEqual(
    expect.arrayContaining(annotations.map((a) => a.passage)),
  );
  const reviews = JSON.parse(readFileSync(files.claimreview!, 'utf8'));
  expect(reviews.map((r: { reviewRating: { alternateName: string } }) => r.reviewRating.alternateName)).toEqual(expect.arrayContaining(['True', 'Misleading']));

  // Clean up so that the other specs see the seed article as they expect.
  const list = await (await page.request.get(`/api/articles/${articleId}/annotations`)).json();
  for (const a of list.annotations.filter((x: { target: { exact: string } }) => annotations.some((y) => y.passage === x.target.exact))) {
    expect((await page.request.delete(`/api/annotations/${a.id}`)).status()).toBe(204);
  }
});

test('[EDITOR][EXPORT]: the menu says how many annotations a report holds, and why none when nothing is approved yet', async ({ page }) => {
  const text = 'The Wexley pool holds 2 million litres.\n';
  const exact = 'holds 2 million litres';
  await logIn(page, accounts.editor);
  const created = await page.request.post('/api/articles', { multipart: { title: `Wexley pool ${Date.now()}`, outlet: 'Wexley Weekly', text } });
  const articleId = (await created.json()).article.id as string;
  const start = text.indexOf(exact);
  const made = await page.request.post(`/api/articles/${articleId}/annotations`, { data: { start, end: start + exact.length, exact, verdict: 'true', sources: [{ url: 'https://example.org/wexley' }], submit: true } });
  expect(made.status()).toBe(201);
  await page.goto(`/articles/${articleId}`);
  await page.getByText('Export report').click();
  const panel = page.getByRole('group', { name: 'Export report' });
  await panel.getByLabel('Format').selectOption('csv');
  await Promise.all([page.waitForEvent('download'), panel.getByRole('button', { name: 'Download' }).click()]);
  await expect(panel.getByTestId('export-result')).toHaveText(
    'The report has no annotations: none of this article’s is approved yet. Untick “Approved annotations only” to include them all.',
  );
  await panel.getByLabel('Approved annotations only').uncheck();
  await Promise.all([page.waitForEvent('download'), panel.getByRole('button', { name: 'Download' }).click()]);
  await expect(panel.getByTestId('export-result')).toHaveText('Report downloaded: 1 annotation.');
});
