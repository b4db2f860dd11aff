import { describe, expect, it } from 'vitest';
import type { AnnotationSummary } from '@/lib/annotations/annotation-summary';
import { mergeSummaries, upsertSummary } from '@/components/annotations/summary-list';

function summary(id: string, start: number, end: number, extra: Partial<AnnotationSummary> = {}): AnnotationSummary {
  return {
    id,
    version: 1,
    status: 'SUBMITTED',
    orphaned: false,
    verdict: { key: 'false', label: 'False', color: '#dc2626' },
    target: { exact: 'x'.repeat(end - start), start, end },
    author: { id: 'u1', name: 'Rita Reviewer' },
    commentCount: 0,
    ...extra,
  };
}

describe('the article page’s list of annotations', () => {
  const list = [summary('a', 0, 10), summary('b', 5, 20), summary('c', 30, 40)];

  it('keeps the same list when a re-read brings nothing new, and the unchanged objects when it does', () => {
    const same = list.map((a) => ({ ...a, target: { ...a.target }, author: { ...a.author }, verdict: a.verdict && { ...a.verdict } }));
    expect(mergeSummaries(list, same)).toBe(list);
    const commented = mergeSummaries(list, [same[0]!, { ...same[1]!, commentCount: 1 }, same[2]!]);
    expect(commented).not.toBe(list);
    expect(commented[0]).toBe(list[0]);
    expect(commented[1]).toMatchObject({ id: 'b', commentCount: 1 });
    expect(commented[2]).toBe(list[2]);
    const blinded = mergeSummaries(list, [same[0]!, { ...same[1]!, verdict: null, blind: true }, same[2]!]);
    expect(blinded[1]).toMatchObject({ verdict: null, blind: true });
    expect(mergeSummaries(list, [same[0]!, same[2]!]).map((a) => a.id)).toEqual(['a', 'c']);
  });

  it('puts a new annotation in text order: by start, the longer passage first, after its equals', () => {
    expect(upsertSummary(list, summary('d', 5, 30)).map((a) => a.id)).toEqual(['a', 'd', 'b', 'c']);
    expect(upsertSummary(list, summary('e', 5, 20)).map((a) => a.id)).toEqual(['a', 'b', 'e', 'c']);
    expect(upsertSummary(list, summary('f', 50, 60)).map((a) => a.id)).toEqual(['a', 'b', 'c', 'f']);
    expect(upsertSummary([], summary('g', 1, 2)).map((a) => a.id)).toEqual(['g']);
  });

  it('replaces a changed annotation where it is, and returns the same list for no change', () => {
    const approved = upsertSummary(list, summary('b', 5, 20, { status: 'APPROVED', version: 2 }));
    expect(approved.map((a) => [a.id, a.status])).toEqual([
      ['a', 'SUBMITTED'],
      ['b', 'APPROVED'],
      ['c', 'SUBMITTED'],
    ]);
    expect(upsertSummary(list, { ...list[2]! })).toBe(list);
    // Re-anchored elsewhere: moved to its new place.
    expect(upsertSummary(list, summary('a', 35, 38)).map((a) => a.id)).toEqual(['b', 'c', 'a']);
  });
});
