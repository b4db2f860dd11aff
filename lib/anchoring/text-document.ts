import type { JSONContent } from '@tiptap/core';

// An article's plain text is stored as-is; in the editor each line is one paragraph. Offsets into
// the plain text are UTF-16 code units (JavaScript string indices), on the server and in the
// browser alike. A trailing newline does not make an empty last paragraph.

export function splitParagraphs(text: string): string[] {
  const lines = text.split('\n');
  if (lines.length > 1 && lines.at(-1) === '') lines.pop();
  return lines;
}

/** The TipTap document of an article's text: one paragraph per line. */
export function textToDoc(text: string): JSONContent {
  return {
    type: 'doc',
    content: splitParagraphs(text).map((line) =>
      line.length ? { type: 'paragraph', content: [{ type: 'text', text: line }] } : { type: 'paragraph' },
    ),
  };
}
