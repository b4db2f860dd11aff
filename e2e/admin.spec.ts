import { test, expect } from '@playwright/test';
import { accounts, ensureExtraUser, logIn } from './support/accounts';
import { openSeedArticle, selectPassage } from './support/article';
import { withDb } from './support/database';
import { toast } from './support/toasts';

test('[ADMIN][CREATE_USER]: invite a reviewer, who sets a password and works; deactivation ends their work at once; all audited', async ({ browser }) => {
  const email = `newcomer-${Date.now()}@factcheck.local`;
  const password = 'tidal-orchard-lantern-47';
  const adminContext = await browser.newContext();
  const admin = await adminContext.newPage();
  await logIn(admin, accounts.admin);
  await admin.getByRole('link', { name: 'Users' }).click();
  await admin.getByLabel('Name', { exact: true }).first().fill('Nora Newcomer');
  await admin.getByLabel('E-mail', { exact: true }).first().fill(email);
  await admin.getByLabel('Role', { exact: true }).first().selectOption('REVIEWER');
  await admin.getByRole('button', { name: 'Add user' }).click();
  const link = await admin.getByLabel(/Invitation link for/).inputValue();
  expect(link).toMatch(/\/invite\//);

  // The invitation, opened in a fresh context: set a password, then sign in with it.
  const userContext = await browser.newContext();
  const user = await userContext.newPage();
  await user.goto(link);
  await user.getByLabel('New password', { exact: true }).fill(password);
  await user.getByLabel('New password again').fill(password);
  await user.getByRole('button', { name: 'Set password' }).click();
  await expect(user.getByRole('link', { name: /sign in/i }).first()).toBeVisible();
  await logIn(user, { email, password });
  await openSeedArticle(user);
  await expect(user.getByTestId('connection-state')).toHaveText('Live');

  // The admin deactivates them while their article page is open.
  await admin.goto('/admin/users');
  const card = admin.getByTestId('user-card').filter({ hasText: email });
  await card.getByRole('button', { name: /Deactivate/ }).click();
  const confirmation = admin.getByRole('alertdialog', { name: 'Deactivate Nora Newcomer?' });
  await expect(confirmation).toContainText('They are signed out at once');
  await confirmation.getByRole('button', { name: 'Deactivate' }).click();
  await expect(confirmation).toBeHidden();
  await expect(card.getByRole('button', { name: /Reactivate/ })).toBeVisible();

  // Their socket is closed and their next action is refused.
  await expect(user.getByTestId('connection-state')).not.toHaveText('Live', { timeout: 20_000 });
  await selectPassage(user, 'four documents');
  await user.getByRole('button', { name: /Check claim/ }).click();
  const form = user.getByRole('form', { name: 'Check claim' });
  await form.getByRole('radio', { name: 'Opinion' }).check();
  await form.getByRole('button', { name: 'Submit' }).click();
  await expect(form.locator('.form-error')).toContainText('Sign in first');
  const count = await withDb(async (db) => (await db.query(`SELECT count(*)::int AS n FROM "Annotation" a JOIN "User" u ON u.id = a."authorId" WHERE u.email = $1`, [email])).rows[0].n);
  expect(count).toBe(0);
  await user.goto('/articles');
  await expect(user).toHaveURL(/\/login/);

  // The audit log shows each step.
  await admin.goto('/admin/audit');
  const rows = admin.locator('main table tbody tr');
  for (const action of ['user.created', 'invitation.accepted', 'login.success', 'user.deactivated']) {
    await expect(rows.filter({ hasText: action }).filter({ hasText: /Nora Newcomer|newcomer-/ }).first()).toBeVisible();
  }
  await Promise.all([adminContext.close(), userContext.close()]);
});

test('[ADMIN][DEMOTE]: an editor demoted while their article page is open loses the editor controls at once, is refused editor actions, and the audit log says so', async ({ browser }) => {
  const stamp = Date.now();
  const editor = await ensureExtraUser(`demoted-${stamp}@factcheck.local`, `Dee Demoted ${stamp}`, 'EDITOR');
  const editorContext = await browser.newContext();
  const page = await editorContext.newPage();
  await logIn(page, editor);
  await openSeedArticle(page);
  await expect(page.getByTestId('connection-state')).toHaveText('Live');
  await expect(page.getByRole('button', { name: 'Correct text' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Review', exact: true })).toBeVisible();
  const articleId = page.url().split('/').pop()!;

  const adminContext = await browser.newContext();
  const admin = await adminContext.newPage();
  await logIn(admin, accounts.admin);
  await admin.goto(`/admin/users?q=${encodeURIComponent(editor.email)}`);
  const card = admin.getByTestId('user-card').filter({ hasText: editor.email });
  await card.getByRole('button', { name: /^Edit/ }).click();
  await card.getByLabel('Role').selectOption('REVIEWER');
  await card.getByRole('button', { name: 'Save' }).click();
  await expect(card.locator('.role-pill')).toHaveText('Reviewer');

  // The collaboration server ends their socket; the page tells them and drops the editor controls.
  await expect(toast(page, /An admin changed your role/)).toBeVisible({ timeout: 20_000 });
  await expect(page.getByRole('button', { name: 'Correct text' })).toHaveCount(0);
  await expect(page.getByRole('link', { name: 'Review', exact: true })).toHaveCount(0);
  await expect(page.getByTestId('connection-state')).toHaveText('Live');
  // Editor actions are refused on the server, whatever the browser still holds.
  const exportResponse = await page.request.get(`/api/articles/${articleId}/export?format=md`);
  expect(exportResponse.status()).toBe(403);
  expect((await page.goto(`/articles/${articleId}/review`))?.status()).toBe(403);

  await admin.goto('/admin/audit');
  await expect(admin.locator('main table tbody tr').filter({ hasText: 'user.role_changed' }).filter({ hasText: editor.name }).first()).toBeVisible();
  await Promise.all([adminContext.close(), editorContext.close()]);
});
