import { describe, expect, it } from 'vitest';
import type { ReportAnnotationInput, ReportInput, ReportVerdict } from '@/lib/export/report-model';
import { buildReport, reportFileName, verdictSummary } from '@/lib/export/report-model';
import { articleParagraphs, segmentText, splitIntoParagraphs } from '@/lib/export/text-segments';
import { highlightColors, safeHttpUrl } from '@/lib/export/report-presentation';

type Shape = { text: string; numbers: number[]; starting: number[]; ending: number[]; innermost: number | null };

function shapes(text: string, ranges: { number: number; start: number; end: number }[]): Shape[] {
  return segmentText(text, ranges).map(({ text: t, numbers, starting, ending, innermost }) => ({ text: t, numbers, starting, ending, innermost }));
}

describe('segmentText (boundary sweep)', () => {
  it('returns the whole text as one plain segment when nothing is highlighted', () => {
    expect(shapes('abc', [])).toEqual([{ text: 'abc', numbers: [], starting: [], ending: [], innermost: null }]);
    expect(segmentText('', [])).toEqual([]);
  });

  it('cuts crossing passages into plain, single and shared runs', () => {
    expect(shapes('abcdefghij', [
      { number: 1, start: 2, end: 6 },
      { number: 2, start: 4, end: 8 },
    ])).toEqual([
      { text: 'ab', numbers: [], starting: [], ending: [], innermost: null },
      { text: 'cd', numbers: [1], starting: [1], ending: [], innermost: 1 },
      { text: 'ef', numbers: [1, 2], starting: [2], ending: [1], innermost: 2 },
      { text: 'gh', numbers: [2], starting: [], ending: [2], innermost: 2 },
      { text: 'ij', numbers: [], starting: [], ending: [], innermost: null },
    ]);
  });

  it('keeps a nested passage inside its parent and draws the inner one on top', () => {
    expect(shapes('abcdefghij', [
      { number: 1, start: 0, end: 10 },
      { number: 2, start: 3, end: 5 },
    ])).toEqual([
      { text: 'abc', numbers: [1], starting: [1], ending: [], innermost: 1 },
      { text: 'de', numbers: [1, 2], starting: [2], ending: [2], innermost: 2 },
      { text: 'fghij', numbers: [1], starting: [], ending: [1], innermost: 1 },
    ]);
  });

  it('handles identical passages, shared edges and touching passages', () => {
    expect(shapes('abcdef', [
      { number: 1, start: 0, end: 3 },
      { number: 2, start: 0, end: 3 },
      { number: 3, start: 3, end: 6 },
    ])).toEqual([
      { text: 'abc', numbers: [1, 2], starting: [1, 2], ending: [1, 2], innermost: 2 },
      { text: 'def', numbers: [3], starting: [3], ending: [3], innermost: 3 },
    ]);
    expect(shapes('abcdef', [
      { number: 1, start: 0, end: 6 },
      { number: 2, start: 0, end: 2 },
    ]).map((s) => [s.text, s.numbers, s.ending])).toEqual([
      ['ab', [1, 2], [2]],
      ['cdef', [1], [1]],
    ]);
  });

  it('ignores empty passages and clamps passages that run past the text', () => {
    expect(shapes('abc', [
      { number: 1, start: 2, end: 2 },
      { number: 2, start: 1, end: 99 },
      { number: 3, start: -5, end: 1 },
    ]).map((s) => [s.text, s.numbers])).toEqual([
      ['a', [3]],
      ['bc', [2]],
    ]);
  });

  it('never cuts a surrogate pair in half', () => {
    const text = 'a😀b';
    const segments = segmentText(text, [{ number: 1, start: 2, end: 4 }]);
    expect(segments.map((s) => s.text)).toEqual(['a', '😀b']);
  });

  it('copes with many passages sharing the same stretch', () => {
    const ranges = Array.from({ length: 200 }, (_, i) => ({ number: i + 1, start: i, end: 400 - i }));
    const segments = segmentText('x'.repeat(400), ranges);
    expect(segments).toHaveLength(399);
    expect(segments[199].numbers).toHaveLength(200);
    expect(segments[199].innermost).toBe(200);
  });
});

describe('splitIntoParagraphs', () => {
  it('splits at line breaks, drops blank lines and keeps reference marks on the right line', () => {
    const text = 'one two\n\nthree four\n';
    const paragraphs = splitIntoParagraphs(segmentText(text, [{ number: 1, start: 4, end: 14 }]));
    expect(paragraphs.map((p) => p.map((s) => [s.text, s.numbers, s.starting, s.ending]))).toEqual([
      [
        ['one ', [], [], []],
        ['two', [1], [1], []],
      ],
      [
        ['three', [1], [], [1]],
        [' four', [], [], []],
      ],
    ]);
  });

  it('moves line breaks at the edges of a passage out of it', () => {
    const text = 'ab\ncd';
    const paragraphs = splitIntoParagraphs(segmentText(text, [{ number: 1, start: 0, end: 3 }]));
    expect(paragraphs.map((p) => p.map((s) => [s.text, s.ending]))).toEqual([[['ab', [1]]], [['cd', []]]]);
  });
});

