import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CONTEXT_LENGTH, describeRange, splitsSurrogatePair } from '@/lib/anchoring/selectors';

const article = readFileSync(path.resolve(__dirname, '../../prisma/seed-data/article.txt'), 'utf8');
const PASSAGE = 'four documents';

describe('describeRange', () => {
  it('describes a passage of the seed article with 32 code units of context on each side', () => {
    const start = article.indexOf(PASSAGE);
    const anchor = describeRange(article, start, start + PASSAGE.length);

    expect(anchor).toEqual({
      quote: {
        type: 'TextQuoteSelector',
        exact: PASSAGE,
        prefix: 'ting on details provided within ',
        suffix: ' related to the proposal.\nHe emp',
      },
      position: { type: 'TextPositionSelector', start, end: start + PASSAGE.length },
    });
    expect(anchor.quote.prefix).toHaveLength(CONTEXT_LENGTH);
    expect(anchor.quote.suffix).toHaveLength(CONTEXT_LENGTH);
  });

  it('counts curly quotes as one code unit each, like the rest of the text', () => {
    const quoted = '“normal negotiation process”';
    const start = article.indexOf(quoted);
    const { quote, position } = describeRange(article, start, start + quoted.length);

    expect(quote.exact).toBe(quoted);
    expect(position.end - position.start).toBe(quoted.length);
    expect(article.slice(position.start - quote.prefix.length, position.end + quote.suffix.length)).toBe(
      quote.prefix + quoted + quote.suffix,
    );
  });

  it('keeps short context at the start and the end of the text', () => {
    expect(describeRange('Hello world', 0, 5).quote).toMatchObject({ exact: 'Hello', prefix: '', suffix: ' world' });
    expect(describeRange('Hello world', 6, 11).quote).toMatchObject({ exact: 'world', prefix: 'Hello ', suffix: '' });
    expect(describeRange('x', 0, 1).quote).toMatchObject({ exact: 'x', prefix: '', suffix: '' });
  });

  it('does not split an emoji at the edge of the prefix or the suffix', () => {
    const emoji = '😀';
    expect(emoji).toHaveLength(2);
    // The emoji's low surrogate sits exactly 32 code units before the start and its high surrogate
    // at the 32nd code unit after the end.
    const before = `${emoji}${'a'.repeat(CONTEXT_LENGTH - 1)}`;
    const after = `${'b'.repeat(CONTEXT_LENGTH - 1)}${emoji}`;
    const text = `${before}QUOTE${after}`;
    const start = before.length;
    const { quote } = describeRange(text, start, start + 'QUOTE'.length);

    expect(quote.exact).toBe('QUOTE');
    expect(quote.prefix).toBe('a'.repeat(CONTEXT_LENGTH - 1));
    expect(quote.suffix).toBe('b'.repeat(CONTEXT_LENGTH - 1));
  });

  it('keeps an emoji that fits whole in the context', () => {
    const text = `${'a'.repeat(CONTEXT_LENGTH - 2)}😀QUOTE😀${'b'.repeat(CONTEXT_LENGTH)}`;
    const start = text.indexOf('QUOTE');
    const { quote } = describeRange(text, start, start + 5);

    expect(quote.prefix).toBe(`${'a'.repeat(CONTEXT_LENGTH - 2)}😀`);
    expect(quote.suffix).toBe(`😀${'b'.repeat(CONTEXT_LENGTH - 2)}`);
  });

  it('rejects empty, reversed, out-of-bounds and fractional ranges', () => {
    expect(() => describeRange('abc', 1, 1)).toThrow(RangeError);
    expect(() => describeRange('abc', 2, 1)).toThrow(RangeError);
    expect(() => describeRange('abc', -1, 2)).toThrow(RangeError);
    expect(() => describeRange('abc', 0, 4)).toThrow(RangeError);
    expect(() => describeRange('abc', 0.5, 2)).toThrow(RangeError);
    expect(() => describeRange('', 0, 0)).toThrow(RangeError);
  });
});

describe('splitsSurrogatePair', () => {
  it('is true only between the two halves of a pair', () => {
    const text = 'a😀b';
    expect([0, 1, 2, 3, 4].map((index) => splitsSurrogatePair(text, index))).toEqual([false, false, true, false, false]);
  });
});
