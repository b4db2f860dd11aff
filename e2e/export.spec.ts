import { test, expect } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { accounts, logIn } from './support/accounts';
import { openSeedArticle } from './support/article';

test('[EDITOR][EXPORT]: downloads a PDF report that holds the article and its annotations', async ({ page }) => {
  await logIn(page, accounts.editor);
  await openSeedArticle(page);
  await page.getByText('Export report').click();
  const panel = page.getByRole('group', { name: 'Export report' });
  await panel.getByLabel('Format').selectOption('pdf');
  await panel.getByLabel('Approved annotations only').uncheck();
  const [download] = await Promise.all([page.waitForEvent('download'), panel.getByRole('button', { name: 'Download' }).click()]);
  expect(download.suggestedFilename()).toMatch(/^kremlin-not-rejecting-us-peace-initiative-\d{4}-\d{2}-\d{2}\.pdf$/);
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'export-')), 'report.pdf');
  await download.saveAs(file);
  const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
  expect(text).toContain('Kremlin says Russia is not rejecting');
  expect(text).toContain('Peskov');

  await panel.getByLabel('Format').selectOption('csv');
  const [csv] = await Promise.all([page.waitForEvent('download'), panel.getByRole('button', { name: 'Download' }).click()]);
  expect(csv.suggestedFilename()).toMatch(/\.csv$/);
  writeFileSync(file, '');
});
