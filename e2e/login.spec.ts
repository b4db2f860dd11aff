import { test, expect } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { accounts, logIn, type Role } from './support/accounts';
import { withDb } from './support/database';

const seedText = readFileSync('prisma/seed-data/article.txt', 'utf8');
const seedParagraphs = seedText.split('\n').filter((line, i, all) => !(i === all.length - 1 && line === ''));

test('[ANONYMOUS]: every page but the login page sends a visitor to the login page', async ({ page }) => {
  for (const path of ['/', '/articles', '/articles/whatever']) {
    await page.goto(path);
    await expect(page).toHaveURL(/\/login/);
  }
  await expect(page.getByRole('heading', { name: 'Sign in to Factcheck desk' })).toBeVisible();
});

for (const role of ['admin', 'editor', 'reviewer'] as Role[]) {
  test(`[${role.toUpperCase()}][LOGIN]: logs in and sees the seed article's full text exactly`, async ({ page }) => {
    const account = accounts[role];
    await logIn(page, account);
    await expect(page.getByTestId('current-user')).toContainText(account.name);
    await expect(page.getByTestId('current-user')).toContainText(account.label);
    await page.locator('.article-list').getByRole('link', { name: /Kremlin says Russia is not rejecting/ }).click();
    const editor = page.getByTestId('article-text');
    await expect(editor).toBeVisible();
    const paragraphs = await editor.locator('p').allTextContents();
    expect(paragraphs).toEqual(seedParagraphs);
    expect(paragraphs.join('\n') + '\n').toBe(seedText);
    // The text cannot be changed: typing into it does nothing.
    await editor.click();
    await page.keyboard.type('XYZ');
    await page.keyboard.press('Backspace');
    expect((await editor.locator('p').allTextContents()).join('\n') + '\n').toBe(seedText);
  });
}

test('[LOGIN]: a wrong password gets a clear message; sign out ends the session', async ({ page }) => {
  await page.goto('/login');
  await page.getByLabel('E-mail').fill(accounts.reviewer.email);
  await page.getByLabel('Password').fill('not-the-password');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.locator('#login-error')).toHaveText('Wrong e-mail or password.');
  await logIn(page, accounts.reviewer);
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page).toHaveURL(/\/login/);
  await page.goto('/articles');
  await expect(page).toHaveURL(/\/login/);
});

test('[LOGIN]: five failures lock the account with a clear message', async ({ page }) => {
  const email = 'locked-e2e@factcheck.local';
  await withDb((db) =>
    db.query(`INSERT INTO "User" (id, email, name, role, "passwordHash", "updatedAt")
              SELECT 'e2e-locked', $1, 'Lou Locked', 'REVIEWER', "passwordHash", now() FROM "User" WHERE email = $2
              ON CONFLICT (email) DO NOTHING`, [email, accounts.reviewer.email]),
  );
  await page.goto('/login');
  for (let i = 0; i < 5; i++) {
    await page.getByLabel('E-mail').fill(email);
    await page.getByLabel('Password').fill(`wrong-${i}`);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.locator('#login-error')).toBeVisible();
  }
  await expect(page.locator('#login-error')).toContainText('locked for 15 more minutes');
  // Even the right password is refused while locked.
  await page.getByLabel('Password').fill(accounts.reviewer.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.locator('#login-error')).toContainText('locked');
});

test('[REVIEWER]: a deactivated user is out at once, with their session still in the browser', async ({ page }) => {
  const email = 'deactivated-e2e@factcheck.local';
  await withDb((db) =>
    db.query(`INSERT INTO "User" (id, email, name, role, "passwordHash", "updatedAt")
              SELECT 'e2e-deactivated', $1, 'Dee Activated', 'REVIEWER', "passwordHash", now() FROM "User" WHERE email = $2
              ON CONFLICT (email) DO NOTHING`, [email, accounts.reviewer.email]),
  );
  await logIn(page, { email, password: accounts.reviewer.password });
  await withDb((db) => db.query(`UPDATE "User" SET active = false WHERE email = $1`, [email]));
  await page.goto('/articles');
  await expect(page).toHaveURL(/\/login/);
});

test('GET /api/health answers ok with the database up', async ({ request }) => {
  const response = await request.get('/api/health');
  expect(response.status()).toBe(200);
  expect(await response.json()).toMatchObject({ ok: true, db: 'up' });
});
