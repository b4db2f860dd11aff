import { beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import * as articleAnnotations from '@/app/api/articles/[id]/annotations/route';
import * as annotationRoute from '@/app/api/annotations/[id]/route';
import * as historyRoute from '@/app/api/annotations/[id]/history/route';
import { seedDatabase } from '@/lib/seed/seed-database';
import { apiTokenFor, call } from '../support/api';
import { createArticle, createUser, db } from '../support/db';
import { testDatabaseUrl } from '../support/test-database';

const text = 'The minister said unemployment fell by 40 percent last year, the largest drop ever recorded.\nCritics disputed the figure.\n';
let articleId: string;

beforeAll(async () => {
  await seedDatabase(db, { SEED_ADMIN_PASSWORD: 'x'.repeat(16), SEED_EDITOR_PASSWORD: 'y'.repeat(16), SEED_REVIEWER_PASSWORD: 'z'.repeat(16) } as unknown as NodeJS.ProcessEnv);
  articleId = (await createArticle(text)).id;
});

describe('under load and faults', () => {
  it('200 concurrent creates from 20 users, each retried once with its key: exactly 200 rows, no duplicate, no 5xx', async () => {
    const users = await Promise.all(Array.from({ length: 20 }, () => createUser('REVIEWER')));
    const tokens = await Promise.all(users.map((u) => apiTokenFor(u.id)));
    const requests = Array.from({ length: 200 }, (_, i) => {
      const start = (i * 7) % 60;
      return { token: tokens[i % 20]!, key: `fault-${articleId}-${i}`, body: { start, end: start + 12, exact: text.slice(start, start + 12), verdict: 'false', sources: [{ url: 'https://example.org/a' }, { url: 'https://example.org/b' }] } };
    });
    const send = (r: (typeof requests)[number]) =>
      call(articleAnnotations.POST, 'POST', { token: r.token, body: r.body, headers: { 'idempotency-key': r.key }, params: { id: articleId } });
    // Every request twice, all at once: the retry races its original.
    const responses = await Promise.all(requests.flatMap((r) => [send(r), send(r)]));
    expect(responses.filter((r) => r.status >= 500)).toEqual([]);
    expect(responses.every((r) => r.status === 200 || r.status === 201)).toBe(true);
    expect(responses.filter((r) => r.status === 201)).toHaveLength(200);
    expect(await db.annotation.count({ where: { articleId, idempotencyKey: { startsWith: `fault-${articleId}-` } } })).toBe(200);
    expect(await db.source.count({ where: { annotation: { articleId, idempotencyKey: { startsWith: `fault-${articleId}-` } } } })).toBe(400);
  });

  it('20 concurrent updates of one version: one succeeds, the others get 409, history has the success', async () => {
    const author = await createUser('REVIEWER');
    const editors = await Promise.all(Array.from({ length: 20 }, () => createUser('EDITOR')));
    const editorTokens = await Promise.all(editors.map((u) => apiTokenFor(u.id)));
    const created = await call(articleAnnotations.POST, 'POST', {
      token: await apiTokenFor(author.id),
      body: { start: 0, end: 12, exact: text.slice(0, 12) },
      params: { id: articleId },
    });
    const id = created.json.annotation.id;
    let version = 1;
    const successes: string[] = [];
    // Three rounds: each round all 20 race on the version they saw.
    for (let round = 0; round < 3; round++) {
      const results = await Promise.all(
        editorTokens.map((token, i) => call(annotationRoute.PATCH, 'PATCH', { token, params: { id }, body: { version, rationale: `round ${round} by editor ${i}` } })),
      );
      const ok = results.filter((r) => r.status === 200);
      expect(ok).toHaveLength(1);
      expect(results.filter((r) => r.status === 409)).toHaveLength(19);
      expect(results.every((r) => r.status === 409 ? r.json.current.version === version + 1 : true)).toBe(true);
      successes.push(ok[0]!.json.annotation.rationale);
      version++;
    }
    const stored = await db.annotation.findUniqueOrThrow({ where: { id } });
    expect(stored.version).toBe(4);
    expect(stored.rationale).toBe(successes.at(-1));
    const history = await call(historyRoute.GET, 'GET', { token: editorTokens[0], params: { id } });
    const updates = history.json.history.filter((h: { kind: string }) => h.kind === 'updated');
    expect(updates.map((h: { data: { changes: { rationale: { to: string } } } }) => h.data.changes.rationale.to)).toEqual(successes);
  });

  it('recovers when PostgreSQL cuts every connection: the next requests succeed without a restart', async () => {
    const user = await createUser('REVIEWER');
    const token = await apiTokenFor(user.id);
    const list = () => call(articleAnnotations.GET, 'GET', { token, params: { id: articleId } });
    expect((await list()).status).toBe(200);

    const admin = new pg.Client({ connectionString: testDatabaseUrl() });
    await admin.connect();
    const { rows } = await admin.query(
      `SELECT pg_terminate_backend(pid) AS cut FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()`,
    );
    await admin.end();
    expect(rows.length).toBeGreaterThan(0);

    // The pool may hand out one dead connection per idle client; requests fail cleanly (never
    // half-written) and then succeed again.
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 15; attempt++) {
      const res = await list();
      statuses.push(res.status);
      if (res.status === 200) break;
      expect(res.status).toBe(503);
      expect(res.json.message).toMatch(/nothing was saved/);
    }
    expect(statuses.at(-1)).toBe(200);
    const write = await call(articleAnnotations.POST, 'POST', { token, body: { start: 13, end: 21, exact: text.slice(13, 21) }, params: { id: articleId } });
    expect(write.status).toBe(201);
  });
});
