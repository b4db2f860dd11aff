import { test, expect } from '@playwright/test';
import { accounts, logIn } from './support/accounts';
import { selectPassage, waitForArticle } from './support/article';

test('[EDITOR][NO_LOST_INPUT]: a claim check being written survives a reload and an Escape, is resumed and submitted, or discarded', async ({ page }) => {
  const stamp = Date.now();
  const text = 'The Harlow tram line carried 12 million passengers in its first year.\nFares were cut twice.\n';
  const passage = 'carried 12 million passengers in its first year';
  const other = 'Fares were cut twice';
  const rationale = 'The operator’s annual report gives 9.4 million journeys, not passengers.';

  await logIn(page, accounts.editor);
  const created = await page.request.post('/api/articles', { multipart: { title: `Harlow tram ${stamp}`, outlet: 'Harlow Herald', text } });
  expect(created.status(), await created.text()).toBe(201);
  const articleId = (await created.json()).article.id as string;
  await page.goto(`/articles/${articleId}`);
  await waitForArticle(page);

  // Writing a check…
  await selectPassage(page, passage);
  await page.getByRole('button', { name: /Check claim/ }).click();
  let form = page.getByRole('form', { name: 'Check claim' });
  await form.getByRole('radio', { name: 'Misleading', exact: true }).check();
  await form.getByLabel('Rationale').fill(rationale);

  // …the page reloads (a crash, a closed tab): the check is offered back.
  await page.reload();
  await waitForArticle(page);
  const kept = page.getByTestId('unsaved-check');
  await expect(kept).toContainText(`You have an unsaved check of “${passage}”`);
  await page.screenshot({ path: test.info().outputPath('unsaved-check.png') });
  await kept.getByRole('button', { name: 'Resume' }).click();
  form = page.getByRole('form', { name: 'Check claim' });
  await expect(form.locator('blockquote')).toHaveText(passage);
  await expect(form.getByRole('radio', { name: 'Misleading', exact: true })).toBeChecked();
  await expect(form.getByLabel('Rationale')).toHaveValue(rationale);

  // Escape closes the form and keeps it too.
  await form.getByLabel('Rationale').press('Escape');
  await expect(form).toBeHidden();
  await expect(kept).toBeVisible();
  await kept.getByRole('button', { name: 'Resume' }).click();
  form = page.getByRole('form', { name: 'Check claim' });
  await expect(form.getByLabel('Rationale')).toHaveValue(rationale);
  await form.getByRole('button', { name: '+ Add source' }).click();
  await form.getByLabel('URL').fill('https://example.org/harlow-annual-report');
  await form.getByRole('button', { name: 'Submit' }).click();
  await expect(page.getByTestId('annotation-card')).toContainText(rationale);

  // Saved: nothing is offered any more, after a reload either.
  await page.reload();
  await waitForArticle(page);
  await expect(page.getByTestId('annotation-card').or(page.locator('.annotation-list'))).toBeVisible();
  await expect(kept).toHaveCount(0);

  // Another check, closed and discarded: gone, also after a reload.
  await page.keyboard.press('Escape');
  await selectPassage(page, other);
  await page.getByRole('button', { name: /Check claim/ }).click();
  form = page.getByRole('form', { name: 'Check claim' });
  await form.getByLabel('Rationale').fill('Twice in which period?');
  await form.getByRole('button', { name: 'Cancel' }).click();
  await kept.getByRole('button', { name: 'Discard' }).click();
  await expect(kept).toHaveCount(0);
  await page.reload();
  await waitForArticle(page);
  await expect(kept).toHaveCount(0);
  const stored = await page.request.get(`/api/articles/${articleId}/annotations`);
  expect((await stored.json()).annotations).toHaveLength(1);
});

