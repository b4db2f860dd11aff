import type { Locator, Page } from '@playwright/test';

/**
 * A toast by its text, inside the toasts' region. Radix Toast also copies a new toast's text into a
 * screen-reader announcement for about a second, so an unscoped getByText would find it twice.
 */
export function toast(page: Page, text: string | RegExp, options: { exact?: boolean } = {}): Locator {
  return page.getByRole('region', { name: /^Messages/ }).getByText(text, options);
}
