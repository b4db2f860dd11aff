import { test, expect, request as playwrightRequest, type APIRequestContext } from '@playwright/test';
import { accounts, logIn } from './support/accounts';
import { withDb } from './support/database';

// An integration's view of the REST API over real HTTP: a personal API token, no cookies. Creating
// annotations this way is answered by server/web-server.ts directly (the route handler without
// Next's router around it), so this checks that path behaves as the route does everywhere else:
// status codes, JSON errors naming the field, idempotency, security headers, and the stored result.

const ARTICLE_TEXT = [
  'The city council approved a budget of 4.2 million euros for the new library on Tuesday.',
  'Construction is expected to begin in March and to last eighteen months, the mayor said.',
].join('\n\n');

let api: APIRequestContext;
let secret: string;
let articleId: string;
/** The text as stored (the import normalizes paragraph breaks), which offsets count in. */
let storedText: string;

test.beforeAll(async ({ browser, baseURL }) => {
  // The editor signs in, creates a token and an article of this spec's own (other specs count the seed's annotations).
  const page = await browser.newPage();
  await logIn(page, accounts.editor);
  const token = await page.request.post('/api/tokens', { data: { name: `e2e api client ${Date.now()}` } });
  expect(token.status()).toBe(201);
  secret = (await token.json()).secret;
  const article = await page.request.post('/api/articles', {
    multipart: { title: `API client article ${Date.now()}`, outlet: 'E2E Gazette', text: ARTICLE_TEXT },
  });
  expect(article.status()).toBe(201);
  articleId = (await article.json()).article.id;
  storedText = await withDb(async (db) => (await db.query('SELECT text FROM "Article" WHERE id = $1', [articleId])).rows[0].text);
  await page.close();
  api = await playwrightRequest.newContext({ baseURL, extraHTTPHeaders: { authorization: `Bearer ${secret}` } });
});

test.afterAll(async () => {
  await api?.dispose();
});

function passage(exact: string) {
  const start = storedText.indexOf(exact);
  expect(start).toBeGreaterThanOrEqual(0);
  return { start, end: start + exact.length, exact };
}

const source = { url: 'https://example.org/council-minutes', title: 'Council minutes', publisher: 'City council' };

test('an API client creates an annotation with a token: 201, stored with its sources, listed, with the security headers', async () => {
  const response = await api.post(`/api/articles/${articleId}/annotations`, {
    data: { ...passage('4.2 million euros'), verdict: 'true', rationale: 'Matches the **published** budget.', sources: [source], submit: true },
  });
  expect(response.status()).toBe(201);
  expect(response.headers()['x-content-type-options']).toBe('nosniff');
  expect(response.headers()['content-type']).toContain('application/json');
  const { annotation } = await response.json();
  expect(annotation).toMatchObject({ status: 'SUBMITTED', verdict: { key: 'true' }, target: { exact: '4.2 million euros' } });
  expect(annotation.sources).toEqual([expect.objectContaining({ url: source.url, title: source.title })]);

  // Read back through Next's own routing: the same annotation, as stored.
  const listed = await api.get(`/api/articles/${articleId}/annotations`);
  expect(listed.status()).toBe(200);
  const stored = (await listed.json()).annotations.find((a: { id: string }) => a.id === annotation.id);
  expect(stored).toMatchObject({ status: 'SUBMITTED', rationale: 'Matches the **published** budget.', target: { exact: '4.2 million euros' } });
  expect(stored.sources.map((s: { url: string }) => s.url)).toEqual([source.url]);
});

