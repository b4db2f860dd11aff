import { beforeAll, describe, expect, it } from 'vitest';
import * as articleAnnotations from '@/app/api/articles/[id]/annotations/route';
import * as annotationRoute from '@/app/api/annotations/[id]/route';
import * as historyRoute from '@/app/api/annotations/[id]/history/route';
import * as commentsRoute from '@/app/api/annotations/[id]/comments/route';
import * as blindRoute from '@/app/api/articles/[id]/blind-review/route';
import * as searchRoute from '@/app/api/search/route';
import * as similarRoute from '@/app/api/claims/similar/route';
import { listArticles } from '@/lib/articles/list-articles';
import { listAnnotationSummaries } from '@/lib/annotations/list-annotation-summaries';
import postgres from 'postgres';
import { ARTICLE_EVENTS_CHANNEL } from '@/lib/events/article-events';
import { seedDatabase } from '@/lib/seed/seed-database';
import { apiTokenFor, call } from '../support/api';
import { createArticle, createUser, db } from '../support/db';

// A word of this run only, for search.
const word = `zq${Date.now().toString(36)}`;
const text = 'The Ardwick reservoir holds 9 billion litres, enough for two dry summers.\nIts dam dates from 1931.\n';
const first = 'The Ardwick reservoir holds 9 billion litres';
const overlapping = 'reservoir holds 9 billion litres, enough for two dry summers';
type Person = { id: string; token: string; role: 'REVIEWER' | 'EDITOR'; name: string; email: string };
let a: Person;
let b: Person;
let editor: Person;
let articleId = '';
let aAnnotation = '';

async function person(role: 'REVIEWER' | 'EDITOR'): Promise<Person> {
  const user = await createUser(role);
  return { id: user.id, token: await apiTokenFor(user.id), role, name: user.name, email: user.email };
}
const range = (passage: string) => ({ start: text.indexOf(passage), end: text.indexOf(passage) + passage.length, exact: passage });
const list = async (who: Person) => (await call(articleAnnotations.GET, 'GET', { token: who.token, params: { id: articleId } })).json.annotations;
// What the article page loads (and re-reads): each annotation as its highlight and list row need it.
const summaries = async (who: Person) =>
  (await call(articleAnnotations.GET, 'GET', { token: who.token, params: { id: articleId }, path: `/api/articles/${articleId}/annotations?view=summary` })).json.annotations;

beforeAll(async () => {
  await seedDatabase(db, { SEED_ADMIN_PASSWORD: 'x'.repeat(16), SEED_EDITOR_PASSWORD: 'y'.repeat(16), SEED_REVIEWER_PASSWORD: 'z'.repeat(16) } as unknown as NodeJS.ProcessEnv);
  [a, b, editor] = [await person('REVIEWER'), await person('REVIEWER'), await person('EDITOR')];
  articleId = (await createArticle(text, 'Ardwick reservoir')).id;
  expect((await call(blindRoute.PUT, 'PUT', { token: b.token, params: { id: articleId }, body: { enabled: true } })).status).toBe(403);
  const on = await call(blindRoute.PUT, 'PUT', { token: editor.token, params: { id: articleId }, body: { enabled: true } });
  expect(on.json).toEqual({ blindReview: true });
  const created = await call(articleAnnotations.POST, 'POST', {
    token: a.token,
    params: { id: articleId },
    body: { ...range(first), verdict: 'mostly-true', rationale: `The water board says 8.7 billion litres (${word}).`, sources: [{ url: 'https://example.org/ardwick' }], submit: true },
  });
  aAnnotation = created.json.annotation.id;
});

