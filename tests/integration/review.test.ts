import { beforeAll, describe, expect, it } from 'vitest';
import { readFile } from 'node:fs/promises';
import * as articleAnnotations from '@/app/api/articles/[id]/annotations/route';
import * as articlesRoute from '@/app/api/articles/route';
import * as commentsRoute from '@/app/api/annotations/[id]/comments/route';
import * as reviewRoute from '@/app/api/articles/[id]/review/route';
import * as bulkRoute from '@/app/api/articles/[id]/review/bulk/route';
import * as summaryRoute from '@/app/api/articles/[id]/summary/route';
import * as assignmentsRoute from '@/app/api/articles/[id]/assignments/route';
import { seedDatabase } from '@/lib/seed/seed-database';
import { apiTokenFor, call } from '../support/api';
import { createArticle, createUser, db } from '../support/db';

type Who = 'reviewer1' | 'reviewer2' | 'reviewer3' | 'editor' | 'admin';
const tokens = {} as Record<Who, string>;
const ids = {} as Record<Who, string>;
let text: string;

const source = { url: 'https://www.reuters.com/world/europe/kremlin-peace-plan', title: 'Kremlin on the US plan', publisher: 'Reuters' };

function range(passage: string) {
  const start = text.indexOf(passage);
  if (start < 0) throw new Error(`not in text: ${passage}`);
  return { start, end: start + passage.length, exact: passage };
}

/** A submitted annotation by `who` on `passage` with `verdict` (a draft with `submit: false`). */
async function annotate(articleId: string, who: Who, passage: string, verdict: string | null, submit = true) {
  const res = await call(articleAnnotations.POST, 'POST', {
    token: tokens[who],
    params: { id: articleId },
    body: { ...range(passage), verdict, rationale: `${who} on ${passage}`, sources: verdict ? [source] : [], submit: submit && verdict !== null },
  });
  expect(res.status).toBe(201);
  return res.json.annotation as { id: string; version: number; status: string };
}

const review = (articleId: string, who: Who = 'editor') => call(reviewRoute.GET, 'GET', { token: tokens[who], params: { id: articleId } });

beforeAll(async () => {
  await seedDatabase(db, { SEED_ADMIN_PASSWORD: 'x'.repeat(16), SEED_EDITOR_PASSWORD: 'y'.repeat(16), SEED_REVIEWER_PASSWORD: 'z'.repeat(16) } as unknown as NodeJS.ProcessEnv);
  text = await readFile('prisma/seed-data/article.txt', 'utf8');
  const roles: [Who, 'REVIEWER' | 'EDITOR' | 'ADMIN'][] = [
    ['reviewer1', 'REVIEWER'],
    ['reviewer2', 'REVIEWER'],
    ['reviewer3', 'REVIEWER'],
    ['editor', 'EDITOR'],
    ['admin', 'ADMIN'],
  ];
  for (const [who, role] of roles) {
    const user = await createUser(role, { name: `Review ${who}` });
    ids[who] = user.id;
    tokens[who] = await apiTokenFor(user.id);
  }
});

