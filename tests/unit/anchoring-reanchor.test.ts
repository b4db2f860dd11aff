import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { reanchor, reanchorAll, type ReanchorResult, type StoredAnchor } from '@/lib/anchoring/reanchor';
import { describeRange } from '@/lib/anchoring/selectors';

const article = readFileSync(path.resolve(__dirname, '../../prisma/seed-data/article.txt'), 'utf8');
const PASSAGE = 'four documents';

function storedAnchor(text: string, start: number, end: number): StoredAnchor {
  const { quote, position } = describeRange(text, start, end);
  return { exact: quote.exact, prefix: quote.prefix, suffix: quote.suffix, start: position.start, end: position.end };
}

function anchorOf(text: string, passage: string): StoredAnchor {
  const start = text.indexOf(passage);
  expect(start).toBeGreaterThanOrEqual(0);
  return storedAnchor(text, start, start + passage.length);
}

function replaceOnce(text: string, search: string, replacement: string): string {
  expect(text.split(search)).toHaveLength(2);
  return text.replace(search, replacement);
}

function firstLine(text: string): string {
  return text.slice(0, text.indexOf('\n'));
}

function textAt(text: string, result: ReanchorResult): string | null {
  return result.status === 'orphaned' ? null : text.slice(result.start, result.end);
}

