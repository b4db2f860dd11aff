import { test, expect } from '@playwright/test';
import { ensureExtraUser, logIn } from './support/accounts';

// Changing one's password ends every other session of the account (another device, a cookie
// someone copied), while the session it was changed from goes on.
test('[ACCOUNT][SESSIONS]: a password change signs out the other sessions and keeps this one', async ({ browser }) => {
  const user = await ensureExtraUser(`sessions-${Date.now()}@factcheck.local`, 'Sam Sessions', 'REVIEWER');
  const newPassword = 'violet harbour tram ledger 42';
  const here = await (await browser.newContext()).newPage();
  const elsewhere = await (await browser.newContext()).newPage();
  await logIn(here, user);
  await logIn(elsewhere, user);

  await here.goto('/account');
  await here.getByLabel('Current password').fill(user.password);
  await here.getByLabel('New password', { exact: true }).fill(newPassword);
  await here.getByLabel('New password again').fill(newPassword);
  await here.getByRole('button', { name: 'Change password' }).click();
  await expect(here.getByRole('status').filter({ hasText: 'Your password has been changed.' })).toBeVisible();

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