const verdicts: Record<string, ReportVerdict> = {
  false: { key: 'false', label: 'False', color: '#b3261e', ratingValue: 1 },
  true: { key: 'true', label: 'True', color: '#1b7a3a', ratingValue: 5 },
  opinion: { key: 'opinion', label: 'Opinion', color: '#1f5f99', ratingValue: 0 },
};

function annotation(id: string, start: number, end: number, extra: Partial<ReportAnnotationInput> = {}): ReportAnnotationInput {
  const created = new Date('2026-03-01T10:00:00Z');
  return {
    id,
    quote: { exact: 'x'.repeat(end - start), prefix: '', suffix: '' },
    position: { start, end },
    orphaned: false,
    verdict: verdicts.false,
    rationale: '',
    status: 'APPROVED',
    author: { name: 'Ana', email: 'ana@example.org' },
    approver: { name: 'Ed' },
    approvedAt: created,
    createdAt: created,
    updatedAt: created,
    sources: [],
    comments: [{ author: 'Ed', body: 'ok', createdAt: created }],
    ...extra,
  };
}

function input(annotations: ReportAnnotationInput[], options = { approvedOnly: false, includeComments: true }): ReportInput {
  return {
    article: { id: 'a1', slug: 'peace-talks', title: 'T', outlet: 'O', author: null, url: null, publishedAt: null, text: 'x'.repeat(100) },
    annotations,
    options,
    generatedAt: new Date('2026-03-05T23:30:00Z'),
    generatedBy: { name: 'Ed' },
    baseUrl: 'https://desk.example.org/',
  };
}

describe('buildReport', () => {
  it('numbers annotations in text order, enclosing passages first, orphans last', () => {
    const report = buildReport(
      input([
        annotation('late', 50, 60),
        annotation('orphan', 0, 5, { orphaned: true }),
        annotation('inner', 10, 12),
        annotation('outer', 10, 30),
        annotation('first', 2, 4),
      ]),
    );
    expect(report.annotations.map((a) => [a.id, a.number])).toEqual([
      ['first', 1],
      ['outer', 2],
      ['inner', 3],
      ['late', 4],
      ['orphan', 5],
    ]);
    expect(report.baseUrl).toBe('https://desk.example.org');
  });

  it('keeps only approved annotations when asked, and drops comments unless included', () => {
    const report = buildReport(
      input([annotation('draft', 0, 5, { status: 'DRAFT' }), annotation('ok', 10, 15)], { approvedOnly: true, includeComments: false }),
    );
    expect(report.annotations.map((a) => [a.id, a.number])).toEqual([['ok', 1]]);
    expect(report.annotations[0].comments).toEqual([]);
  });

  it('does not highlight orphaned annotations in the article', () => {
    const report = buildReport(input([annotation('orphan', 0, 5, { orphaned: true })]));
    expect(articleParagraphs(report).flat().every((segment) => segment.numbers.length === 0)).toBe(true);
  });
});

describe('verdictSummary', () => {
  it('counts per verdict, best rating first, unrated and missing verdicts last', () => {
    const report = buildReport(
      input([
        annotation('a', 0, 1, { verdict: verdicts.opinion }),
        annotation('b', 1, 2, { verdict: null }),
        annotation('c', 2, 3),
        annotation('d', 3, 4, { verdict: verdicts.true }),
        annotation('e', 4, 5),
      ]),
    );
    expect(verdictSummary(report.annotations).map((e) => [e.label, e.count])).toEqual([
      ['True', 1],
      ['False', 2],
      ['Opinion', 1],
      ['No verdict', 1],
    ]);
  });
});

describe('reportFileName', () => {
  it('is the slug and the UTC day the report was generated', () => {
    const report = buildReport(input([]));
    expect(reportFileName(report, 'pdf')).toBe('peace-talks-2026-03-05.pdf');
    expect(reportFileName({ ...report, article: { ...report.article, slug: 'a"b\r\nc' } }, 'csv')).toBe('a-b-c-2026-03-05.csv');
  });
});

describe('presentation helpers', () => {
  it('lets only absolute http(s) URLs become links', () => {
    expect(safeHttpUrl('https://example.org/a b')).toBe('https://example.org/a%20b');
    expect(safeHttpUrl('javascript:alert(1)')).toBeNull();
    expect(safeHttpUrl('data:text/html,x')).toBeNull();
    expect(safeHttpUrl('/relative')).toBeNull();
  });

  it('accepts only hex colours and falls back to a neutral one', () => {
    expect(highlightColors({ ...verdicts.false, color: 'red;}body{display:none' }).solid).toBe('#6b7280');
    expect(highlightColors({ ...verdicts.false, color: '#ABC' })).toEqual({ solid: '#aabbcc', tint: '#e7ecf1' });
  });
});

describe('plain rationale', () => {
  it('reads the rationale Markdown subset as text for reports and snippets', async () => {
    const { plainRationale } = await import('@/lib/annotations/plain-rationale');
    expect(plainRationale('Moscow did **not** reject it; the readout calls them *unacceptable*, see [the readout](https://example.org/r).\n- one\n- two')).toBe(
      'Moscow did not reject it; the readout calls them unacceptable, see the readout (https://example.org/r).\n- one\n- two',
    );
    // Arithmetic and lone asterisks are text.
    expect(plainRationale('2 * 3 * 4 is 24; a footnote*')).toBe('2 * 3 * 4 is 24; a footnote*');
  });
});
