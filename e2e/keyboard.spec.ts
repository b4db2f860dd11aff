import { test, expect, type Page } from '@playwright/test';
import { accounts } from './support/accounts';
import { waitForArticle } from './support/article';
import { withDb } from './support/database';
import { toast } from './support/toasts';

// The whole annotate flow with the keyboard alone, from the login page on: not one mouse click.

const passage = 'He emphasized';
const otherPassage = 'renounce its aspirations for NATO membership';
const articleSlug = 'kremlin-not-rejecting-us-peace-initiative';

/** What has keyboard focus: a short description to compare against. */
function focused(page: Page) {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body) return 'body';
    if (el.matches('[data-testid="article-text"]')) return 'article-text';
    return `${el.tagName.toLowerCase()}${el.getAttribute('type') ? `[${el.getAttribute('type')}]` : ''}:${(el.getAttribute('aria-label') ?? el.textContent ?? '').trim().slice(0, 40)}`;
  });
}

/** Presses `key` until `done` holds (at most `max` times); fails if it never does. */
async function pressUntil(page: Page, key: string, done: () => Promise<boolean>, max = 40): Promise<void> {
  for (let i = 0; i < max; i++) {
    if (await done()) return;
    await page.keyboard.press(key);
  }
  expect(await done(), `pressing ${key} ${max} times did not get there (focus: ${await focused(page)})`).toBe(true);
}

/** The visible outline of the focused element: keyboard focus must be seen. */
function focusOutline(page: Page) {
  return page.evaluate(() => {
    const style = getComputedStyle(document.activeElement!);
    return style.outlineStyle === 'none' || style.outlineWidth === '0px' ? 'none' : `${style.outlineStyle} ${style.outlineWidth}`;
  });
}

/** The paragraph index and the text of the editor's selection. */
function caret(page: Page) {
  return page.getByTestId('article-text').evaluate((root) => {
    const selection = window.getSelection()!;
    const paragraphs = [...root.querySelectorAll('p')];
    const paragraph = paragraphs.findIndex((p) => selection.focusNode && p.contains(selection.focusNode));
    return { paragraph, text: selection.toString() };
  });
}

