'use client';

import { EditorContent, useEditor } from '@tiptap/react';
import StarterKit from '@tiptap/starter-kit';
import { textToDoc } from '@/lib/anchoring/text-document';

/** The article inside a read-only TipTap editor. */
export function ArticleViewer({ text }: { text: string }) {
  const editor = useEditor({
    extensions: [StarterKit],
    content: textToDoc(text),
    editable: false,
    immediatelyRender: false,
    editorProps: { attributes: { 'aria-label': 'Article text', role: 'document', 'data-testid': 'article-text' } },
  });
  if (!editor) return <div className="editor-loading">Loading article…</div>;
  return <EditorContent editor={editor} />;
}
