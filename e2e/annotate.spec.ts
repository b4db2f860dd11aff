import { test, expect, type Page } from '@playwright/test';
import { accounts, ensureExtraUser, logIn } from './support/accounts';
import { openSeedArticle, selectPassage, waitForArticle } from './support/article';
import { withDb } from './support/database';
import { toast } from './support/toasts';

const firstPassage = 'four documents';
const overlapping = 'details provided within four documents related';

function highlight(page: Page, id: string) {
  return page.locator(`.fc-hl[data-annotation-id="${id}"]`);
}

test('[REVIEWER][ANNOTATE]: check a claim, overlap it, refuse a stranger, approve it, see the history', async ({ browser }) => {
  // Three users' sessions through a whole review: about 40 s here, over 60 s when other runs load the machine.
  test.slow();
  const reviewerB = await ensureExtraUser('reviewer-b@factcheck.local', 'Rafa Reviewer', 'REVIEWER');

  // Reviewer A: highlight "four documents", False, one source, submit.
  const contextA = await browser.newContext();
  const a = await contextA.newPage();
  await logIn(a, accounts.reviewer);
  await openSeedArticle(a);
  await selectPassage(a, firstPassage);
  await a.getByRole('button', { name: /Check claim/ }).click();
  const form = a.getByRole('form', { name: 'Check claim' });
  await expect(form.locator('blockquote')).toHaveText(firstPassage);
  // The passage stays marked in the text while the form has the focus.
  await expect(a.locator('.ProseMirror .fc-hl-pending')).toHaveText(firstPassage);
  await form.getByRole('radio', { name: 'False', exact: true }).check();
  await form.getByLabel('Rationale').fill('The Kremlin readout mentions **no** documents. <script>alert(1)</script>');
  // Submitting without a source is refused before anything is stored.
  await form.getByRole('button', { name: 'Submit' }).click();
  await expect(form.getByText(/needs at least one source/).first()).toBeVisible();
  await form.getByRole('button', { name: '+ Add source' }).click();
  await form.getByLabel('URL').fill('https://www.reuters.com/world/europe/kremlin-peace-plan');
  await form.getByLabel('Title').fill('Kremlin on the US plan');
  await form.getByLabel('Publisher').fill('Reuters');
  await form.getByRole('button', { name: 'Submit' }).click();
  await expect(toast(a, 'Annotation submitted.')).toBeVisible();
  await expect(a.locator('.ProseMirror .fc-hl-pending')).toHaveCount(0);

  const row = await withDb(async (db) => (await db.query(`SELECT id, status FROM "Annotation" WHERE "quoteExact" = $1 AND "deletedAt" IS NULL`, [firstPassage])).rows);
  expect(row).toHaveLength(1);
  expect(row[0].status).toBe('SUBMITTED');
  const firstId: string = row[0].id;

  // After a reload the highlight, verdict and source are there; the script is inert text.
  await a.reload();
  await waitForArticle(a);
  await expect(highlight(a, firstId)).toHaveText(firstPassage);
  await highlight(a, firstId).click();
  const card = a.getByTestId('annotation-card');
  await expect(card.getByText('False', { exact: true })).toBeVisible();
  await expect(card.getByRole('link', { name: 'Kremlin on the US plan' })).toHaveAttribute('href', 'https://www.reuters.com/world/europe/kremlin-peace-plan');
  await expect(card.getByText('<script>alert(1)</script>', { exact: false })).toBeVisible();
  await expect(card.locator('strong', { hasText: 'no' })).toBeVisible();

  // Reviewer B: an overlapping passage; both highlights show and both open their own card.
  const contextB = await browser.newContext();
  const b = await contextB.newPage();
  await logIn(b, reviewerB);
  await openSeedArticle(b);
  await selectPassage(b, overlapping);
  await b.keyboard.press('Control+Alt+C');
  const formB = b.getByRole('form', { name: 'Check claim' });
  await formB.getByRole('radio', { name: 'Unverifiable' }).check();
  await formB.getByRole('button', { name: 'Submit' }).click();
  await expect(toast(b, 'Annotation submitted.')).toBeVisible();
  const secondId: string = await withDb(async (db) => (await db.query(`SELECT id FROM "Annotation" WHERE "quoteExact" = $1`, [overlapping])).rows[0].id);

  await b.reload();
  await waitForArticle(b);
  await expect(highlight(b, firstId)).toHaveText(firstPassage);
  await expect(highlight(b, secondId).first()).toBeVisible();
  expect((await highlight(b, secondId).allTextContents()).join('')).toBe(overlapping);
  await b.getByRole('button', { name: /^↓ Next/ }).click();
  await expect(b.getByTestId('annotation-card').locator('blockquote').first()).toHaveText(overlapping);
  await b.getByRole('button', { name: /^↓ Next/ }).click();
  await expect(b.getByTestId('annotation-card').locator('blockquote').first()).toHaveText(firstPassage);
  // Clicking inside the overlap offers both.
  await b.keyboard.press('Escape');
  await highlight(b, firstId).click();
  await expect(b.getByRole('heading', { name: '2 annotations overlap here' })).toBeVisible();

  // B cannot edit A's annotation: no Edit button, and the API refuses.
  await b.getByRole('button', { name: /Rita Reviewer/ }).click();
  const cardB = b.getByTestId('annotation-card');
  await expect(cardB.getByRole('button', { name: 'Approve' })).toHaveCount(0);
  await expect(cardB.getByRole('button', { name: 'Edit' })).toHaveCount(0);
  const refused = await b.request.patch(`/api/annotations/${firstId}`, { data: { version: 1, rationale: 'hijacked' } });
  expect(refused.status()).toBe(403);
  expect((await refused.json()).message).toMatch(/Only the author, an editor or an admin/);

  // The editor approves it; the history shows both steps.
  const contextE = await browser.newContext();
  const e = await contextE.newPage();
  await logIn(e, accounts.editor);
  await openSeedArticle(e);
  await highlight(e, firstId).click();
  await e.getByRole('button', { name: /Rita Reviewer/ }).click();
  await e.getByTestId('annotation-card').getByRole('button', { name: 'Approve' }).click();
  await expect(toast(e, 'Approved.', { exact: true })).toBeVisible();
  const history = e.getByTestId('annotation-history');
  await expect(history).toContainText('Rita Reviewer created it as “False” (Submitted)');
  await expect(history).toContainText('Eddie Editor approved it');
  const status = await withDb(async (db) => (await db.query(`SELECT status, "statusChangedById" FROM "Annotation" WHERE id = $1`, [firstId])).rows[0]);
  expect(status.status).toBe('APPROVED');

  await Promise.all([contextA.close(), contextB.close(), contextE.close()]);
});

