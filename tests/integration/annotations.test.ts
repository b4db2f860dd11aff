import { beforeAll, describe, expect, it } from 'vitest';
import { readFile } from 'node:fs/promises';
import * as articleAnnotations from '@/app/api/articles/[id]/annotations/route';
import * as annotationRoute from '@/app/api/annotations/[id]/route';
import * as statusRoute from '@/app/api/annotations/[id]/status/route';
import * as commentsRoute from '@/app/api/annotations/[id]/comments/route';
import * as threadRoute from '@/app/api/annotations/[id]/thread/route';
import * as historyRoute from '@/app/api/annotations/[id]/history/route';
import { seedDatabase } from '@/lib/seed/seed-database';
import { apiTokenFor, call } from '../support/api';
import { createArticle, createUser, db } from '../support/db';
import { summarizeAnnotation } from '@/lib/annotations/annotation-summary';

let text: string;
let articleId: string;
const tokens: Record<'reviewer' | 'reviewer2' | 'editor', string> = { reviewer: '', reviewer2: '', editor: '' };
const ids: Record<'reviewer' | 'reviewer2' | 'editor', string> = { reviewer: '', reviewer2: '', editor: '' };

const source = { url: 'https://www.kremlin.ru/events/president/news', title: 'Kremlin readout', publisher: 'Kremlin', excerpt: 'four documents', accessedAt: '2025-12-03' };

function range(passage: string) {
  const start = text.indexOf(passage);
  if (start < 0) throw new Error(`not in text: ${passage}`);
  return { start, end: start + passage.length, exact: passage };
}

const create = (token: string, body: unknown, headers: Record<string, string> = {}) =>
  call(articleAnnotations.POST, 'POST', { token, body, headers, params: { id: articleId } });

beforeAll(async () => {
  await seedDatabase(db, { SEED_ADMIN_PASSWORD: 'x'.repeat(16), SEED_EDITOR_PASSWORD: 'y'.repeat(16), SEED_REVIEWER_PASSWORD: 'z'.repeat(16) } as unknown as NodeJS.ProcessEnv);
  text = await readFile('prisma/seed-data/article.txt', 'utf8');
  articleId = (await createArticle(text)).id;
  for (const [key, role] of [['reviewer', 'REVIEWER'], ['reviewer2', 'REVIEWER'], ['editor', 'EDITOR']] as const) {
    const user = await createUser(role);
    ids[key] = user.id;
    tokens[key] = await apiTokenFor(user.id);
  }
});

