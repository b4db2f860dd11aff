import { beforeAll, describe, expect, it } from 'vitest';
import * as articleAnnotations from '@/app/api/articles/[id]/annotations/route';
import * as annotationRoute from '@/app/api/annotations/[id]/route';
import * as searchRoute from '@/app/api/search/route';
import { seedDatabase } from '@/lib/seed/seed-database';
import { MATCH_END, MATCH_START } from '@/lib/search/match-markers';
import { apiTokenFor, call } from '../support/api';
import { createArticle, createUser, db } from '../support/db';

// Made-up words, so that no other test's data matches.
const text = 'The Quorvath dam produced 800 megawatts in its first year, the operator said.\nEngineers doubted the Quorvath figures.\n';
let token = '';
let articleId = '';

const search = (q: string) => call(searchRoute.GET, 'GET', { token, path: `/api/search?${new URLSearchParams({ q })}` });
const marked = (s: string) => [...s.matchAll(new RegExp(`${MATCH_START}(.*?)${MATCH_END}`, 'g'))].map((m) => m[1]);

beforeAll(async () => {
  await seedDatabase(db, { SEED_ADMIN_PASSWORD: 'x'.repeat(16), SEED_EDITOR_PASSWORD: 'y'.repeat(16), SEED_REVIEWER_PASSWORD: 'z'.repeat(16) } as unknown as NodeJS.ProcessEnv);
  articleId = (await createArticle(text, 'Quorvath dam output')).id;
  token = await apiTokenFor((await createUser('REVIEWER')).id);
});

describe('search', () => {
  it('finds an article by a word of its text in another form, with the matches marked in the snippet and title', async () => {
    const res = await search('quorvath produces');
    expect(res.status).toBe(200);
    expect(res.json.articles).toHaveLength(1);
    const [hit] = res.json.articles;
    expect(hit).toMatchObject({ id: articleId, title: 'Quorvath dam output' });
    expect(marked(hit.snippet)).toEqual(expect.arrayContaining(['Quorvath', 'produced']));
    expect(marked(hit.titleMarked)).toEqual(['Quorvath']);
    // Every marked match opens and closes.
    expect(hit.snippet.split(MATCH_START).length).toBe(hit.snippet.split(MATCH_END).length);
  });

  it('finds annotations by their rationale or passage, with verdict, status and author; deleted ones are gone', async () => {
    const passage = 'The Quorvath dam produced 800 megawatts';
    const created = await call(articleAnnotations.POST, 'POST', {
      token,
      params: { id: articleId },
      body: { start: 0, end: passage.length, exact: passage, verdict: 'unverifiable', rationale: 'The grid operator publishes no turbine-level data.', submit: true },
    });
    expect(created.status).toBe(201);
    const byRationale = await search('turbine');
    expect(byRationale.json.articles).toEqual([]);
    expect(byRationale.json.annotations).toHaveLength(1);
    expect(byRationale.json.annotations[0]).toMatchObject({ id: created.json.annotation.id, article: { id: articleId }, verdict: { label: 'Unverifiable' }, status: 'SUBMITTED' });
    expect(marked(byRationale.json.annotations[0].rationale)).toEqual(['turbine']);
    expect(marked((await search('megawatt')).json.annotations[0].quote)).toEqual(['megawatts']);
    // Phrases and exclusions (web-search syntax).
    expect((await search('"Quorvath figures"')).json.articles).toHaveLength(1);
    expect((await search('quorvath -megawatts')).json.articles).toEqual([]);

    const removed = await call(annotationRoute.DELETE, 'DELETE', { token, params: { id: created.json.annotation.id }, body: { version: 1 } });
    expect(removed.status).toBe(204);
    expect((await search('turbine')).json.annotations).toEqual([]);
  });

  it('answers an empty or overlong query with 422 naming the field, and nothing found with empty lists', async () => {
    for (const q of ['', '  ', 'x'.repeat(201)]) {
      const res = await search(q);
      expect(res.status).toBe(422);
      expect(res.json.field).toBe('q');
    }
    expect((await search('xyzzyplughnothing')).json).toMatchObject({ articles: [], annotations: [] });
    // Operators alone, quotes and SQL-looking input are only words.
    for (const q of ['-', '""', 'or', "'; DROP TABLE \"Article\"; --"]) expect((await search(q)).status).toBe(200);
    expect(await db.article.count()).toBeGreaterThan(0);
  });
});