describe('review overview', () => {
  it('lists every live annotation in text order with verdict, sources, status, author and comments, and counts them', async () => {
    const articleId = (await createArticle(text)).id;
    // Created out of text order.
    const late = await annotate(articleId, 'reviewer2', 'Dmitry Peskov', 'true');
    const early = await annotate(articleId, 'reviewer1', 'four documents', 'false');
    const draft = await annotate(articleId, 'reviewer1', 'Jared Kushner', null, false);
    const gone = await annotate(articleId, 'reviewer3', 'Steve Witkoff', 'opinion');
    await db.annotation.update({ where: { id: gone.id }, data: { deletedAt: new Date() } });
    await call(commentsRoute.POST, 'POST', { token: tokens.reviewer3, params: { id: early.id }, body: { body: 'Which four?' } });
    await call(commentsRoute.POST, 'POST', { token: tokens.editor, params: { id: early.id }, body: { body: 'Check the readout.' } });

    const res = await review(articleId);
    expect(res.status).toBe(200);
    const { overview } = res.json;
    const inTextOrder = [
      [early.id, 'four documents'],
      [draft.id, 'Jared Kushner'],
      [late.id, 'Dmitry Peskov'],
    ]
      .sort((a, b) => range(a[1]!).start - range(b[1]!).start)
      .map(([id]) => id);
    expect(overview.annotations.map((a: { id: string }) => a.id)).toEqual(inTextOrder);
    expect(overview.annotations.some((a: { id: string }) => a.id === gone.id)).toBe(false);

    const first = overview.annotations.find((a: { id: string }) => a.id === early.id);
    expect(first).toMatchObject({
      status: 'SUBMITTED',
      verdict: { key: 'false', label: 'False' },
      author: { id: ids.reviewer1, name: 'Review reviewer1' },
      sources: [expect.objectContaining({ url: source.url, title: source.title })],
      target: { exact: 'four documents' },
    });
    expect(first.comments.map((c: { body: string; author: { id: string } }) => [c.body, c.author.id])).toEqual([
      ['Which four?', ids.reviewer3],
      ['Check the readout.', ids.editor],
    ]);
    expect(overview.counts).toEqual({
      total: 3,
      byStatus: { DRAFT: 1, SUBMITTED: 2, APPROVED: 0, CHANGES_REQUESTED: 0 },
      byVerdict: [
        { key: 'true', label: 'True', color: expect.any(String), count: 1 },
        { key: 'false', label: 'False', color: expect.any(String), count: 1 },
      ],
      noVerdict: 1,
    });
    expect(overview.article).toMatchObject({ id: articleId, summary: null, summaryVerdict: null });
    expect(overview.assignments.candidates.map((c: { id: string }) => c.id)).toEqual(expect.arrayContaining([ids.reviewer1, ids.editor]));
    expect(overview.assignments.candidates.map((c: { id: string }) => c.id)).not.toContain(ids.admin);
  });
});

describe('disagreements and agreement', () => {
  it('finds two reviewers rating overlapping passages differently, side by side, and not those who agree', async () => {
    const articleId = (await createArticle(text)).id;
    const a = await annotate(articleId, 'reviewer1', 'four documents', 'false');
    const b = await annotate(articleId, 'reviewer2', 'details provided within four documents related', 'unverifiable');
    // Agreement on another passage, and one reviewer differing with themselves: no disagreement.
    await annotate(articleId, 'reviewer1', 'Jared Kushner', 'true');
    await annotate(articleId, 'reviewer2', 'Jared Kushner', 'true');
    await annotate(articleId, 'reviewer3', 'Dmitry Peskov', 'true');
    await annotate(articleId, 'reviewer3', 'Kremlin Spokesman Dmitry Peskov', 'misleading');

    const res = await review(articleId);
    expect(res.status).toBe(200);
    expect(res.json.disagreements).toHaveLength(1);
    const group = res.json.disagreements[0];
    const outer = range('details provided within four documents related');
    expect(group).toMatchObject({ start: outer.start, end: outer.end, passage: outer.exact });
    expect(group.annotations.map((x: { id: string }) => x.id).sort()).toEqual([a.id, b.id].sort());
    expect(group.annotations.map((x: { verdict: { key: string } }) => x.verdict.key).sort()).toEqual(['false', 'unverifiable']);
    expect(group.annotations.map((x: { author: { id: string } }) => x.author.id).sort()).toEqual([ids.reviewer1, ids.reviewer2].sort());
    // Two passages rated by two reviewers (the Peskov cluster has one reviewer): [false, unverifiable], [true, true].
    expect(res.json.agreement).toMatchObject({ passages: 2, ratings: 4 });
  });

  it("computes Krippendorff's alpha over passages rated by two or more reviewers", async () => {
    const articleId = (await createArticle(text)).id;
    // Units: [false, false], [true, false], [true, true]; one passage rated by one reviewer only.
    await annotate(articleId, 'reviewer1', 'four documents', 'false');
    await annotate(articleId, 'reviewer2', 'within four documents', 'false');
    await annotate(articleId, 'reviewer1', 'Jared Kushner', 'true');
    await annotate(articleId, 'reviewer2', 'Jared Kushner', 'false');
    await annotate(articleId, 'reviewer1', 'Dmitry Peskov', 'true');
    await annotate(articleId, 'reviewer2', 'Peskov', 'true');
    await annotate(articleId, 'reviewer3', 'Steve Witkoff', 'opinion');
    // Unrated and orphaned annotations do not count.
    await annotate(articleId, 'reviewer3', 'Jared Kushner', null, false);
    const orphan = await annotate(articleId, 'reviewer3', 'four documents', 'misleading');
    await db.annotation.update({ where: { id: orphan.id }, data: { orphaned: true } });

    const res = await review(articleId);
    // n = 6, n_false = n_true = 3, Σo_cc = 4: α = 1 − (n − 1)(n − Σo_cc) / (n² − Σn_c²) = 1 − 5·2/18.
    expect(res.json.agreement.passages).toBe(3);
    expect(res.json.agreement.ratings).toBe(6);
    expect(res.json.agreement.alpha).toBeCloseTo(1 - 10 / 18, 10);
    expect(res.json.disagreements).toHaveLength(1);
    expect(res.json.disagreements[0].passage).toBe('Jared Kushner');
  });

  it('gives no alpha when no passage was rated by two reviewers', async () => {
    const articleId = (await createArticle(text)).id;
    await annotate(articleId, 'reviewer1', 'four documents', 'false');
    const res = await review(articleId);
    expect(res.json).toMatchObject({ disagreements: [], agreement: { alpha: null, passages: 0, ratings: 0 } });
  });
});

