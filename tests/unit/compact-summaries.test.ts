import { describe, expect, it } from 'vitest';
import type { AnnotationSummary } from '@/lib/annotations/annotation-summary';
import { decodeSummaries, encodeSummaries } from '@/lib/annotations/compact-summaries';

const text = 'The minister said that unemployment fell.\nCrime was at its lowest level since 2001.\n';

function summary(id: string, exact: string, extra: Partial<AnnotationSummary> = {}): AnnotationSummary {
  const start = text.indexOf(exact);
  return {
    id,
    version: 2,
    status: 'SUBMITTED',
    orphaned: false,
    verdict: { key: 'false', label: 'False', color: '#b3261e' },
    target: { exact, start, end: start + exact.length },
    author: { id: 'u1', name: 'Rita Reviewer' },
    commentCount: 0,
    ...extra,
  };
}

describe('the article page’s compact list of summaries', () => {
  const summaries: AnnotationSummary[] = [
    summary('a1', 'unemployment fell'),
    summary('a2', 'unemployment', { status: 'DRAFT', verdict: null, author: { id: 'u2', name: 'Ed Editor' }, commentCount: 3 }),
    summary('a3', 'Crime', { verdict: null, blind: true, status: 'APPROVED' }),
    // Orphaned: its passage is no longer in the text, its offsets point at something else.
    { ...summary('a4', 'lowest level'), orphaned: true, target: { exact: 'highest level', start: 60, end: 73 } },
    summary('a5', 'since 2001', { verdict: { key: 'false', label: 'Wrong', color: '#b3261e' } }),
  ];

  it('gives back exactly what was encoded', () => {
    const compact = JSON.parse(JSON.stringify(encodeSummaries(summaries, text)));
    expect(decodeSummaries(compact, text)).toEqual(summaries);
    expect(decodeSummaries(encodeSummaries([], text), text)).toEqual([]);
  });

  it('names each verdict, author and status once, and sends a passage only where the text does not have it', () => {
    const compact = encodeSummaries(summaries, text);
    expect(compact.authors).toEqual([
      { id: 'u1', name: 'Rita Reviewer' },
      { id: 'u2', name: 'Ed Editor' },
    ]);
    // A verdict relabelled meanwhile is told apart from the one it was.
    expect(compact.verdicts.map((v) => v.label)).toEqual(['False', 'Wrong']);
    expect(compact.statuses).toEqual(['SUBMITTED', 'DRAFT', 'APPROVED']);
    expect(compact.rows.map((row) => row.length)).toEqual([9, 9, 9, 10, 9]);
    expect(compact.rows[3]!.at(-1)).toBe('highest level');
    expect(JSON.stringify(compact).length).toBeLessThan(JSON.stringify(summaries).length / 2);
  });

  it('keeps a blinded annotation blinded: no verdict, and the flag', () => {
    const [, , blinded] = decodeSummaries(encodeSummaries(summaries, text), text);
    expect(blinded).toMatchObject({ id: 'a3', verdict: null, blind: true });
    expect('blind' in decodeSummaries(encodeSummaries(summaries, text), text)[0]!).toBe(false);
  });
});
