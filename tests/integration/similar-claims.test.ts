import { beforeAll, describe, expect, it } from 'vitest';
import * as articleAnnotations from '@/app/api/articles/[id]/annotations/route';
import * as annotationRoute from '@/app/api/annotations/[id]/route';
import * as similarRoute from '@/app/api/claims/similar/route';
import { seedDatabase } from '@/lib/seed/seed-database';
import { apiTokenFor, call } from '../support/api';
import { createArticle, createUser, db } from '../support/db';

// Made-up names, so that no other test's annotations match.
const first = 'Zorbland exported 4,000 tonnes of quibblefish to Varnia in 2024, officials said.\nVarnia held elections in spring.\n';
const second = 'Quibblefish exports from Zorbland to Varnia reached 4,000 tonnes last year.\nThe Zorbland minister denied it.\n';
const claim = 'Zorbland exported 4,000 tonnes of quibblefish to Varnia in 2024';
const source = { url: 'https://stats.example.org/zorbland/quibblefish', title: 'Trade statistics', publisher: 'Zorbland Statistics Office', excerpt: '3,100 tonnes', accessedAt: '2026-01-10' };

let reviewerToken = '';
let firstId = '';
let secondId = '';

function range(text: string, passage: string) {
  const start = text.indexOf(passage);
  return { start, end: start + passage.length, exact: passage };
}

const similar = (text: string, token = reviewerToken) => call(similarRoute.GET, 'GET', { token, path: `/api/claims/similar?${new URLSearchParams({ text })}` });

beforeAll(async () => {
  await seedDatabase(db, { SEED_ADMIN_PASSWORD: 'x'.repeat(16), SEED_EDITOR_PASSWORD: 'y'.repeat(16), SEED_REVIEWER_PASSWORD: 'z'.repeat(16) } as unknown as NodeJS.ProcessEnv);
  firstId = (await createArticle(first, 'Zorbland trade figures')).id;
  secondId = (await createArticle(second, 'Quibblefish and Varnia')).id;
  reviewerToken = await apiTokenFor((await createUser('REVIEWER')).id);
  const created = await call(articleAnnotations.POST, 'POST', {
    token: reviewerToken,
    params: { id: firstId },
    body: { ...range(first, claim), verdict: 'mostly-false', rationale: 'The statistics office counts 3,100 tonnes.', sources: [source], submit: true },
  });
  expect(created.status, JSON.stringify(created.json)).toBe(201);
});

describe('claim matching', () => {
  it('offers an earlier check of a similar claim in another article, with its verdict, rationale and sources', async () => {
    const passage = 'Quibblefish exports from Zorbland to Varnia reached 4,000 tonnes';
    expect(second).toContain(passage);
    const res = await similar(passage);
    expect(res.status).toBe(200);
    expect(res.json.claims).toHaveLength(1);
    const [match] = res.json.claims;
    expect(match).toMatchObject({
      article: { id: firstId, title: 'Zorbland trade figures' },
      exact: claim,
      verdict: { key: 'mostly-false', label: 'Mostly false' },
      status: 'SUBMITTED',
      rationale: 'The statistics office counts 3,100 tonnes.',
      sources: [source],
    });
    expect(match.score).toBeGreaterThan(0.5);
    expect(match.score).toBeLessThanOrEqual(1);
  });

  it('ranks the closer of two matches first and the exact same claim at 1', async () => {
    const res = await similar(claim);
    expect(res.json.claims[0]).toMatchObject({ exact: claim, score: 1 });
  });

  it('does not offer passages that share a word or two, nor drafts, deleted annotations or annotations without a verdict', async () => {
    expect((await similar('Varnia held elections in spring')).json.claims).toEqual([]);
    expect((await similar('The Zorbland minister denied it')).json.claims).toEqual([]);
    // A draft and a verdict-less annotation on the second article's second sentence, and a deleted one.
    const minister = 'The Zorbland minister denied it.';
    const draft = await call(articleAnnotations.POST, 'POST', { token: reviewerToken, params: { id: secondId }, body: { ...range(second, minister), verdict: 'false', sources: [source] } });
    expect(draft.status).toBe(201);
    const deleted = await call(articleAnnotations.POST, 'POST', { token: reviewerToken, params: { id: secondId }, body: { ...range(second, minister), verdict: 'opinion', submit: true } });
    expect(deleted.status).toBe(201);
    expect((await similar(minister)).json.claims.map((c: { annotationId: string }) => c.annotationId)).toEqual([deleted.json.annotation.id]);
    const removed = await call(annotationRoute.DELETE, 'DELETE', { token: reviewerToken, params: { id: deleted.json.annotation.id }, body: { version: 1 } });
    expect(removed.status).toBeLessThan(300);
    expect((await similar(minister)).json.claims).toEqual([]);
  });

  it('refuses an empty or oversized passage with 422 naming the field, and anonymous callers with 401', async () => {
    for (const text of ['', '   ', 'x'.repeat(2_001)]) {
      const res = await similar(text);
      expect(res.status).toBe(422);
      expect(res.json.field).toBe('text');
    }
    expect((await call(similarRoute.GET, 'GET', { path: '/api/claims/similar?text=Zorbland' })).status).toBe(401);
    // Only stop words: nothing to match on, and no error.
    expect((await similar('it was the one')).json.claims).toEqual([]);
  });
});
