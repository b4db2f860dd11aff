import { test, expect } from '@playwright/test';
import { accounts, logIn } from './support/accounts';
import { openSeedArticle } from './support/article';

test('[SECURITY]: pages carry a nonce-based CSP without inline scripts and the other security headers, and nothing trips it', async ({ page }) => {
  const violations: string[] = [];
  const missing: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
    // A resource the page asks for and the server does not have (the browser's default favicon.ico, say).
    if (/Failed to load resource/.test(message.text())) missing.push(`${message.text()} ${message.location().url}`);
  });
  const response = await page.goto('/login');
  const headers = response!.headers();
  const csp = headers['content-security-policy'] ?? '';
  const scriptSrc = csp.split(';').map((d) => d.trim()).find((d) => d.startsWith('script-src')) ?? '';
  expect(scriptSrc).toMatch(/'nonce-[A-Za-z0-9+/=]+'/);
  expect(scriptSrc).not.toContain("'unsafe-inline'");
  expect(csp).toContain("frame-ancestors 'none'");
  expect(headers['x-content-type-options']).toBe('nosniff');
  expect(headers['referrer-policy']).toBe('strict-origin-when-cross-origin');

  await logIn(page, accounts.reviewer);
  await openSeedArticle(page);
  await expect(page.getByTestId('connection-state')).toHaveText('Live');
  expect(violations).toEqual([]);
  expect(missing).toEqual([]);
  await expect(page.locator('link[rel="icon"]')).toHaveAttribute('href', /icon/);

  // The session cookie is HttpOnly and SameSite=Lax (Secure when served over HTTPS).
  const session = (await page.context().cookies()).find((c) => c.name.includes('session-token'));
  expect(session).toMatchObject({ httpOnly: true, sameSite: 'Lax' });
});