describe('bulk review', () => {
  it('approves each annotation on its own: a stale version gets 409 and the others are approved', async () => {
    const articleId = (await createArticle(text)).id;
    const one = await annotate(articleId, 'reviewer1', 'four documents', 'false');
    const two = await annotate(articleId, 'reviewer2', 'Jared Kushner', 'true');
    const three = await annotate(articleId, 'reviewer3', 'Dmitry Peskov', 'true');
    const draft = await annotate(articleId, 'reviewer3', 'Steve Witkoff', 'opinion', false);
    const elsewhere = await annotate((await createArticle(text)).id, 'reviewer1', 'four documents', 'false');
    // Someone edits `two` after the editor loaded the page.
    await db.annotation.update({ where: { id: two.id }, data: { version: { increment: 1 }, rationale: 'changed meanwhile' } });

    const annotationIds = [one.id, two.id, three.id, draft.id, elsewhere.id];
    const versions = Object.fromEntries([one, two, three, draft, elsewhere].map((a) => [a.id, a.version]));
    const res = await call(bulkRoute.POST, 'POST', { token: tokens.editor, params: { id: articleId }, body: { annotationIds, action: 'approve', versions } });
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ succeeded: 2, failed: 3 });
    const byId = Object.fromEntries(res.json.results.map((r: { id: string }) => [r.id, r]));
    expect(res.json.results.map((r: { id: string }) => r.id)).toEqual(annotationIds);
    expect(byId[one.id]).toMatchObject({ ok: true, annotation: { status: 'APPROVED', statusChangedBy: { id: ids.editor } } });
    expect(byId[three.id]).toMatchObject({ ok: true, annotation: { status: 'APPROVED' } });
    expect(byId[two.id]).toMatchObject({ ok: false, status: 409, error: 'CONFLICT', field: 'version', current: { version: 2, rationale: 'changed meanwhile', status: 'SUBMITTED' } });
    expect(byId[draft.id]).toMatchObject({ ok: false, status: 409, field: 'status' });
    expect(byId[elsewhere.id]).toMatchObject({ ok: false, status: 404 });

    const statuses = await db.annotation.findMany({ where: { id: { in: annotationIds } }, select: { id: true, status: true } });
    expect(Object.fromEntries(statuses.map((s) => [s.id, s.status]))).toEqual({
      [one.id]: 'APPROVED',
      [two.id]: 'SUBMITTED',
      [three.id]: 'APPROVED',
      [draft.id]: 'DRAFT',
      [elsewhere.id]: 'SUBMITTED',
    });
    // Through the workflow: history and audit for each one approved.
    expect(await db.annotationEvent.count({ where: { annotationId: { in: [one.id, three.id] }, kind: 'approved' } })).toBe(2);
    expect(await db.auditEvent.count({ where: { action: 'annotation.approved', targetId: { in: annotationIds } } })).toBe(2);
  });

  it('sends back several at once, and refuses a request without a version for every id', async () => {
    const articleId = (await createArticle(text)).id;
    const one = await annotate(articleId, 'reviewer1', 'four documents', 'false');
    const two = await annotate(articleId, 'reviewer2', 'Jared Kushner', 'true');
    const missing = await call(bulkRoute.POST, 'POST', {
      token: tokens.editor,
      params: { id: articleId },
      body: { annotationIds: [one.id, two.id], action: 'request_changes', versions: { [one.id]: 1 } },
    });
    expect(missing.status).toBe(422);
    expect(missing.json.field).toBe(`versions.${two.id}`);
    for (const body of [
      { annotationIds: [], action: 'approve', versions: {} },
      { annotationIds: [one.id], action: 'reopen', versions: { [one.id]: 1 } },
      { annotationIds: [one.id], action: 'approve', versions: { [one.id]: 1 }, note: 'x' },
    ]) {
      expect((await call(bulkRoute.POST, 'POST', { token: tokens.editor, params: { id: articleId }, body })).status).toBe(422);
    }
    const res = await call(bulkRoute.POST, 'POST', {
      token: tokens.admin,
      params: { id: articleId },
      body: { annotationIds: [one.id, two.id], action: 'request_changes', versions: { [one.id]: 1, [two.id]: 1 } },
    });
    expect(res.status).toBe(200);
    expect(res.json.results.map((r: { annotation: { status: string } }) => r.annotation.status)).toEqual(['CHANGES_REQUESTED', 'CHANGES_REQUESTED']);
  });
});