describe('annotations API', () => {
  it('creates an annotation with its sources, anchored with quote and position selectors in UTF-16 units', async () => {
    const passage = '“a search for compromise,”';
    const res = await create(tokens.reviewer, { ...range(passage), verdict: 'false', rationale: 'No source says so.', sources: [source], submit: true });
    expect(res.status).toBe(201);
    const a = res.json.annotation;
    expect(a).toMatchObject({ status: 'SUBMITTED', version: 1, verdict: { key: 'false', label: 'False' }, rationale: 'No source says so.' });
    expect(a.target.exact).toBe(passage);
    expect(text.slice(a.target.start, a.target.end)).toBe(passage);
    expect(a.target.prefix).toBe(text.slice(a.target.start - 32, a.target.start));
    expect(a.target.suffix).toBe(text.slice(a.target.end, a.target.end + 32));
    expect(a.sources).toEqual([{ id: expect.any(String), evidence: null, ...source }]);
    const listed = await call(articleAnnotations.GET, 'GET', { token: tokens.reviewer2, params: { id: articleId } });
    expect(listed.json.annotations.map((x: { id: string }) => x.id)).toContain(a.id);
    // The article page's summary of it (view=summary) is what the page derives from a write's answer.
    const summaries = await call(articleAnnotations.GET, 'GET', { token: tokens.reviewer2, params: { id: articleId }, path: `/api/articles/${articleId}/annotations?view=summary` });
    expect(summaries.status).toBe(200);
    expect(summaries.json.annotations.map((x: { id: string }) => x.id)).toEqual(listed.json.annotations.map((x: { id: string }) => x.id));
    expect(summaries.json.annotations.find((x: { id: string }) => x.id === a.id)).toEqual(summarizeAnnotation(a));
    const badView = await call(articleAnnotations.GET, 'GET', { token: tokens.reviewer2, params: { id: articleId }, path: `/api/articles/${articleId}/annotations?view=everything` });
    expect(badView.status).toBe(422);
    expect(badView.json.field).toBe('view');
    // What the create answered is exactly what is stored (times included), and its history has the creation.
    const stored = await call(annotationRoute.GET, 'GET', { token: tokens.reviewer2, params: { id: a.id } });
    expect(stored.json.annotation).toEqual(a);
    expect(Math.abs(Date.parse(a.createdAt) - Date.now())).toBeLessThan(60_000);
    expect(a.statusChangedAt).toBe(a.createdAt);
    const history = await call(historyRoute.GET, 'GET', { token: tokens.reviewer2, params: { id: a.id } });
    expect(history.json.history).toEqual([expect.objectContaining({ kind: 'created', actor: expect.objectContaining({ id: ids.reviewer }) })]);
  });

  it('never creates a duplicate for a retried request with the same idempotency key', async () => {
    const body = { ...range('four documents'), verdict: null, rationale: 'draft' };
    const key = `retry-${Date.now()}-${Math.random().toString(36).slice(2)}`;
    const headers = { 'idempotency-key': key };
    const [first, second] = await Promise.all([create(tokens.reviewer, body, headers), create(tokens.reviewer, body, headers)]);
    const third = await create(tokens.reviewer, body, headers);
    expect([first.status, second.status].sort()).toEqual([200, 201]);
    expect(third.status).toBe(200);
    expect(new Set([first.json.annotation.id, second.json.annotation.id, third.json.annotation.id]).size).toBe(1);
    expect(await db.annotation.count({ where: { idempotencyKey: key } })).toBe(1);
    // The key belongs to its user: another reviewer using it creates their own.
    const other = await create(tokens.reviewer2, body, headers);
    expect(other.status).toBe(201);
    expect(other.json.annotation.id).not.toBe(first.json.annotation.id);
  });

  it('anchors on the text and verdict as they are now, when another process has corrected the article or changed the verdict', async () => {
    const own = await createArticle('The budget grew by 4 percent.\nExports fell sharply.\n');
    const post = (body: unknown) => call(articleAnnotations.POST, 'POST', { token: tokens.editor, body, params: { id: own.id } });
    const first = await post({ start: 19, end: 28, exact: '4 percent', verdict: 'false', rationale: 'r' });
    expect(first.status).toBe(201);
    // Corrected elsewhere (another web process, the collaboration server): the text moved on a version.
    await db.article.update({ where: { id: own.id }, data: { text: 'The budget grew by 3.5 percent.\nExports fell sharply.\n', version: { increment: 1 } } });
    const moved = await post({ start: 19, end: 30, exact: '3.5 percent', verdict: 'false', rationale: 'r' });
    expect(moved.status).toBe(201);
    expect(moved.json.annotation.target).toMatchObject({ exact: '3.5 percent', start: 19, end: 30, suffix: '.\nExports fell sharply.\n' });
    // Corrected again after the passage only: the passage still fits the text last read, but the
    // anchor (its suffix) is taken from the text as it is now.
    await db.article.update({ where: { id: own.id }, data: { text: 'The budget grew by 3.5 percent.\nExports rose.\n', version: { increment: 1 } } });
    const after = await post({ start: 19, end: 30, exact: '3.5 percent', verdict: 'false', rationale: 'r' });
    expect(after.status).toBe(201);
    expect(after.json.annotation.target.suffix).toBe('.\nExports rose.\n');
    // A passage of the old text is now refused, even at offsets that fit.
    const stale = await post({ start: 19, end: 28, exact: '4 percent', verdict: 'false', rationale: 'r' });
    expect(stale.status).toBe(409);
    expect(stale.json.field).toBe('exact');
    // The verdict's label changed elsewhere: the answer carries the new one.
    const verdict = await db.verdict.findUniqueOrThrow({ where: { key: 'false' } });
    await db.verdict.update({ where: { key: 'false' }, data: { label: 'Not true' } });
    try {
      const relabelled = await post({ start: 32, end: 39, exact: 'Exports', verdict: 'false', rationale: 'r' });
      expect(relabelled.status).toBe(201);
      expect(relabelled.json.annotation.verdict).toMatchObject({ key: 'false', label: 'Not true' });
    } finally {
      await db.verdict.update({ where: { key: 'false' }, data: { label: verdict.label } });
    }
    expect(await db.annotation.count({ where: { articleId: own.id } })).toBe(4);
  });

  it('refuses a stale update with 409 and the current state, and keeps the winner', async () => {
    const created = (await create(tokens.reviewer, { ...range('Jared Kushner'), verdict: 'true', sources: [source] })).json.annotation;
    const first = await call(annotationRoute.PATCH, 'PATCH', { token: tokens.reviewer, params: { id: created.id }, body: { version: 1, rationale: 'first' } });
    expect(first.status).toBe(200);
    expect(first.json.annotation.version).toBe(2);
    const stale = await call(annotationRoute.PATCH, 'PATCH', { token: tokens.editor, params: { id: created.id }, body: { version: 1, rationale: 'second' } });
    expect(stale.status).toBe(409);
    expect(stale.json).toMatchObject({ error: 'CONFLICT', field: 'version', current: { version: 2, rationale: 'first' } });
    expect((await db.annotation.findUniqueOrThrow({ where: { id: created.id } })).rationale).toBe('first');
  });

  it('lets only the author, an editor or an admin edit or delete; deletion is soft and audited', async () => {
    const a = (await create(tokens.reviewer, { ...range('Steve Witkoff'), verdict: 'opinion' })).json.annotation;
    const byOther = await call(annotationRoute.PATCH, 'PATCH', { token: tokens.reviewer2, params: { id: a.id }, body: { version: 1, rationale: 'hijack' } });
    expect(byOther.status).toBe(403);
    const deleteByOther = await call(annotationRoute.DELETE, 'DELETE', { token: tokens.reviewer2, params: { id: a.id } });
    expect(deleteByOther.status).toBe(403);
    const byEditor = await call(annotationRoute.PATCH, 'PATCH', { token: tokens.editor, params: { id: a.id }, body: { version: 1, rationale: 'editor note' } });
    expect(byEditor.status).toBe(200);
    const deleted = await call(annotationRoute.DELETE, 'DELETE', { token: tokens.reviewer, params: { id: a.id } });
    expect(deleted.status).toBe(204);
    const row = await db.annotation.findUniqueOrThrow({ where: { id: a.id } });
    expect(row.deletedAt).not.toBeNull();
    expect(row.deletedById).toBe(ids.reviewer);
    expect(await db.auditEvent.count({ where: { action: 'annotation.deleted', targetId: a.id } })).toBe(1);
    expect((await call(annotationRoute.GET, 'GET', { token: tokens.reviewer, params: { id: a.id } })).status).toBe(404);
  });

  it('runs the review workflow with who and when, keeps every change as history', async () => {
    const a = (await create(tokens.reviewer, { ...range('Vladimir Putin'), verdict: 'true' })).json.annotation;
    // Submitting a True verdict without a source is refused, naming the field.
    const noSource = await call(statusRoute.POST, 'POST', { token: tokens.reviewer, params: { id: a.id }, body: { version: 1, action: 'submit' } });
    expect(noSource.status).toBe(422);
    expect(noSource.json.field).toBe('sources');
    await call(annotationRoute.PATCH, 'PATCH', { token: tokens.reviewer, params: { id: a.id }, body: { version: 1, sources: [source] } });
    const approveDraft = await call(statusRoute.POST, 'POST', { token: tokens.editor, params: { id: a.id }, body: { version: 2, action: 'approve' } });
    expect(approveDraft.status).toBe(409);
    const submitted = await call(statusRoute.POST, 'POST', { token: tokens.reviewer, params: { id: a.id }, body: { version: 2, action: 'submit' } });
    expect(submitted.json.annotation.status).toBe('SUBMITTED');
    const selfApprove = await call(statusRoute.POST, 'POST', { token: tokens.reviewer, params: { id: a.id }, body: { version: 3, action: 'approve' } });
    expect(selfApprove.status).toBe(403);
    const approved = await call(statusRoute.POST, 'POST', { token: tokens.editor, params: { id: a.id }, body: { version: 3, action: 'approve' } });
    expect(approved.json.annotation).toMatchObject({ status: 'APPROVED', statusChangedBy: { id: ids.editor } });
    expect(approved.json.annotation.statusChangedAt).toEqual(expect.any(String));
    const back = await call(statusRoute.POST, 'POST', { token: tokens.editor, params: { id: a.id }, body: { version: 4, action: 'request_changes', note: 'Need a primary source' } });
    expect(back.json.annotation.status).toBe('CHANGES_REQUESTED');

    await call(commentsRoute.POST, 'POST', { token: tokens.reviewer2, params: { id: a.id }, body: { body: 'I agree' } });
    const history = await call(historyRoute.GET, 'GET', { token: tokens.reviewer, params: { id: a.id } });
    expect(history.json.history.map((h: { kind: string }) => h.kind)).toEqual(['created', 'updated', 'submitted', 'approved', 'changes_requested', 'commented']);
    expect(history.json.history[4].data).toMatchObject({ from: 'APPROVED', to: 'CHANGES_REQUESTED', note: 'Need a primary source' });
    expect(await db.auditEvent.count({ where: { action: 'annotation.approved', targetId: a.id } })).toBe(1);
  });

  it('keeps a comment thread that any signed-in user can resolve and reopen', async () => {
    const a = (await create(tokens.reviewer, { ...range('Dmitry Peskov') })).json.annotation;
    expect((await call(commentsRoute.POST, 'POST', { token: tokens.reviewer2, params: { id: a.id }, body: { body: 'Which Peskov quote?' } })).status).toBe(201);
    expect((await call(threadRoute.POST, 'POST', { token: tokens.reviewer2, params: { id: a.id }, body: { resolved: true } })).status).toBe(200);
    let got = await call(annotationRoute.GET, 'GET', { token: tokens.reviewer, params: { id: a.id } });
    expect(got.json.annotation.threadResolvedBy).toMatchObject({ id: ids.reviewer2 });
    await call(threadRoute.POST, 'POST', { token: tokens.reviewer, params: { id: a.id }, body: { resolved: false } });
    got = await call(annotationRoute.GET, 'GET', { token: tokens.reviewer, params: { id: a.id } });
    expect(got.json.annotation.threadResolvedAt).toBeNull();
    const comments = await call(commentsRoute.GET, 'GET', { token: tokens.editor, params: { id: a.id } });
    expect(comments.json.comments.map((c: { body: string }) => c.body)).toEqual(['Which Peskov quote?']);
  });

  it('stores HTML and script verbatim (rendering escapes it)', async () => {
    const payload = '<script>alert(1)</script><img src=x onerror=alert(2)> \'; DROP TABLE "Annotation"; --';
    const a = (await create(tokens.reviewer, { ...range('the Kremlin complex'), rationale: payload, sources: [{ ...source, title: payload }] })).json.annotation;
    const got = await call(annotationRoute.GET, 'GET', { token: tokens.reviewer, params: { id: a.id } });
    expect(got.json.annotation.rationale).toBe(payload);
    expect(got.json.annotation.sources[0].title).toBe(payload);
  });

  it('answers application/ld+json with a W3C Web Annotation', async () => {
    const a = (await create(tokens.reviewer, { ...range('Ukraine renounce its aspirations'), verdict: 'half-true', rationale: 'Partly.', sources: [source] })).json.annotation;
    const got = await call(annotationRoute.GET, 'GET', { token: tokens.reviewer, params: { id: a.id }, headers: { accept: 'application/ld+json' } });
    expect(got.headers.get('content-type')).toContain('application/ld+json');
    expect(got.json).toMatchObject({
      '@context': 'http://www.w3.org/ns/anno.jsonld',
      type: 'Annotation',
      motivation: 'assessing',
      target: { selector: [{ type: 'TextQuoteSelector', exact: 'Ukraine renounce its aspirations' }, { type: 'TextPositionSelector', start: a.target.start, end: a.target.end }] },
    });
    expect(got.json.body).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ purpose: 'assessing', value: 'Half true' }),
        expect.objectContaining({ purpose: 'describing', value: 'Partly.' }),
        expect.objectContaining({ purpose: 'linking', source: source.url }),
      ]),
    );
  });
});

