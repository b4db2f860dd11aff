import { beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { seedDatabase } from '@/lib/seed/seed-database';
import { insertAnnotation, type NewAnnotationRow } from '@/lib/annotations/insert-annotations';
import type { Verdict } from '@/lib/generated/prisma/client';
import { createArticle, createUser, db } from '../support/db';

const text = 'The minister said unemployment fell to 4 percent last year.\nThe opposition disputes the figure.';
let article: { id: string; version: number };
let authorId: string;
let verdict: Verdict;

beforeAll(async () => {
  await seedDatabase(db, { SEED_ADMIN_PASSWORD: 'x'.repeat(16), SEED_EDITOR_PASSWORD: 'y'.repeat(16), SEED_REVIEWER_PASSWORD: 'z'.repeat(16) } as unknown as NodeJS.ProcessEnv);
  article = await createArticle(text);
  authorId = (await createUser('REVIEWER')).id;
  verdict = await db.verdict.findUniqueOrThrow({ where: { key: 'false' } });
});

function row(overrides: Partial<NewAnnotationRow> = {}): NewAnnotationRow {
  const now = new Date().toISOString();
  return {
    id: randomUUID(),
    articleId: article.id,
    articleVersion: article.version,
    authorId,
    verdict,
    rationale: 'The statistics office says 4.6 percent.',
    status: 'SUBMITTED',
    statusChangedById: authorId,
    statusChangedAt: now,
    quoteExact: 'unemployment fell to 4 percent',
    quotePrefix: 'The minister said ',
    quoteSuffix: ' last year.',
    positionStart: 18,
    positionEnd: 48,
    idempotencyKey: null,
    createdAt: now,
    eventId: randomUUID(),
    history: { status: 'SUBMITTED', verdict: verdict.label },
    sources: [
      { id: randomUUID(), position: 0, url: 'https://stats.example/unemployment', title: 'Labour survey', publisher: 'Statistics office', excerpt: '4.6 percent', accessedAt: now, evidenceId: null },
      { id: randomUUID(), position: 1, url: 'https://archive.example/speech', title: 'Speech', publisher: 'Archive', excerpt: '', accessedAt: null, evidenceId: null },
    ],
    ...overrides,
  };
}

async function stored(ids: string[]) {
  return db.annotation.findMany({ where: { id: { in: ids } }, include: { sources: { orderBy: { position: 'asc' } }, events: true } });
}

describe('annotation inserts, coalesced', () => {
  it('writes the creates of concurrent requests in one transaction, each with its sources and history entry', async () => {
    const rows = Array.from({ length: 20 }, () => row());
    const outcomes = await Promise.all(rows.map((r) => insertAnnotation(r)));
    expect(outcomes).toEqual(rows.map(() => ({ current: true, written: true })));
    const saved = await stored(rows.map((r) => r.id));
    expect(saved).toHaveLength(20);
    for (const annotation of saved) {
      expect(annotation.sources.map((s) => s.url)).toEqual(['https://stats.example/unemployment', 'https://archive.example/speech']);
      expect(annotation.events.map((e) => e.kind)).toEqual(['created']);
      expect(annotation.verdictId).toBe(verdict.id);
    }
    // One commit for all: the rows carry the same inserting transaction id.
    const transactions = await db.$queryRaw<{ xmin: string }[]>`SELECT DISTINCT xmin::text FROM "Annotation" WHERE id = ANY(${rows.map((r) => r.id)}::text[])`;
    expect(transactions).toHaveLength(1);
  });

  it('answers for each row of a batch on its own: a stale article version or verdict, or a used idempotency key, writes nothing for that row only', async () => {
    const key = `key-${randomUUID()}`;
    const rows = {
      fine: row(),
      staleText: row({ articleVersion: article.version - 1 }),
      staleVerdict: row({ verdict: { ...verdict, label: 'Wrong (renamed since)' } }),
      keyFirst: row({ idempotencyKey: key }),
      keyAgain: row({ idempotencyKey: key }),
      noVerdict: row({ verdict: null, status: 'DRAFT', statusChangedById: null, statusChangedAt: null }),
    };
    const entries = Object.entries(rows);
    const outcomes = Object.fromEntries(await Promise.all(entries.map(async ([name, r]) => [name, await insertAnnotation(r)] as const)));
    expect(outcomes).toEqual({
      fine: { current: true, written: true },
      staleText: { current: false, written: false },
      staleVerdict: { current: false, written: false },
      keyFirst: { current: true, written: true },
      keyAgain: { current: true, written: false },
      noVerdict: { current: true, written: true },
    });
    const saved = await stored(entries.map(([, r]) => r.id));
    expect(saved.map((a) => a.id).sort()).toEqual([rows.fine.id, rows.keyFirst.id, rows.noVerdict.id].sort());
    expect(await db.source.count({ where: { annotationId: { in: [rows.staleText.id, rows.staleVerdict.id, rows.keyAgain.id] } } })).toBe(0);
    expect(saved.find((a) => a.id === rows.noVerdict.id)).toMatchObject({ verdictId: null, status: 'DRAFT' });
  });

  it('a row the database refuses fails only its own request: the rest of its batch is written', async () => {
    const good = [row(), row(), row()];
    const bad = row();
    bad.sources[0]!.evidenceId = `missing-${randomUUID()}`; // no such evidence file: a foreign key violation
    const settled = await Promise.allSettled([good[0]!, bad, good[1]!, good[2]!].map((r) => insertAnnotation(r)));
    expect(settled.map((s) => s.status)).toEqual(['fulfilled', 'rejected', 'fulfilled', 'fulfilled']);
    expect(String((settled[1] as PromiseRejectedResult).reason)).toMatch(/23503|foreign key/i);
    const saved = await stored([...good, bad].map((r) => r.id));
    expect(saved.map((a) => a.id).sort()).toEqual(good.map((r) => r.id).sort());
    expect(await db.source.count({ where: { annotationId: bad.id } })).toBe(0);
    expect(await db.annotationEvent.count({ where: { annotationId: bad.id } })).toBe(0);
  });
});