test('[EDITOR][NO_LOST_INPUT]: a comment stays with its own annotation and survives a reload; unsaved changes to an annotation come back, or start over', async ({ page }) => {
  const stamp = Date.now();
  const text = 'The Sowerby bridge cost 40 million euros.\nIt opened in 2019.\n';
  const first = 'The Sowerby bridge cost 40 million euros';
  const second = 'It opened in 2019';
  await logIn(page, accounts.editor);
  const created = await page.request.post('/api/articles', { multipart: { title: `Sowerby bridge ${stamp}`, outlet: 'Valley Post', text } });
  const articleId = (await created.json()).article.id as string;
  const annotate = async (exact: string, rationale: string) => {
    const start = text.indexOf(exact);
    const res = await page.request.post(`/api/articles/${articleId}/annotations`, { data: { start, end: start + exact.length, exact, verdict: 'true', rationale, sources: [{ url: 'https://example.org/sowerby' }], submit: true } });
    expect(res.status()).toBe(201);
    return (await res.json()).annotation.id as string;
  };
  const firstId = await annotate(first, 'The council accounts say 40 million.');
  await annotate(second, 'Opened in May 2019.');

  // A comment half written on the first annotation…
  await page.goto(`/articles/${articleId}?annotation=${firstId}`);
  await waitForArticle(page);
  const card = page.getByTestId('annotation-card');
  const box = page.getByLabel('Add a comment');
  await box.fill('Do the accounts include the approach roads?');
  // …is not carried to the next one, and is there again on the way back and after a reload.
  await page.getByRole('button', { name: /Next/ }).click();
  await expect(card).toContainText('Opened in May 2019.');
  await expect(box).toHaveValue('');
  await page.getByRole('button', { name: /Previous/ }).click();
  await expect(card).toContainText('The council accounts say 40 million.');
  await expect(box).toHaveValue('Do the accounts include the approach roads?');
  await page.reload();
  await waitForArticle(page);
  await expect(box).toHaveValue('Do the accounts include the approach roads?');
  await page.getByRole('button', { name: 'Comment', exact: true }).click();
  await expect(card).toContainText('Do the accounts include the approach roads?');
  await expect(box).toHaveValue('');
  await page.reload();
  await waitForArticle(page);
  await expect(box).toHaveValue('');

  // Changes to the annotation, closed by mistake, are back the next time; "Start over" drops them.
  await card.getByRole('button', { name: 'Edit', exact: true }).click();
  let form = page.getByRole('form', { name: 'Edit annotation' });
  await form.getByLabel('Rationale').fill('The accounts say 40 million, without the approach roads (12 million more).');
  await form.getByLabel('Rationale').press('Escape');
  await card.getByRole('button', { name: 'Edit', exact: true }).click();
  form = page.getByRole('form', { name: 'Edit annotation' });
  await expect(form.getByTestId('restored-changes')).toBeVisible();
  await expect(form.getByLabel('Rationale')).toHaveValue('The accounts say 40 million, without the approach roads (12 million more).');
  await form.getByRole('button', { name: 'Start over' }).click();
  await expect(form.getByLabel('Rationale')).toHaveValue('The council accounts say 40 million.');
  await form.getByLabel('Rationale').fill('The council accounts say 40 million, roads excluded.');
  await form.getByRole('button', { name: 'Save changes' }).click();
  await expect(card).toContainText('roads excluded');
  await card.getByRole('button', { name: 'Edit', exact: true }).click();
  form = page.getByRole('form', { name: 'Edit annotation' });
  await expect(form.getByTestId('restored-changes')).toHaveCount(0);
  await expect(form.getByLabel('Rationale')).toHaveValue('The council accounts say 40 million, roads excluded.');
});

test('[EDITOR][NO_LOST_INPUT]: an unsaved review summary is back after a reload, with the saved one a click away', async ({ page }) => {
  const stamp = Date.now();
  await logIn(page, accounts.editor);
  const created = await page.request.post('/api/articles', { multipart: { title: `Kelby dam ${stamp}`, outlet: 'Dale Gazette', text: 'The Kelby dam holds 3 billion litres.\n' } });
  const articleId = (await created.json()).article.id as string;
  await page.goto(`/articles/${articleId}/review`);
  const summary = page.getByLabel('Summary', { exact: true });
  await summary.fill('Mostly accurate; the capacity figure is from 1998.');
  await page.getByLabel('Overall rating').selectOption({ label: 'Mostly true' });
  await page.reload();
  await expect(page.getByTestId('restored-summary')).toBeVisible();
  await expect(summary).toHaveValue('Mostly accurate; the capacity figure is from 1998.');
  await expect(page.getByLabel('Overall rating')).toHaveValue('mostly-true');
  await page.getByRole('button', { name: 'Show the saved one' }).click();
  await expect(summary).toHaveValue('');
  await expect(page.getByLabel('Overall rating')).toHaveValue('');
  await summary.fill('Accurate.');
  await page.getByRole('button', { name: 'Save summary' }).click();
  await expect(page.getByText('Summary saved.')).toBeVisible();
  await page.reload();
  await expect(summary).toHaveValue('Accurate.');
  await expect(page.getByTestId('restored-summary')).toHaveCount(0);
});

