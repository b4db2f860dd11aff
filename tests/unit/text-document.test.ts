import { describe, expect, it } from 'vitest';
import { splitParagraphs, textToDoc } from '@/lib/anchoring/text-document';

describe('text document', () => {
  it('makes one paragraph per line and no empty paragraph for a trailing newline', () => {
    expect(splitParagraphs('a\nb\n')).toEqual(['a', 'b']);
    expect(textToDoc('a\n\nb').content).toEqual([
      { type: 'paragraph', content: [{ type: 'text', text: 'a' }] },
      { type: 'paragraph' },
      { type: 'paragraph', content: [{ type: 'text', text: 'b' }] },
    ]);
  });
});