describe('blind double review', () => {
  it('hides a reviewer’s verdict from another reviewer in every read, until they submit their own', async () => {
    const [seen] = await list(b);
    expect(seen).toMatchObject({ id: aAnnotation, blind: true, verdict: null, rationale: '', sources: [], target: { exact: first } });
    for (const route of [annotationRoute, historyRoute, commentsRoute]) {
      const res = await call(route.GET, 'GET', { token: b.token, params: { id: aAnnotation } });
      expect(res.status).toBe(403);
      expect(res.json.message).toMatch(/Blind review/);
    }
    expect((await call(commentsRoute.POST, 'POST', { token: b.token, params: { id: aAnnotation }, body: { body: 'What did you find?' } })).status).toBe(403);
    const search = await call(searchRoute.GET, 'GET', { token: b.token, path: `/api/search?q=${word}` });
    expect(search.json.annotations).toEqual([]);
    const similar = await call(similarRoute.GET, 'GET', { token: b.token, path: `/api/claims/similar?${new URLSearchParams({ text: first })}` });
    expect(similar.json.claims.filter((c: { article: { id: string } }) => c.article.id === articleId)).toEqual([]);
    const articles = await listArticles({ id: b.id, role: 'REVIEWER', name: b.name, email: b.email }, 'Ardwick');
    expect(articles.find((x) => x.id === articleId)!.verdictMix).toEqual([]);

    // The article page's summaries (and the page itself, which renders the same list) hide it too.
    const [summary] = await summaries(b);
    expect(summary).toEqual({
      id: aAnnotation,
      version: 1,
      status: 'SUBMITTED',
      orphaned: false,
      verdict: null,
      target: { exact: first, start: 0, end: first.length },
      author: { id: a.id, name: a.name },
      commentCount: 0,
      blind: true,
    });
    const asB = { id: b.id, role: 'REVIEWER' as const, name: b.name, email: b.email };
    expect(await listAnnotationSummaries(asB, articleId)).toEqual([summary]);

    // The author and the editor see it whole.
    expect((await summaries(a))[0]).toMatchObject({ verdict: { key: 'mostly-true', label: 'Mostly true' } });
    expect((await summaries(a))[0].blind).toBeUndefined();
    expect((await summaries(editor))[0]).toMatchObject({ verdict: { key: 'mostly-true' } });
    // A summary carries no rationale or sources, blind or not: the card reads them (and is refused them while blind).
    for (const who of [a, b, editor]) expect(Object.keys((await summaries(who))[0])).not.toEqual(expect.arrayContaining(['rationale', 'sources']));
    expect((await list(a))[0]).toMatchObject({ verdict: { key: 'mostly-true' } });
    expect((await list(a))[0].blind).toBeUndefined();
    expect((await list(editor))[0]).toMatchObject({ verdict: { key: 'mostly-true' }, rationale: expect.stringContaining('8.7 billion') });
    expect((await call(searchRoute.GET, 'GET', { token: editor.token, path: `/api/search?q=${word}` })).json.annotations).toHaveLength(1);
  });

  it('a draft is not enough; a submitted check of an overlapping passage shows the other verdict', async () => {
    const draft = await call(articleAnnotations.POST, 'POST', { token: b.token, params: { id: articleId }, body: { ...range(overlapping), verdict: 'false', sources: [{ url: 'https://example.org/b' }] } });
    expect(draft.status).toBe(201);
    expect((await list(b)).find((x: { id: string }) => x.id === aAnnotation).blind).toBe(true);
    const submit = await call(annotationRoute.PATCH, 'PATCH', { token: b.token, params: { id: draft.json.annotation.id }, body: { version: 1, rationale: 'Sources disagree.' } });
    expect(submit.status).toBe(200);
    const { POST: statusPost } = await import('@/app/api/annotations/[id]/status/route');
    expect((await call(statusPost, 'POST', { token: b.token, params: { id: draft.json.annotation.id }, body: { version: 2, action: 'submit' } })).status).toBe(200);
    expect((await summaries(b)).find((x: { id: string }) => x.id === aAnnotation)).toMatchObject({ verdict: { key: 'mostly-true' } });
    const now = (await list(b)).find((x: { id: string }) => x.id === aAnnotation);
    expect(now).toMatchObject({ verdict: { key: 'mostly-true' }, rationale: expect.stringContaining('8.7 billion') });
    expect(now.blind).toBeUndefined();
    expect((await call(historyRoute.GET, 'GET', { token: b.token, params: { id: aAnnotation } })).status).toBe(200);
    // And A, who had submitted theirs on the overlapping passage, sees B's.
    expect((await list(a)).find((x: { id: string }) => x.id === draft.json.annotation.id)).toMatchObject({ verdict: { key: 'false' } });
  });

  it('off again, everyone sees everything; open pages hear of the switch', async () => {
    const c = await person('REVIEWER');
    expect((await list(c))[0].blind).toBe(true);
    const heard: string[] = [];
    const listener = postgres(process.env.DATABASE_URL!, { max: 1, onnotice: () => {} });
    await listener.listen(ARTICLE_EVENTS_CHANNEL, (payload) => heard.push(payload));
    expect((await call(blindRoute.PUT, 'PUT', { token: editor.token, params: { id: articleId }, body: { enabled: false } })).json).toEqual({ blindReview: false });
    await expect.poll(() => heard.map((p) => JSON.parse(p)).filter((e) => e.articleId === articleId)).toEqual([{ type: 'article.review_mode', articleId, actorId: editor.id, blindReview: false }]);
    await listener.end();
    expect((await list(c)).every((x: { blind?: boolean }) => !x.blind)).toBe(true);
    expect((await summaries(c)).every((x: { blind?: boolean }) => !x.blind)).toBe(true);
    const audit = await db.auditEvent.findMany({ where: { targetId: articleId }, orderBy: { createdAt: 'asc' } });
    expect(audit.map((e) => e.action)).toEqual(['article.blind_review_on', 'article.blind_review_off']);
  });
});
