import { expect, type Page } from '@playwright/test';

export type Role = 'admin' | 'editor' | 'reviewer';

export const accounts: Record<Role, { email: string; password: string; name: string; label: string }> = {
  admin: { email: 'admin@factcheck.local', password: process.env.E2E_ADMIN_PASSWORD ?? '', name: 'Ada Admin', label: 'Admin' },
  editor: { email: 'editor@factcheck.local', password: process.env.E2E_EDITOR_PASSWORD ?? '', name: 'Eddie Editor', label: 'Editor' },
  reviewer: { email: 'reviewer@factcheck.local', password: process.env.E2E_REVIEWER_PASSWORD ?? '', name: 'Rita Reviewer', label: 'Reviewer' },
};

export async function logIn(page: Page, who: { email: string; password: string }): Promise<void> {
  await page.goto('/login');
  await page.locator('html[data-hydrated="true"]').waitFor({ state: 'attached' });
  await page.getByLabel('E-mail').fill(who.email);
  await page.getByLabel('Password').fill(who.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(/\/articles$/);
  // The page's buttons work once React has hydrated it.
  await page.locator('html[data-hydrated="true"]').waitFor({ state: 'attached' });
}

/** An extra account of the given role, with the same password as the seeded reviewer. */
export async function ensureExtraUser(email: string, name: string, role: 'REVIEWER' | 'EDITOR' | 'ADMIN') {
  const { withDb } = await import('./database');
  await withDb((db) =>
    db.query(
      `INSERT INTO "User" (id, email, name, role, "passwordHash", "updatedAt")
       SELECT 'e2e-' || md5($1), $1, $2, $3::"Role", "passwordHash", now() FROM "User" WHERE email = $4
       ON CONFLICT (email) DO NOTHING`,
      [email, name, role, accounts.reviewer.email],
    ),
  );
  return { email, password: accounts.reviewer.password, name };
}
