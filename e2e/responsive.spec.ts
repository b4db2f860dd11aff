import { test, expect } from '@playwright/test';
import { accounts, logIn } from './support/accounts';
import { waitForArticle } from './support/article';
import { withDb } from './support/database';

// Reviewers work on 1024 px-wide laptops too: every page fits that width without sideways
// scrolling, and the annotate screen keeps the article and its side panel next to each other.
test.use({ viewport: { width: 1024, height: 768 } });

test('[RESPONSIVE]: every page fits a 1024 px-wide laptop without horizontal scrolling', async ({ page }) => {
  const seed = await withDb(async (db) => (await db.query(`SELECT id FROM "Article" WHERE slug = 'kremlin-not-rejecting-us-peace-initiative'`)).rows[0] as { id: string });
  await logIn(page, accounts.admin);
  const pages = [
    '/articles',
    `/articles/${seed.id}`,
    `/articles/${seed.id}/review`,
    `/articles/${seed.id}/revisions`,
    '/articles/new',
    '/search?q=Peskov',
    '/notifications',
    '/account',
    '/admin/users',
    '/admin/audit',
    '/admin/verdicts',
  ];
  const overflowing: string[] = [];
  for (const path of pages) {
    await page.goto(path);
    await expect(page.getByRole('heading', { level: 1 }).first()).toBeVisible();
    if (path === `/articles/${seed.id}`) await waitForArticle(page);
    const { scrollWidth, innerWidth } = await page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth }));
    if (scrollWidth > innerWidth) overflowing.push(`${path}: ${scrollWidth} px wide in a ${innerWidth} px window`);
  }
  expect(overflowing).toEqual([]);

  // The annotate screen: article and side panel side by side, both in the window.
  await page.goto(`/articles/${seed.id}`);
  await waitForArticle(page);
  const article = await page.getByTestId('article-text').boundingBox();
  const panel = await page.locator('.side-panel').boundingBox();
  expect(article && panel).toBeTruthy();
  expect(panel!.x).toBeGreaterThanOrEqual(article!.x + article!.width);
  expect(panel!.x + panel!.width).toBeLessThanOrEqual(1024);
});