test('[REVIEWER][KEYBOARD]: select a passage, check the claim, submit and browse annotations with the keyboard alone', async ({ page }) => {
  const article = await withDb(async (db) => (await db.query(`SELECT id, text FROM "Article" WHERE slug = $1`, [articleSlug])).rows[0]);

  // Sign in: the e-mail field has the focus.
  await page.goto('/login', { waitUntil: 'networkidle' });
  await expect(page.getByLabel('E-mail')).toBeFocused();
  await page.keyboard.type(accounts.reviewer.email);
  await page.keyboard.press('Tab');
  await page.keyboard.type(accounts.reviewer.password);
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/articles$/);

  // Another annotation further down, so that n and p have somewhere to go (made through the API).
  const exists = await withDb(async (db) => (await db.query(`SELECT 1 FROM "Annotation" WHERE "quoteExact" = $1 AND "deletedAt" IS NULL`, [otherPassage])).rowCount);
  if (!exists) {
    const start = (article.text as string).indexOf(otherPassage);
    const response = await page.request.post(`/api/articles/${article.id}/annotations`, {
      data: { start, end: start + otherPassage.length, exact: otherPassage, verdict: 'opinion', rationale: 'A characterisation, not a checkable fact.', submit: true },
    });
    expect(response.status(), await response.text()).toBe(201);
  }

  // Tab to the article and open it.
  await pressUntil(page, 'Tab', async () => (await focused(page)).startsWith('a:Kremlin says Russia is not rejecting'));
  expect(await focusOutline(page)).not.toBe('none');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(new RegExp(`/articles/${article.id}$`));
  // The editor is rebuilt once the live document has synced: start when it has.
  await waitForArticle(page);
  const text = page.getByTestId('article-text');

  // Tab from the top of the page to the article text; its focus is visible.
  await pressUntil(page, 'Tab', async () => (await focused(page)) === 'article-text');
  expect(await focusOutline(page)).not.toBe('none');

  // Down to the second paragraph, to its start, then Shift+→ over "He emphasized".
  await page.keyboard.press('Control+Home');
  await pressUntil(page, 'ArrowDown', async () => (await caret(page)).paragraph === 1);
  await page.keyboard.press('Home');
  for (let i = 0; i < passage.length; i++) await page.keyboard.press('Shift+ArrowRight');
  expect((await caret(page)).text).toBe(passage);

  // Ctrl+Alt+C opens the claim form with the focus in it.
  await page.keyboard.press('Control+Alt+C');
  const form = page.getByRole('form', { name: 'Check claim' });
  await expect(form).toBeVisible();
  await expect(form.locator('blockquote')).toHaveText(passage);
  await expect(form.getByRole('radio').first()).toBeFocused();
  expect(await focusOutline(page)).not.toBe('none');

  // Escape closes the form and gives the focus back to the text, selection intact; reopen.
  await page.keyboard.press('Escape');
  await expect(form).toHaveCount(0);
  await expect(text).toBeFocused();
  await expect.poll(async () => (await caret(page)).text).toBe(passage);
  await page.keyboard.press('Control+Alt+C');
  await expect(form).toBeVisible();
  await expect(form.getByRole('radio').first()).toBeFocused();

  // Space checks the focused verdict; arrows move through the group to Opinion (no source needed).
  await page.keyboard.press('Space');
  await expect(form.getByRole('radio').first()).toBeChecked();
  await pressUntil(page, 'ArrowDown', () => form.getByRole('radio', { name: 'Opinion' }).isChecked(), 12);
  await expect(form.getByRole('radio', { name: 'Opinion' })).toBeFocused();

  // The formatting toolbar is one Tab stop; arrows move along it.
  const toolbar = form.getByRole('toolbar', { name: 'Formatting' });
  await pressUntil(page, 'Tab', () => toolbar.getByRole('button', { name: 'Bold' }).evaluate((button) => button === document.activeElement));
  await page.keyboard.press('ArrowRight');
  await expect(toolbar.getByRole('button', { name: 'Italic' })).toBeFocused();
  // Tab to the rationale (the next stop after the toolbar) and type it; Tab on to Submit and press Enter.
  await page.keyboard.press('Tab');
  await expect(form.getByLabel('Rationale')).toBeFocused();
  await page.keyboard.type('The speaker states his own view; nothing here can be checked.');
  await pressUntil(page, 'Tab', async () => (await focused(page)) === 'button[submit]:Submit');
  expect(await focusOutline(page)).not.toBe('none');
  await page.keyboard.press('Enter');
  await expect(toast(page, 'Annotation submitted.')).toBeVisible();

  const rows = await withDb(async (db) =>
    (
      await db.query(
        `SELECT a.id, a.status, a.rationale, v.key AS verdict, u.email FROM "Annotation" a JOIN "Verdict" v ON v.id = a."verdictId" JOIN "User" u ON u.id = a."authorId"
         WHERE a."quoteExact" = $1 AND a."deletedAt" IS NULL`,
        [passage],
      )
    ).rows,
  );
  expect(rows).toHaveLength(1);
  expect(rows[0]).toMatchObject({ status: 'SUBMITTED', verdict: 'opinion', email: accounts.reviewer.email, rationale: 'The speaker states his own view; nothing here can be checked.' });

  // The new annotation's card is open and has the focus.
  const card = page.getByTestId('annotation-card');
  await expect(card.locator('blockquote').first()).toHaveText(passage);
  await expect(card.getByRole('heading', { level: 2 })).toBeFocused();

  // n and p step through the annotations in text order, opening each card.
  const order = await page.request.get(`/api/articles/${article.id}/annotations`).then(async (r) => ((await r.json()).annotations as { id: string; orphaned: boolean; target: { exact: string } }[]).filter((a) => !a.orphaned));
  const mine = order.findIndex((a) => a.id === rows[0].id);
  const next = order[(mine + 1) % order.length]!.target.exact;
  await page.keyboard.press('n');
  await expect(card.locator('blockquote').first()).toHaveText(next);
  await page.keyboard.press('p');
  await expect(card.locator('blockquote').first()).toHaveText(passage);

  // Tab reaches the card's controls with the focus visible; Escape closes the card, focus back on the text.
  await pressUntil(page, 'Tab', async () => (await focused(page)) === 'button[button]:Close card');
  expect(await focusOutline(page)).not.toBe('none');
  await page.keyboard.press('Escape');
  await expect(card).toHaveCount(0);
  await expect(page.getByRole('region', { name: 'Annotations' })).toBeVisible();
  await expect(text).toBeFocused();

  // From the text, n opens the first annotation again; Escape closes it.
  await page.keyboard.press('n');
  await expect(card).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(card).toHaveCount(0);
});