describe('reanchor', () => {
  const passageStart = article.indexOf(PASSAGE);
  const passage = anchorOf(article, PASSAGE);

  it('uses the stored position when the text there is unchanged', () => {
    expect(reanchor(article, passage)).toEqual({
      status: 'exact-position',
      start: passageStart,
      end: passageStart + PASSAGE.length,
    });
  });

  it('finds a passage moved by a paragraph inserted before it', () => {
    const inserted = 'Editor’s note: this article was updated with “new” reporting.\n';
    const moved = inserted + article;
    const result = reanchor(moved, passage);

    expect(result).toEqual({
      status: 'quote',
      start: passageStart + inserted.length,
      end: passageStart + inserted.length + PASSAGE.length,
    });
  });

  it('finds a passage whose prefix was edited', () => {
    const edited = replaceOnce(article, 'provided within four', 'given inside four');
    const result = reanchor(edited, passage);

    expect(result.status).toBe('quote');
    expect(textAt(edited, result)).toBe(PASSAGE);
    expect(result).toMatchObject({ start: edited.indexOf(PASSAGE) });
  });

  it('finds a slightly edited quote by fuzzy matching', () => {
    const longQuote = 'details provided within four documents related';
    expect(longQuote.length).toBeGreaterThanOrEqual(40);
    const anchor = anchorOf(article, longQuote);
    const edited = replaceOnce(article, 'four documents', 'for documents');
    const result = reanchor(edited, anchor);

    expect(result).toEqual({
      status: 'fuzzy',
      start: anchor.start,
      end: anchor.end - 1,
    });
    expect(textAt(edited, result)).toBe('details provided within for documents related');
  });

  it('finds a fuzzy match after the text also moved', () => {
    const longQuote = 'details provided within four documents related';
    const anchor = anchorOf(article, longQuote);
    const inserted = 'A new first paragraph.\n';
    const edited = inserted + replaceOnce(article, 'within four documents', 'within the four documents');
    const result = reanchor(edited, anchor);

    expect(result.status).toBe('fuzzy');
    expect(textAt(edited, result)).toBe('details provided within the four documents related');
  });

  it('finds a whole paragraph with several words edited, and orphans it once most of it is gone', () => {
    const paragraph = firstLine(article);
    expect(paragraph.length).toBeGreaterThan(512);
    const anchor = anchorOf(article, paragraph);
    const edited = article
      .replace('Kremlin Spokesman', 'Kremlin spokesperson')
      .replace('implied skepticism', 'signalled doubt')
      .replace('four documents', 'several documents');
    const result = reanchor(edited, anchor);
    expect(result.status).toBe('fuzzy');
    expect(textAt(edited, result)).toBe(firstLine(edited));

    const gutted = article.replace(paragraph.slice(40, 480), '');
    expect(reanchor(gutted, anchor)).toEqual({ status: 'orphaned' });
  });

  it('orphans a quote that was deleted', () => {
    const deleted = replaceOnce(article, ' within four documents related to the proposal', '');
    expect(reanchor(deleted, passage)).toEqual({ status: 'orphaned' });
  });

  it('orphans a quote that was rewritten beyond half its length', () => {
    const anchor = anchorOf(article, 'normal negotiation process');
    const rewritten = replaceOnce(article, 'normal negotiation process', 'usual bargaining routine');
    expect(reanchor(rewritten, anchor)).toEqual({ status: 'orphaned' });
  });

  describe('when the quote occurs more than once', () => {
    const duplicate = 'Reporters were later shown four documents of their own, unrelated to the talks.';
    const withDuplicateFirst = `${duplicate}\n${article}`;
    const originalStart = passageStart + duplicate.length + 1;

    it('lets the context decide over the position', () => {
      const result = reanchor(withDuplicateFirst, passage);
      expect(result).toEqual({ status: 'quote', start: originalStart, end: originalStart + PASSAGE.length });
    });

    it('lets the context decide even when the stored position points at the other occurrence', () => {
      const misleading = { ...passage, start: duplicate.indexOf(PASSAGE), end: duplicate.indexOf(PASSAGE) + 1 };
      expect(reanchor(withDuplicateFirst, misleading)).toMatchObject({ status: 'quote', start: originalStart });
    });

    it('finds the duplicate when that is the one the context describes', () => {
      const anchorOnDuplicate = anchorOf(withDuplicateFirst, PASSAGE);
      const shifted = `Intro.\n${withDuplicateFirst}`;
      expect(reanchor(shifted, anchorOnDuplicate)).toMatchObject({
        status: 'quote',
        start: 'Intro.\n'.length + duplicate.indexOf(PASSAGE),
      });
    });

    it('falls back to the nearest occurrence when the contexts are identical', () => {
      const text = 'one two one two one two';
      const anchor = { exact: 'one', prefix: 'two ', suffix: ' two', start: 13, end: 16 };
      // Both occurrences after the first have the same context; the stored start is off by one.
      expect(reanchor(text, anchor)).toMatchObject({ status: 'quote', start: 16 });
      expect(reanchor(text, { ...anchor, start: 9, end: 12 })).toMatchObject({ status: 'quote', start: 8 });
    });
  });

  it('finds a quote at the very start and at the very end of the text (short context)', () => {
    const first = 'Kremlin Spokesman';
    const startAnchor = anchorOf(article, first);
    expect(startAnchor.prefix).toBe('');
    const last = 'not done thus far.';
    const endAnchor = storedAnchor(article, article.length - last.length - 1, article.length);
    expect(endAnchor.suffix).toBe('');

    const moved = `Update.\n${article}`;
    expect(reanchor(moved, startAnchor)).toEqual({ status: 'quote', start: 8, end: 8 + first.length });
    expect(reanchor(moved, endAnchor)).toEqual({ status: 'quote', start: moved.length - last.length - 1, end: moved.length });
  });

  it('orphans everything in an empty text, and an empty quote anywhere', () => {
    expect(reanchor('', passage)).toEqual({ status: 'orphaned' });
    expect(reanchor(article, { exact: '', prefix: '', suffix: '', start: 0, end: 0 })).toEqual({ status: 'orphaned' });
  });

  it('ignores a stored position that is out of bounds', () => {
    expect(reanchor(article, { ...passage, start: -5, end: 9 })).toMatchObject({ status: 'quote', start: passageStart });
    expect(reanchor(article.slice(0, 600), { ...passage, start: 1000, end: 1014 })).toMatchObject({
      status: 'quote',
      start: passageStart,
    });
  });

  it('does not return half of an emoji from a fuzzy match', () => {
    const original = 'The mood was 😀 happy at the summit today';
    const anchor = anchorOf(original, '😀 happy at the summit');
    const edited = 'The mood was 😃 happy at the summit today';
    const result = reanchor(edited, anchor);

    expect(result.status).toBe('fuzzy');
    expect(textAt(edited, result)).toBe('😃 happy at the summit');
  });

  it('re-anchors several anchors in order', () => {
    const moved = `Update.\n${article}`;
    const results = reanchorAll(moved, [passage, { exact: 'absent words', prefix: '', suffix: '', start: 0, end: 12 }]);
    expect(results.map((result) => result.status)).toEqual(['quote', 'orphaned']);
  });
});