test('a retried create with the same Idempotency-Key returns the first annotation instead of a second one', async () => {
  const body = { ...passage('eighteen months'), verdict: 'unverifiable', rationale: 'No schedule published yet.', sources: [], submit: true };
  const key = `e2e-retry-${Date.now()}`;
  const [first, second] = await Promise.all([
    api.post(`/api/articles/${articleId}/annotations`, { data: body, headers: { 'idempotency-key': key } }),
    api.post(`/api/articles/${articleId}/annotations`, { data: body, headers: { 'idempotency-key': key } }),
  ]);
  expect([first.status(), second.status()].sort()).toEqual([200, 201]);
  const third = await api.post(`/api/articles/${articleId}/annotations`, { data: body, headers: { 'idempotency-key': key } });
  expect(third.status()).toBe(200);
  const ids = new Set([(await first.json()).annotation.id, (await second.json()).annotation.id, (await third.json()).annotation.id]);
  expect(ids.size).toBe(1);
  const listed = (await (await api.get(`/api/articles/${articleId}/annotations`)).json()).annotations;
  expect(listed.filter((a: { target: { exact: string } }) => a.target.exact === 'eighteen months')).toHaveLength(1);
});

test('bad requests get a JSON error naming what is wrong, and store nothing', async ({ baseURL }) => {
  const url = `/api/articles/${articleId}/annotations`;
  const before = (await (await api.get(url)).json()).annotations.length;

  const invalid = await api.post(url, { data: { ...passage('the mayor said'), verdict: 'true', rationale: 'x', sources: [{ url: 'not a url' }], submit: true } });
  expect(invalid.status()).toBe(422);
  expect(await invalid.json()).toMatchObject({ error: 'UNPROCESSABLE', field: 'sources.0.url' });

  const unknownVerdict = await api.post(url, { data: { ...passage('the mayor said'), verdict: 'no-such-verdict', rationale: 'x', sources: [], submit: false } });
  expect(unknownVerdict.status()).toBe(422);
  expect(await unknownVerdict.json()).toMatchObject({ field: 'verdict' });

  const moved = await api.post(url, { data: { ...passage('the mayor said'), exact: 'the mayor sang', verdict: 'true', rationale: 'x', sources: [source], submit: true } });
  expect(moved.status()).toBe(409);
  expect(await moved.json()).toMatchObject({ field: 'exact' });

  const notJson = await api.post(url, { data: Buffer.from('{"start": 1,'), headers: { 'content-type': 'application/json' } });
  expect(notJson.status()).toBe(400);
  expect((await notJson.json()).message).toMatch(/not valid JSON/);

  const tooLarge = await api.post(url, { data: { ...passage('the mayor said'), verdict: 'true', rationale: 'x'.repeat(300 * 1024), sources: [source] } });
  expect(tooLarge.status()).toBe(413);

  const noArticle = await api.post('/api/articles/no-such-article/annotations', { data: { ...passage('the mayor said'), verdict: 'true', rationale: 'x', sources: [source] } });
  expect(noArticle.status()).toBe(404);

  const stranger = await playwrightRequest.newContext({ baseURL, extraHTTPHeaders: { authorization: 'Bearer fcd_not-a-real-token' } });
  const refused = await stranger.post(url, { data: { ...passage('the mayor said'), verdict: 'true', rationale: 'x', sources: [source] } });
  expect(refused.status()).toBe(401);
  expect(await refused.json()).toMatchObject({ error: 'UNAUTHENTICATED' });
  await stranger.dispose();

  expect((await (await api.get(url)).json()).annotations).toHaveLength(before);
});

test('a revoked token is refused at once', async ({ browser, baseURL }) => {
  const page = await browser.newPage();
  await logIn(page, accounts.editor);
  const created = await page.request.post('/api/tokens', { data: { name: `e2e revoked ${Date.now()}` } });
  const { token, secret: revokedSecret } = await created.json();
  const client = await playwrightRequest.newContext({ baseURL, extraHTTPHeaders: { authorization: `Bearer ${revokedSecret}` } });
  const body = { ...passage('on Tuesday'), verdict: 'true', rationale: 'Dated in the minutes.', sources: [source], submit: true };
  expect((await client.post(`/api/articles/${articleId}/annotations`, { data: body })).status()).toBe(201);
  expect((await page.request.delete(`/api/tokens/${token.id}`)).status()).toBeLessThan(300);
  expect((await client.post(`/api/articles/${articleId}/annotations`, { data: body })).status()).toBe(401);
  await client.dispose();
  await page.close();
});
