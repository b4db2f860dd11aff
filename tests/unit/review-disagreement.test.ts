import { describe, expect, it } from 'vitest';
import { findDisagreementClusters, overlapClusters, reliabilityUnits, spansOverlap, type RatedSpan } from '@/lib/review/disagreement';
import { krippendorffAlphaNominal } from '@/lib/review/krippendorff-alpha';

let next = 0;
const span = (authorId: string, start: number, end: number, verdict: string, id = `a${++next}`): RatedSpan => ({ id, authorId, start, end, verdict });
const ids = (clusters: { spans: RatedSpan[] }[]) => clusters.map((c) => c.spans.map((s) => s.id));

describe('spansOverlap', () => {
  it('needs a shared character: touching ends do not overlap', () => {
    expect(spansOverlap({ start: 0, end: 5 }, { start: 4, end: 9 })).toBe(true);
    expect(spansOverlap({ start: 0, end: 5 }, { start: 5, end: 9 })).toBe(false);
    expect(spansOverlap({ start: 2, end: 3 }, { start: 0, end: 10 })).toBe(true);
    expect(spansOverlap({ start: 0, end: 10 }, { start: 2, end: 3 })).toBe(true);
  });
});

describe('overlapClusters', () => {
  it('groups chains of overlaps, keeps separate passages apart, and orders by text position', () => {
    const spans = [span('r2', 50, 60, 'true', 'late'), span('r1', 0, 10, 'false', 'a'), span('r2', 8, 20, 'false', 'b'), span('r3', 18, 25, 'true', 'c'), span('r1', 25, 30, 'true', 'touching')];
    const clusters = overlapClusters(spans);
    expect(ids(clusters)).toEqual([['a', 'b', 'c'], ['touching'], ['late']]);
    expect(clusters[0]).toMatchObject({ start: 0, end: 25 });
  });

  it('puts nested passages together, the longer first, and drops empty ranges', () => {
    const clusters = overlapClusters([span('r1', 5, 8, 'false', 'inner'), span('r2', 0, 20, 'true', 'outer'), span('r3', 3, 3, 'true', 'empty')]);
    expect(ids(clusters)).toEqual([['outer', 'inner']]);
  });

  it('returns nothing for nothing', () => {
    expect(overlapClusters([])).toEqual([]);
  });
});

describe('findDisagreementClusters', () => {
  it('finds two reviewers with different verdicts on overlapping passages', () => {
    const found = findDisagreementClusters([span('r1', 0, 14, 'false', 'x'), span('r2', 5, 40, 'unverifiable', 'y')]);
    expect(ids(found)).toEqual([['x', 'y']]);
  });

  it('ignores reviewers who agree, one reviewer differing with themselves, and passages that do not overlap', () => {
    expect(findDisagreementClusters([span('r1', 0, 14, 'false'), span('r2', 5, 40, 'false')])).toEqual([]);
    expect(findDisagreementClusters([span('r1', 0, 14, 'false'), span('r1', 5, 40, 'true')])).toEqual([]);
    expect(findDisagreementClusters([span('r1', 0, 14, 'false'), span('r2', 14, 40, 'true')])).toEqual([]);
  });

  it('needs the disagreeing ratings to overlap each other, not only to share a cluster', () => {
    // r1 (false) and r2 (true) never meet: r1's second passage (true) bridges them and agrees with r2.
    const bridgedBySameReviewer = [span('r1', 0, 10, 'false'), span('r1', 8, 22, 'true'), span('r2', 20, 30, 'true')];
    expect(overlapClusters(bridgedBySameReviewer)).toHaveLength(1);
    expect(findDisagreementClusters(bridgedBySameReviewer)).toEqual([]);
    // When the bridge is someone else's and differs from a neighbour, that is a disagreement, and
    // the whole cluster is shown.
    const bridgedByThird = [span('r1', 0, 10, 'false'), span('r3', 8, 22, 'false'), span('r2', 20, 30, 'true')];
    expect(findDisagreementClusters(bridgedByThird).map((c) => c.spans.length)).toEqual([3]);
  });

  it('keeps each disagreement separate', () => {
    const found = findDisagreementClusters([
      span('r1', 0, 10, 'false', 'p1'),
      span('r2', 2, 12, 'true', 'p2'),
      span('r1', 100, 110, 'true', 'q1'),
      span('r2', 100, 110, 'true', 'q2'),
      span('r1', 200, 210, 'opinion', 's1'),
      span('r2', 205, 215, 'misleading', 's2'),
    ]);
    expect(ids(found)).toEqual([
      ['p1', 'p2'],
      ['s1', 's2'],
    ]);
  });
});

describe('reliabilityUnits', () => {
  it('makes one unit per cluster with one value per reviewer, the longest annotation of a reviewer counting', () => {
    const clusters = overlapClusters([span('r1', 0, 10, 'false'), span('r1', 2, 4, 'true'), span('r2', 3, 12, 'false'), span('r3', 50, 60, 'true')]);
    expect(reliabilityUnits(clusters)).toEqual([['false', 'false'], ['true']]);
  });

  it('feeds alpha: agreement on every shared passage is 1, disagreement on all of them is below 0', () => {
    const agree = overlapClusters([span('r1', 0, 10, 'false'), span('r2', 0, 10, 'false'), span('r1', 20, 30, 'true'), span('r2', 22, 30, 'true')]);
    expect(krippendorffAlphaNominal(reliabilityUnits(agree))).toMatchObject({ alpha: 1, pairableUnits: 2 });
    const disagree = overlapClusters([span('r1', 0, 10, 'false'), span('r2', 0, 10, 'true'), span('r1', 20, 30, 'true'), span('r2', 22, 30, 'false')]);
    expect(krippendorffAlphaNominal(reliabilityUnits(disagree)).alpha).toBeCloseTo(-0.5, 12);
  });
});