describe('annotation validation', () => {
  const base = () => ({ ...range('NATO membership'), verdict: 'false', rationale: 'x', sources: [source] });
  const cases: [string, () => unknown, number, string | undefined][] = [
    ['unknown field', () => ({ ...base(), extra: 1 }), 422, undefined],
    ['start as a string', () => ({ ...base(), start: '1' }), 422, 'start'],
    ['negative start', () => ({ ...base(), start: -1 }), 422, 'start'],
    ['end beyond the text', () => ({ ...base(), start: text.length - 2, end: text.length + 5, exact: 'x' }), 422, 'end'],
    ['empty range', () => ({ ...base(), end: base().start }), 422, 'end'],
    ['exact that does not match the text', () => ({ ...base(), exact: 'NATO memberships' }), 409, 'exact'],
    ['unknown verdict', () => ({ ...base(), verdict: 'pants-on-fire' }), 422, 'verdict'],
    ['rationale over 20,000 characters', () => ({ ...base(), rationale: 'a'.repeat(20_001) }), 422, 'rationale'],
    ['control characters in rationale', () => ({ ...base(), rationale: 'bell\u0007' }), 422, 'rationale'],
    ['javascript: source URL', () => ({ ...base(), sources: [{ ...source, url: 'javascript:alert(1)' }] }), 422, 'sources.0.url'],
    ['data: source URL', () => ({ ...base(), sources: [{ ...source, url: 'data:text/html,<b>x</b>' }] }), 422, 'sources.0.url'],
    ['ftp: source URL', () => ({ ...base(), sources: [{ ...source, url: 'ftp://example.org/x' }] }), 422, 'sources.0.url'],
    ['relative source URL', () => ({ ...base(), sources: [{ ...source, url: '/just/a/path' }] }), 422, 'sources.0.url'],
    ['bad accessed date', () => ({ ...base(), sources: [{ ...source, accessedAt: '03/12/2025' }] }), 422, 'sources.0.accessedAt'],
    ['51 sources', () => ({ ...base(), sources: Array.from({ length: 51 }, () => source) }), 422, 'sources'],
    ['unknown field in a source', () => ({ ...base(), sources: [{ ...source, rating: 5 }] }), 422, 'sources.0'],
    ['submitting False without a source', () => ({ ...base(), sources: [], submit: true }), 422, 'sources'],
    ['submitting without a verdict', () => ({ ...base(), verdict: null, submit: true }), 422, 'verdict'],
  ];

  for (const [name, body, status, field] of cases) {
    it(`refuses ${name} with ${status}${field ? ` naming ${field}` : ''}, storing nothing`, async () => {
      const before = await db.annotation.count();
      const res = await create(tokens.reviewer, body());
      expect(res.status).toBe(status);
      expect(res.json.message).toEqual(expect.any(String));
      if (field) expect(res.json.field).toBe(field);
      expect(await db.annotation.count()).toBe(before);
    });
  }

  it('accepts Unverifiable and Opinion submitted without a source, and a draft False without one', async () => {
    for (const verdict of ['unverifiable', 'opinion']) {
      expect((await create(tokens.reviewer, { ...range('four documents'), verdict, submit: true })).status).toBe(201);
    }
    expect((await create(tokens.reviewer, { ...range('four documents'), verdict: 'false' })).status).toBe(201);
  });

  it('answers malformed JSON with 400, an oversized body with 413, an unknown article with 404, no token with 401', async () => {
    expect((await call(articleAnnotations.POST, 'POST', { token: tokens.reviewer, rawBody: '{"start": 1,', params: { id: articleId } })).status).toBe(400);
    expect((await call(articleAnnotations.POST, 'POST', { token: tokens.reviewer, rawBody: new Uint8Array([0x7b, 0xff, 0xfe, 0x7d]), params: { id: articleId } })).status).toBe(400);
    const huge = JSON.stringify({ ...base(), rationale: 'a'.repeat(300_000) });
    const tooBig = await call(articleAnnotations.POST, 'POST', { token: tokens.reviewer, rawBody: huge, params: { id: articleId } });
    expect(tooBig.status).toBe(413);
    expect((await call(articleAnnotations.POST, 'POST', { token: tokens.reviewer, body: base(), params: { id: 'no-such-article' } })).status).toBe(404);
    expect((await call(articleAnnotations.POST, 'POST', { body: base(), params: { id: articleId } })).status).toBe(401);
    expect((await call(articleAnnotations.POST, 'POST', { token: 'fcd_wrong', body: base(), params: { id: articleId } })).status).toBe(401);
    const badKey = await create(tokens.reviewer, base(), { 'idempotency-key': 'no spaces allowed here' });
    expect(badKey).toMatchObject({ status: 400, json: { field: 'Idempotency-Key' } });
  });
});
