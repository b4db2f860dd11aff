import { readFileSync } from 'node:fs';
import path from 'node:path';
import { getSchema } from '@tiptap/core';
import { Node } from '@tiptap/pm/model';
import StarterKit from '@tiptap/starter-kit';
import { describe, expect, it } from 'vitest';
import {
  createOffsetMap,
  docPosToTextOffset,
  docRangeToTextRange,
  rangeToDocRange,
  textOffsetToDocPos,
} from '@/lib/anchoring/positions';
import { splitParagraphs, textToDoc } from '@/lib/anchoring/text-document';

const article = readFileSync(path.resolve(__dirname, '../../prisma/seed-data/article.txt'), 'utf8');
const schema = getSchema([StarterKit]);

function buildDoc(text: string): Node {
  return Node.fromJSON(schema, textToDoc(text));
}

/** Every offset of `text` that holds a character other than a paragraph-separating newline. */
function characterOffsets(text: string): number[] {
  return Array.from({ length: text.length }, (_, offset) => offset).filter((offset) => text[offset] !== '\n');
}

const texts: Record<string, string> = {
  'the seed article': article,
  'empty text': '',
  'a single line': 'Hello',
  'empty paragraphs': 'a\n\nb\n\n\nc',
  'leading and trailing newlines': '\nfirst\nlast\n',
  'only a newline': '\n',
  'an emoji': 'smile 😀\n“quoted” 😀 end',
};

describe.each(Object.entries(texts))('offset map of %s', (_name, text) => {
  const doc = buildDoc(text);
  const map = createOffsetMap(text);

  it('knows the size of the document textToDoc builds', () => {
    expect(map.docSize).toBe(doc.content.size);
    expect(map.paragraphCount).toBe(splitParagraphs(text).length);
  });

  it('maps every character to the same character in the document', () => {
    for (const offset of characterOffsets(text)) {
      const pos = map.toDocPos(offset);
      expect(doc.textBetween(pos, map.toDocPos(offset + 1))).toBe(text[offset]);
    }
  });

  it('round-trips every offset', () => {
    // The offset after a trailing newline has no paragraph of its own: it shares the last paragraph's end.
    const lastOffset = text.endsWith('\n') ? text.length - 1 : text.length;
    for (let offset = 0; offset <= lastOffset; offset++) {
      expect(map.toTextOffset(map.toDocPos(offset))).toBe(offset);
    }
    expect(map.toDocPos(text.length)).toBe(map.toDocPos(lastOffset));
  });

  it('round-trips every position inside paragraph content', () => {
    doc.descendants((node, nodePos) => {
      if (!node.isTextblock) return true;
      for (let pos = nodePos + 1; pos <= nodePos + 1 + node.content.size; pos++) {
        expect(map.toDocPos(map.toTextOffset(pos))).toBe(pos);
      }
      return false;
    });
  });

  it('maps every text range to the same text in the document', () => {
    const lastOffset = text.endsWith('\n') ? text.length - 1 : text.length;
    for (let start = 0; start <= lastOffset; start += 7) {
      for (let end = start; end <= lastOffset; end += 5) {
        const { from, to } = map.toDocRange(start, end);
        expect(doc.textBetween(from, to, '\n')).toBe(text.slice(start, end));
        expect(map.toTextRange(from, to)).toEqual({ start, end });
      }
    }
  });

  it('resolves positions outside paragraph content to a valid position', () => {
    for (let pos = 0; pos <= map.docSize; pos++) {
      for (const bias of ['before', 'after'] as const) {
        const offset = map.toTextOffset(pos, bias);
        expect(offset).toBeGreaterThanOrEqual(0);
        expect(offset).toBeLessThanOrEqual(text.length);
        expect(doc.resolve(map.toDocPos(offset)).parent.isTextblock).toBe(true);
      }
    }
  });
});

describe('positions in the seed article', () => {
  const doc = buildDoc(article);

  it('selects exactly "four documents" (after curly quotes and apostrophes earlier in the text)', () => {
    const start = article.indexOf('four documents');
    expect(article.slice(0, start)).toContain('“');
    const { from, to } = rangeToDocRange(article, start, start + 'four documents'.length);
    expect(doc.textBetween(from, to, '\n')).toBe('four documents');
  });

  it('selects a passage after an apostrophe in a later paragraph, and one spanning two paragraphs', () => {
    const later = 'Ukraine’s leadership';
    const laterStart = article.indexOf(later);
    const laterRange = rangeToDocRange(article, laterStart, laterStart + later.length);
    expect(doc.textBetween(laterRange.from, laterRange.to, '\n')).toBe(later);

    const spanning = 'the proposal.\nHe emphasized';
    const spanningStart = article.indexOf(spanning);
    const spanningRange = rangeToDocRange(article, spanningStart, spanningStart + spanning.length);
    expect(doc.textBetween(spanningRange.from, spanningRange.to, '\n')).toBe(spanning);
    expect(docRangeToTextRange(article, spanningRange.from, spanningRange.to)).toEqual({
      start: spanningStart,
      end: spanningStart + spanning.length,
    });
  });

  it('places paragraph k at offset + k + 1', () => {
    const secondParagraph = article.indexOf('He emphasized');
    expect(textOffsetToDocPos(article, 0)).toBe(1);
    expect(textOffsetToDocPos(article, secondParagraph)).toBe(secondParagraph + 2);
    expect(docPosToTextOffset(article, secondParagraph + 2)).toBe(secondParagraph);
  });
});

describe('positions between paragraphs', () => {
  // "ab\ncd": paragraph 0 spans positions 0..4 (content 1..3), paragraph 1 spans 4..8 (content 5..7).
  const text = 'ab\ncd';

  it('resolves the gap between paragraphs by bias, after by default', () => {
    expect(docPosToTextOffset(text, 4)).toBe(3);
    expect(docPosToTextOffset(text, 4, 'after')).toBe(3);
    expect(docPosToTextOffset(text, 4, 'before')).toBe(2);
  });

  it('resolves the document edges to the first and last offsets', () => {
    expect(docPosToTextOffset(text, 0, 'before')).toBe(0);
    expect(docPosToTextOffset(text, 8, 'after')).toBe(5);
  });

  it('keeps a whole-document range free of extra newlines and a collapsed gap range collapsed', () => {
    expect(docRangeToTextRange(text, 0, 8)).toEqual({ start: 0, end: 5 });
    expect(docRangeToTextRange(text, 4, 4)).toEqual({ start: 3, end: 3 });
    expect(docRangeToTextRange(text, 2, 4)).toEqual({ start: 1, end: 2 });
  });

  it('rejects offsets and positions outside the text and the document', () => {
    expect(() => textOffsetToDocPos(text, -1)).toThrow(RangeError);
    expect(() => textOffsetToDocPos(text, 6)).toThrow(RangeError);
    expect(() => textOffsetToDocPos(text, 1.5)).toThrow(RangeError);
    expect(() => docPosToTextOffset(text, 9)).toThrow(RangeError);
    expect(() => docPosToTextOffset(text, -1)).toThrow(RangeError);
    expect(() => rangeToDocRange(text, 3, 2)).toThrow(RangeError);
    expect(() => docRangeToTextRange(text, 5, 4)).toThrow(RangeError);
  });

  it('does not confuse a cached map with the map of another text', () => {
    expect(textOffsetToDocPos('ab\ncd', 3)).toBe(5);
    expect(textOffsetToDocPos('a\nbcd', 3)).toBe(5);
    expect(textOffsetToDocPos('abc\nd', 3)).toBe(4);
    expect(textOffsetToDocPos('ab\ncd', 3)).toBe(5);
  });
});