describe('summary and rating', () => {
  it('stores the editor’s summary and overall rating, and clears them', async () => {
    const articleId = (await createArticle(text)).id;
    const put = (body: unknown, who: Who = 'editor') => call(summaryRoute.PUT, 'PUT', { token: tokens[who], params: { id: articleId }, body });
    const saved = await put({ summary: 'Mostly accurate; the “four documents” claim is unsupported.', verdict: 'mostly-true' });
    expect(saved.status).toBe(200);
    expect(saved.json).toMatchObject({ summary: 'Mostly accurate; the “four documents” claim is unsupported.', summaryVerdict: { key: 'mostly-true', label: 'Mostly true' } });
    const row = await db.article.findUniqueOrThrow({ where: { id: articleId }, include: { summaryVerdict: true } });
    expect(row.summary).toBe('Mostly accurate; the “four documents” claim is unsupported.');
    expect(row.summaryVerdict?.key).toBe('mostly-true');
    expect((await review(articleId)).json.overview.article).toMatchObject({ summaryVerdict: { key: 'mostly-true' } });

    const cases: [unknown, number, string | undefined][] = [
      [{ summary: 'x', verdict: 'pants-on-fire' }, 422, 'verdict'],
      [{ summary: 'a'.repeat(20_001), verdict: null }, 422, 'summary'],
      [{ summary: 'bell\u0007', verdict: null }, 422, 'summary'],
      [{ summary: 'x' }, 422, 'verdict'],
      [{ summary: 'x', verdict: null, extra: 1 }, 422, undefined],
    ];
    for (const [body, status, field] of cases) {
      const res = await put(body);
      expect(res.status, JSON.stringify(body).slice(0, 80)).toBe(status);
      if (field) expect(res.json.field).toBe(field);
    }
    expect((await db.article.findUniqueOrThrow({ where: { id: articleId } })).summary).toMatch(/^Mostly accurate/);
    expect((await put({ summary: 'a'.repeat(20_000), verdict: null })).status).toBe(200);

    const cleared = await put({ summary: '   ', verdict: null });
    expect(cleared.json).toEqual({ summary: null, summaryVerdict: null });
    expect(await db.article.findUniqueOrThrow({ where: { id: articleId } })).toMatchObject({ summary: null, summaryVerdictId: null });
    expect((await call(summaryRoute.PUT, 'PUT', { token: tokens.editor, params: { id: 'no-such-article' }, body: { summary: null, verdict: null } })).status).toBe(404);
  });
});