test('[EDITOR][NO_LOST_INPUT]: a new article being typed keeps its pasted text through a mode switch and a reload, and is gone once created', async ({ page }) => {
  const title = `Ossett market ${Date.now()}`;
  const text = 'The Ossett market reopened with 120 stalls.\nTraders say footfall doubled.';
  await logIn(page, accounts.editor);
  await page.goto('/articles/new');
  await page.locator('html[data-hydrated="true"]').waitFor({ state: 'attached' });
  await page.getByLabel('Title').fill(title);
  await page.getByLabel('Outlet').fill('Ossett Observer');
  await page.getByLabel('Paste text').check();
  await page.getByLabel('Article text (one paragraph per line)').fill(text);
  // Switching to upload and back keeps the text.
  await page.getByLabel('Upload a file').check();
  await page.getByLabel('Paste text').check();
  await expect(page.getByLabel('Article text (one paragraph per line)')).toHaveValue(text);
  // So does a reload.
  await page.reload();
  await expect(page.getByTestId('restored-article')).toBeVisible();
  await expect(page.getByLabel('Title')).toHaveValue(title);
  await expect(page.getByLabel('Article text (one paragraph per line)')).toHaveValue(text);
  await page.getByRole('button', { name: 'Create article' }).click();
  await expect(page.getByRole('heading', { name: title })).toBeVisible();
  await page.goto('/articles/new');
  await page.locator('html[data-hydrated="true"]').waitFor({ state: 'attached' });
  await expect(page.getByTestId('restored-article')).toHaveCount(0);
  await expect(page.getByLabel('Title')).toHaveValue('');
});

test('[EDITOR][CONFLICT]: a save over someone else’s change is a conflict: re-apply mine, or load theirs (and my kept changes go)', async ({ page }) => {
  const stamp = Date.now();
  const text = 'The Thornby ring road cut commutes by 15 minutes.\n';
  const exact = 'cut commutes by 15 minutes';
  await logIn(page, accounts.editor);
  const created = await page.request.post('/api/articles', { multipart: { title: `Thornby ring road ${stamp}`, outlet: 'Thornby Times', text } });
  const articleId = (await created.json()).article.id as string;
  const start = text.indexOf(exact);
  const made = await page.request.post(`/api/articles/${articleId}/annotations`, { data: { start, end: start + exact.length, exact, verdict: 'true', rationale: 'Council survey.', sources: [{ url: 'https://example.org/thornby' }], submit: true } });
  const id = (await made.json()).annotation.id as string;
  const changeElsewhere = async (rationale: string) => {
    const current = (await (await page.request.get(`/api/annotations/${id}`)).json()).annotation;
    expect((await page.request.patch(`/api/annotations/${id}`, { data: { version: current.version, rationale } })).status()).toBe(200);
  };

  await page.goto(`/articles/${articleId}?annotation=${id}`);
  await waitForArticle(page);
  const card = page.getByTestId('annotation-card');
  const dialog = page.getByRole('alertdialog', { name: 'Someone else changed this annotation' });

  // Mine saved over theirs: told, then re-applied on top of theirs.
  await card.getByRole('button', { name: 'Edit', exact: true }).click();
  let form = page.getByRole('form', { name: 'Edit annotation' });
  await form.getByLabel('Rationale').fill('Mine: the survey covered peak hours only.');
  await changeElsewhere('Theirs: council survey, 2024.');
  await form.getByRole('button', { name: 'Save changes' }).click();
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: 'Re-apply my changes' }).click();
  await expect(card).toContainText('Mine: the survey covered peak hours only.');
  expect((await (await page.request.get(`/api/annotations/${id}`)).json()).annotation.rationale).toBe('Mine: the survey covered peak hours only.');

  // Changes kept from before someone else's save: a conflict too; loading theirs drops mine.
  await card.getByRole('button', { name: 'Edit', exact: true }).click();
  form = page.getByRole('form', { name: 'Edit annotation' });
  await form.getByLabel('Rationale').fill('Mine again.');
  await form.getByLabel('Rationale').press('Escape');
  await changeElsewhere('Theirs again.');
  await page.reload();
  await waitForArticle(page);
  await card.getByRole('button', { name: 'Edit', exact: true }).click();
  form = page.getByRole('form', { name: 'Edit annotation' });
  await expect(form.getByTestId('restored-changes')).toBeVisible();
  await form.getByRole('button', { name: 'Save changes' }).click();
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: 'Load their version' }).click();
  await expect(card).toContainText('Theirs again.');
  await card.getByRole('button', { name: 'Edit', exact: true }).click();
  form = page.getByRole('form', { name: 'Edit annotation' });
  await expect(form.getByTestId('restored-changes')).toHaveCount(0);
  await expect(form.getByLabel('Rationale')).toHaveValue('Theirs again.');
});