test('[EDITOR][CARD]: the page carries each annotation without its rationale and sources; a card opened on it reads and shows them', async ({ page }) => {
  const stamp = Date.now();
  const text = `The Harwick ferry carries 1,400 passengers a day (${stamp}).\nIts crossing takes eleven minutes.\n`;
  const passage = 'The Harwick ferry carries 1,400 passengers a day';
  const rationale = `The operator's ${stamp} timetable lists **1,150** a day on average.`;
  await logIn(page, accounts.editor);
  const created = await page.request.post('/api/articles', { multipart: { title: `Harwick ferry ${stamp}`, outlet: 'Coast Times', text } });
  const articleId = (await created.json()).article.id as string;
  const annotation = await page.request.post(`/api/articles/${articleId}/annotations`, {
    data: {
      start: 0,
      end: passage.length,
      exact: passage,
      verdict: 'misleading',
      rationale,
      sources: [{ url: 'https://example.org/harwick-timetable', title: `Harwick timetable ${stamp}`, publisher: 'Harwick Ferries', excerpt: 'Average daily passengers: 1,150' }],
      submit: true,
    },
  });
  expect(annotation.status()).toBe(201);
  const annotationId = (await annotation.json()).annotation.id as string;

  // The page itself (its HTML and the data it hydrates from) has the passage, not the details.
  const html = await (await page.request.get(`/articles/${articleId}`)).text();
  expect(html).toContain(passage);
  expect(html).not.toContain(`${stamp} timetable`);
  expect(html).not.toContain(`Harwick timetable ${stamp}`);

  // Opened from a link: the card reads them and shows them.
  await page.goto(`/articles/${articleId}?annotation=${annotationId}`);
  await waitForArticle(page);
  const card = page.getByTestId('annotation-card');
  await expect(card.locator('blockquote').first()).toHaveText(passage);
  await expect(card.locator('strong', { hasText: '1,150' })).toBeVisible();
  await expect(card).toContainText(`The operator's ${stamp} timetable lists`);
  await expect(card.getByRole('link', { name: `Harwick timetable ${stamp}` })).toHaveAttribute('href', 'https://example.org/harwick-timetable');
  await expect(card).toContainText('Average daily passengers: 1,150');
  await expect(card.getByRole('button', { name: 'Edit' })).toBeEnabled();

  // Opened from the list and from its highlight: the same.
  await page.keyboard.press('Escape');
  await page.getByRole('region', { name: 'Annotations' }).getByRole('button', { name: new RegExp(passage) }).click();
  await expect(card.getByRole('link', { name: `Harwick timetable ${stamp}` })).toBeVisible();
  await page.keyboard.press('Escape');
  await page.locator(`.fc-hl[data-annotation-id="${annotationId}"]`).click();
  await expect(card).toContainText(`The operator's ${stamp} timetable lists`);
});