describe('assignments', () => {
  it("saves the assigned reviewers and puts those articles first in the reviewer's list", async () => {
    const assignedArticle = await createArticle(text, 'Assigned article');
    // Newer than the assigned one: without the assignment it would come first.
    const newer = await createArticle(text, 'Newer unassigned article');
    const put = (userIds: string[], who: Who = 'editor') => call(assignmentsRoute.PUT, 'PUT', { token: tokens[who], params: { id: assignedArticle.id }, body: { userIds } });

    const saved = await put([ids.reviewer1, ids.reviewer2, ids.reviewer1]);
    expect(saved.status).toBe(200);
    expect(saved.json.assigned.map((u: { id: string }) => u.id).sort()).toEqual([ids.reviewer1, ids.reviewer2].sort());
    expect((await db.articleAssignment.findMany({ where: { articleId: assignedArticle.id } })).map((a) => a.userId).sort()).toEqual([ids.reviewer1, ids.reviewer2].sort());

    const list = await call(articlesRoute.GET, 'GET', { token: tokens.reviewer1 });
    expect(list.status).toBe(200);
    expect(list.json.articles[0]).toMatchObject({ id: assignedArticle.id, assigned: true });
    expect(list.json.articles.filter((a: { assigned: boolean }) => a.assigned)).toHaveLength(1);
    const newerItem = list.json.articles.find((a: { id: string }) => a.id === newer.id);
    expect(newerItem).toMatchObject({ assigned: false, progress: expect.any(Object), verdictMix: expect.any(Array) });
    // Someone not assigned sees the usual newest-first order.
    const other = await call(articlesRoute.GET, 'GET', { token: tokens.reviewer3 });
    const order = other.json.articles.map((a: { id: string }) => a.id);
    expect(order.indexOf(newer.id)).toBeLessThan(order.indexOf(assignedArticle.id));

    // Replacing the set removes who is left out; the overview shows who is assigned.
    expect((await put([ids.reviewer2])).status).toBe(200);
    expect((await review(assignedArticle.id)).json.overview.assignments.assigned.map((u: { id: string }) => u.id)).toEqual([ids.reviewer2]);
    expect((await call(articlesRoute.GET, 'GET', { token: tokens.reviewer1 })).json.articles[0].assigned).toBe(false);

    // Only active reviewers and editors; nothing changes when one is refused.
    const inactive = await createUser('REVIEWER', { active: false });
    for (const bad of [[ids.reviewer1, inactive.id], [ids.admin], ['no-such-user']]) {
      const res = await put(bad);
      expect(res.status).toBe(422);
      expect(res.json.field).toMatch(/^userIds\.\d+$/);
    }
    expect((await db.articleAssignment.findMany({ where: { articleId: assignedArticle.id } })).map((a) => a.userId)).toEqual([ids.reviewer2]);
    expect((await put([])).status).toBe(200);
    expect(await db.articleAssignment.count({ where: { articleId: assignedArticle.id } })).toBe(0);
  });
});

describe('permissions', () => {
  it('refuses reviewers with 403 on every review route, changing nothing', async () => {
    const articleId = (await createArticle(text)).id;
    const mine = await annotate(articleId, 'reviewer1', 'four documents', 'false');
    const token = tokens.reviewer1;
    const params = { id: articleId };
    const responses = await Promise.all([
      call(reviewRoute.GET, 'GET', { token, params }),
      call(summaryRoute.PUT, 'PUT', { token, params, body: { summary: 'mine', verdict: 'true' } }),
      call(assignmentsRoute.PUT, 'PUT', { token, params, body: { userIds: [ids.reviewer1] } }),
      call(bulkRoute.POST, 'POST', { token, params, body: { annotationIds: [mine.id], action: 'approve', versions: { [mine.id]: 1 } } }),
    ]);
    expect(responses.map((r) => r.status)).toEqual([403, 403, 403, 403]);
    expect(responses.every((r) => r.json.error === 'FORBIDDEN')).toBe(true);
    const article = await db.article.findUniqueOrThrow({ where: { id: articleId } });
    expect(article).toMatchObject({ summary: null, summaryVerdictId: null });
    expect(await db.articleAssignment.count({ where: { articleId } })).toBe(0);
    expect((await db.annotation.findUniqueOrThrow({ where: { id: mine.id } })).status).toBe('SUBMITTED');
    // And without a token: 401.
    expect((await call(reviewRoute.GET, 'GET', { params })).status).toBe(401);
  });

  it('answers 404 for an unknown article', async () => {
    expect((await review('no-such-article')).status).toBe(404);
    expect((await call(assignmentsRoute.PUT, 'PUT', { token: tokens.editor, params: { id: 'no-such-article' }, body: { userIds: [] } })).status).toBe(404);
    expect(
      (await call(bulkRoute.POST, 'POST', { token: tokens.editor, params: { id: 'no-such-article' }, body: { annotationIds: ['x'], action: 'approve', versions: { x: 1 } } })).status,
    ).toBe(404);
  });
});
