import { test, expect, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { accounts, logIn, ensureExtraUser } from './support/accounts';
import { openSeedArticle } from './support/article';
import { withDb } from './support/database';

// Every main page, in the light and the dark colour scheme, must have no WCAG 2.0/2.1 A and AA
// violation that axe rates serious or critical. Each page is checked in every state a user sees
// it in (the annotate page with highlights, with the claim form open, with a card open).

const wcagTags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
const schemes = ['light', 'dark'] as const;
// Passages no other spec annotates (some look theirs up by quote or rely on text order), one inside the other.
const outerPassage = 'faces criticism for his perceived inability or unwillingness to compromise';
const innerPassage = 'perceived inability';

async function checkPage(page: Page, label: string): Promise<void> {
  // Fonts and client components settle before axe measures colours and names.
  await page.waitForLoadState('networkidle').catch(() => {});
  // After a client-side refresh Next streams the page's <title> back in; wait for it.
  await expect(page).toHaveTitle(/\S/);
  const results = await new AxeBuilder({ page }).withTags(wcagTags).analyze();
  const minor = results.violations.filter((v) => v.impact !== 'serious' && v.impact !== 'critical');
  if (minor.length) console.log(`axe (not failing): ${label}: ${minor.map((v) => `${v.id} [${v.impact}] ×${v.nodes.length}`).join(', ')}`);
  expect(results.passes.length, `${label}: axe ran no checks`).toBeGreaterThan(0);
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  const report = serious
    .map((v) => [`  [${v.impact}] ${v.id}: ${v.help} (${v.helpUrl})`, ...v.nodes.map((n) => `      ${n.target.join(' ')}${n.failureSummary ? ` — ${n.failureSummary.replace(/\s+/g, ' ')}` : ''}`)].join('\n'))
    .join('\n');
  if (serious.length) console.log(`axe: ${label}\n${report}`);
  expect.soft(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`), `${label}: serious or critical accessibility violations:\n${report}`).toEqual([]);
}

async function seedArticle(): Promise<{ id: string; text: string }> {
  return withDb(async (db) => (await db.query(`SELECT id, text FROM "Article" WHERE slug = 'kremlin-not-rejecting-us-peace-initiative'`)).rows[0]);
}

/** Two overlapping annotations on the seed article (one with a source), made once through the API. */
async function ensureAnnotations(page: Page): Promise<void> {
  const article = await seedArticle();
  const annotations = [
    {
      passage: outerPassage,
      verdict: 'misleading',
      rationale: 'Leaves out that the proposal asked Ukraine to give up territory.',
      sources: [{ url: 'https://example.org/peace-plan', title: 'Text of the US proposal', publisher: 'Example News' }],
    },
    {
      passage: innerPassage,
      verdict: 'opinion',
      rationale: 'A characterisation, not a checkable fact.',
      sources: [],
    },
  ];
  for (const a of annotations) {
    const exists = await withDb(async (db) => (await db.query(`SELECT 1 FROM "Annotation" WHERE "articleId" = $1 AND "quoteExact" = $2 AND "deletedAt" IS NULL`, [article.id, a.passage])).rowCount);
    if (exists) continue;
    const start = article.text.indexOf(a.passage);
    expect(start, a.passage).toBeGreaterThanOrEqual(0);
    const response = await page.request.post(`/api/articles/${article.id}/annotations`, {
      data: { start, end: start + a.passage.length, exact: a.passage, verdict: a.verdict, rationale: a.rationale, sources: a.sources, submit: true },
    });
    expect(response.status(), await response.text()).toBe(201);
  }
}

for (const scheme of schemes) {
  test.describe(`${scheme} colour scheme`, () => {
    test.beforeEach(async ({ page }) => {
      await page.emulateMedia({ colorScheme: scheme });
    });

    test(`[ANONYMOUS][A11Y][${scheme}]: login and invitation pages`, async ({ page }) => {
      await page.goto('/login', { waitUntil: 'networkidle' });
      await expect(page.getByRole('heading', { name: 'Sign in to Factcheck desk' })).toBeVisible();
      await checkPage(page, `login (${scheme})`);

      await page.getByLabel('E-mail').fill(accounts.reviewer.email);
      await page.getByLabel('Password').fill('not-the-password');
      await page.getByRole('button', { name: 'Sign in' }).click();
      await expect(page.locator('.form-error')).toBeVisible();
      await checkPage(page, `login with an error (${scheme})`);

      await page.goto('/invite/not-a-real-invitation-token');
      await expect(page.getByRole('heading', { name: 'Set your password' })).toBeVisible();
      await expect(page.locator('.form-error')).toBeVisible();
      await checkPage(page, `invitation with an invalid token (${scheme})`);
    });

    test(`[ADMIN][A11Y][${scheme}]: every signed-in page`, async ({ page }) => {
      // Twenty-odd pages and states, each measured by axe: more than the default minute on a busy machine.
      test.setTimeout(240_000);
      await logIn(page, accounts.admin);
      await ensureAnnotations(page);

      await page.goto('/articles');
      await expect(page.getByRole('heading', { name: 'Articles', level: 1 })).toBeVisible();
      await expect(page.getByTestId('verdict-mix-chart')).toBeVisible();
      await checkPage(page, `articles list with the dashboard (${scheme})`);

      await page.goto('/articles/new');
      await expect(page.getByRole('heading', { name: 'New article' })).toBeVisible();
      await checkPage(page, `new article (${scheme})`);
      await page.getByLabel('Paste text').check();
      await expect(page.getByLabel(/Article text/)).toBeVisible();
      await checkPage(page, `new article, paste mode (${scheme})`);

      // The annotate page: highlights and the list of annotations.
      await openSeedArticle(page);
      await expect(page.locator('.fc-hl-badge')).not.toHaveCount(0);
      await expect(page.getByTestId('connection-state')).not.toHaveText('Connecting…');
      await checkPage(page, `annotate page with annotations (${scheme})`);

      // The claim form for a selected passage.
      await page.getByTestId('article-text').evaluate((root) => {
        const paragraph = root.querySelectorAll('p')[1]!;
        const text = paragraph.firstChild as Text;
        const range = document.createRange();
        range.setStart(text, 3);
        range.setEnd(text, 12);
        (root as HTMLElement).focus();
        window.getSelection()!.removeAllRanges();
        window.getSelection()!.addRange(range);
      });
      await expect(page.getByRole('button', { name: /Check claim/ })).toBeVisible();
      await checkPage(page, `annotate page with a selection (${scheme})`);
      await page.keyboard.press('Control+Alt+C');
      const form = page.getByRole('form', { name: 'Check claim' });
      await expect(form).toBeVisible();
      await form.getByRole('radio', { name: 'False', exact: true }).check();
      await checkPage(page, `claim form (${scheme})`);
      await form.getByRole('button', { name: 'Submit' }).click();
      await expect(form.getByText(/needs at least one source/).first()).toBeVisible();
      await checkPage(page, `claim form with an error (${scheme})`);
      await form.getByRole('button', { name: '+ Add source' }).click();
      await expect(form.getByLabel('URL')).toBeVisible();
      await checkPage(page, `claim form with a source (${scheme})`);
      await form.getByRole('button', { name: 'Cancel' }).click();

      // A card, then the choice between overlapping annotations.
      await page.getByRole('button', { name: /^↓ Next/ }).first().click();
      const card = page.getByTestId('annotation-card');
      await expect(card).toBeVisible();
      await expect(page.getByTestId('annotation-history')).toBeVisible();
      await checkPage(page, `annotation card (${scheme})`);
      await page.keyboard.press('Escape');
      // A click only opens cards when no passage is selected: the first one may just collapse the
      // earlier selection (and a second within 500 ms would be a double click).
      const overlap = page.locator('.fc-hl .fc-hl').filter({ hasText: innerPassage });
      await overlap.click();
      await page.waitForTimeout(600);
      if (!(await page.getByRole('heading', { name: /annotations overlap here/ }).isVisible())) await overlap.click();
      await expect(page.getByRole('heading', { name: /annotations overlap here/ })).toBeVisible();
      await checkPage(page, `overlapping annotations (${scheme})`);

      // The export menu, open.
      await page.getByText('Export report').click();
      await expect(page.getByRole('button', { name: 'Download' })).toBeVisible();
      await checkPage(page, `export menu (${scheme})`);

      // The review page (with the blind review switch and the disagreements view), and the text history.
      const { id: seedId } = await seedArticle();
      await page.goto(`/articles/${seedId}/review`);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(/^Review: /);
      await expect(page.getByLabel('Blind double review')).toBeVisible();
      await checkPage(page, `review page (${scheme})`);
      await page.goto(`/articles/${seedId}/revisions`);
      await expect(page.getByRole('heading', { name: 'Text history', level: 1 })).toBeVisible();
      await checkPage(page, `text history (${scheme})`);

      // Search, with results of both kinds (the annotations made above) and the matches marked.
      await page.goto('/search?q=compromise');
      await expect(page.getByTestId('annotation-hit').first()).toBeVisible();
      await expect(page.getByTestId('article-hit').first()).toBeVisible();
      await checkPage(page, `search results (${scheme})`);

      await page.goto('/notifications');
      await expect(page.getByRole('heading', { name: 'Notifications', level: 1 })).toBeVisible();
      await checkPage(page, `notifications (${scheme})`);

      await page.goto('/api-docs');
      await expect(page.getByRole('heading', { name: 'API', level: 1 })).toBeVisible();
      await checkPage(page, `API docs (${scheme})`);

      await page.goto('/account');
      await expect(page.getByRole('heading', { name: 'Account', level: 1 })).toBeVisible();
      await checkPage(page, `account (${scheme})`);

      // The users list with a deactivated account among them, then a new user with their invitation link.
      const inactive = await ensureExtraUser('a11y-deactivated@factcheck.local', 'Dana Deactivated', 'REVIEWER');
      await withDb((db) => db.query(`UPDATE "User" SET active = false WHERE email = $1`, [inactive.email]));
      await page.goto('/admin/users');
      await expect(page.getByRole('heading', { name: 'Users', level: 1 })).toBeVisible();
      await expect(page.getByTestId('user-card').filter({ hasText: 'Dana Deactivated' })).toBeVisible();
      await checkPage(page, `admin users (${scheme})`);
      await page.getByLabel('Name', { exact: true }).fill('Ivy Invited');
      await page.getByLabel('E-mail', { exact: true }).fill(`a11y-invited-${scheme}-${Date.now()}@factcheck.local`);
      await page.getByRole('button', { name: 'Add user' }).click();
      await expect(page.locator('.form-success')).toBeVisible();
      await checkPage(page, `admin users, a user added (${scheme})`);
      await page.getByTestId('user-card').first().getByRole('button', { name: /^Edit/ }).click();
      await checkPage(page, `admin users, editing a user (${scheme})`);

      await page.goto('/admin/verdicts');
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      await checkPage(page, `admin verdict scale (${scheme})`);

      await page.goto('/admin/audit');
      await expect(page.getByRole('heading', { name: 'Audit log', level: 1 })).toBeVisible();
      await checkPage(page, `admin audit log (${scheme})`);
    });

    test(`[REVIEWER][A11Y][${scheme}]: the annotate page as a reviewer`, async ({ page }) => {
      await logIn(page, accounts.reviewer);
      await ensureAnnotations(page);
      await openSeedArticle(page);
      await expect(page.locator('.fc-hl-badge')).not.toHaveCount(0);
      await checkPage(page, `annotate page as a reviewer (${scheme})`);
    });
  });
}
