import { test, expect } from '@playwright/test';
import { ensureExtraUser, logIn } from './support/accounts';
import { openSeedArticle } from './support/article';
import { toast } from './support/toasts';

// Changing one's password ends every other session of the account (another device, a cookie
// someone copied), while the session it was changed from goes on; so do their live article pages.
test('[ACCOUNT][SESSIONS]: a password change signs out the other sessions, closing their live article at once, and keeps this one', async ({ browser }) => {
  // Two sign-ins and three article pages: about 50 s on a busy shared machine.
  test.setTimeout(120_000);
  const user = await ensureExtraUser(`sessions-${Date.now()}@factcheck.local`, 'Sam Sessions', 'REVIEWER');
  const newPassword = 'violet harbour tram ledger 42';
  const here = await (await browser.newContext()).newPage();
  const elsewhere = await (await browser.newContext()).newPage();
  await logIn(here, user);
  await logIn(elsewhere, user);
  // Both sessions have the article open, live, while the password changes.
  const hereArticle = await here.context().newPage();
  await openSeedArticle(hereArticle);
  await openSeedArticle(elsewhere);
  for (const page of [hereArticle, elsewhere]) await expect(page.getByTestId('connection-state')).toHaveText('Live');

  await here.goto('/account');
  await here.getByLabel('Current password').fill(user.password);
  await here.getByLabel('New password', { exact: true }).fill(newPassword);
  await here.getByLabel('New password again').fill(newPassword);
  await here.getByRole('button', { name: 'Change password' }).click();
  await expect(here.getByRole('status').filter({ hasText: 'Your password has been changed.' })).toBeVisible();

  // The other session's article page hears it at once, from the collaboration server; this
  // session's stays live without a word.
  await expect(toast(elsewhere, /Your password was changed in another session/)).toBeVisible({ timeout: 20_000 });
  await expect(elsewhere.getByTestId('connection-state')).not.toHaveText('Live');
  await expect(hereArticle.getByTestId('connection-state')).toHaveText('Live');
  await expect(toast(hereArticle, /another session/)).toHaveCount(0);

  // This session goes on, pages and API alike.
  await here.goto('/articles');
  await expect(here).toHaveURL(/\/articles$/);
  expect((await here.request.get('/api/articles')).status()).toBe(200);

  // The other one is over: its pages send it to sign in, its API calls are refused.
  await elsewhere.goto('/articles');
  await expect(elsewhere).toHaveURL(/\/login/);
  expect((await elsewhere.request.get('/api/articles')).status()).toBe(401);

  // The old password no longer works; the new one does.
  await elsewhere.getByLabel('E-mail').fill(user.email);
  await elsewhere.getByLabel('Password').fill(user.password);
  await elsewhere.getByRole('button', { name: 'Sign in' }).click();
  await expect(elsewhere.getByRole('alert')).toBeVisible();
  await expect(elsewhere).toHaveURL(/\/login/);
  await logIn(elsewhere, { email: user.email, password: newPassword });
  await here.context().close();
  await elsewhere.context().close();
});
