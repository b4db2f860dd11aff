'use client';

import { memo, useEffect, useRef, useState } from 'react';
import { EditorContent, useEditor, type UseEditorOptions } from '@tiptap/react';
import { Extension } from '@tiptap/core';
import type { Transaction } from '@tiptap/pm/state';
import StarterKit from '@tiptap/starter-kit';
import { textToDoc } from '@/lib/anchoring/text-document';
import { HighlightDecorations, requestHighlights, type HighlightSpec } from '@/components/editor/highlight-decorations';
import { ReadOnlyText } from '@/components/editor/read-only-text';
import type { LiveDocument } from '@/components/editor/live-document';
import { articleOffsetMap, articlePlainText } from '@/components/editor/plain-text';

export type { LiveDocument } from '@/components/editor/live-document';

// The live binding (y-tiptap, Yjs) is loaded when there is a live document to bind to, not with the
// editor: the stored text and its highlights are drawn without it.
const loadLiveBinding = () => import('@/components/editor/live-document');

export interface TextSelection {
  start: number;
  end: number;
  exact: string;
}

interface Props {
  /** The stored text, shown until the live document has synced (or when there is none). */
  text: string;
  live: LiveDocument | null;
  /** An editor correcting the text: local changes are allowed and shared live. */
  correcting: boolean;
  highlights: HighlightSpec[];
  activeId: string | null;
  onHighlightClick: (ids: string[]) => void;
  onCheckClaim: (selection: TextSelection) => void;
}

export const CHECK_CLAIM_SHORTCUT = 'Ctrl+Alt+C';

const editorAttributes = {
  'aria-label': `Article text. Select a passage and press ${CHECK_CLAIM_SHORTCUT} to check a claim.`,
  role: 'textbox',
  'aria-multiline': 'true',
  'data-testid': 'article-text',
  spellcheck: 'false',
};

/**
 * The article in TipTap: text fixed (or corrected live by editors), highlights drawn, passages
 * selected. One editor for the page's life: it shows the stored text at once and is bound to the
 * live document when that has synced, keeping its DOM and highlights.
 */
export const AnnotatedArticle = memo(function AnnotatedArticle({ text, live, correcting, highlights, activeId, onHighlightClick, onCheckClaim }: Props) {
  const [selection, setSelection] = useState<(TextSelection & { top: number; left: number }) | null>(null);
  const [boundTo, setBoundTo] = useState<LiveDocument | null>(null);
  const wrapper = useRef<HTMLDivElement>(null);
  // Handlers change on every render; the editor's extensions are created once and call through refs.
  const handlers = useRef({ onHighlightClick, onCheckClaim, selection, correcting, highlights, activeId });
  handlers.current = { onHighlightClick, onCheckClaim, selection, correcting, highlights, activeId };
  // Set once the live binding is loaded: until then no transaction comes from collaborators.
  const isLiveChange = useRef<((tr: Transaction) => boolean) | null>(null);

  // The same options object on every render: useEditor compares it and would otherwise update the
  // editor's props each time.
  const [options] = useState<UseEditorOptions>(() => ({
    immediatelyRender: false,
    content: textToDoc(text),
    extensions: [
      // No hard breaks: a line is a paragraph, and offsets count one "\n" between paragraphs.
      StarterKit.configure({ undoRedo: false, hardBreak: false }),
      // Corrections only through the live binding: a change made without it would reach no one.
      ReadOnlyText.configure({ canEdit: () => handlers.current.correcting && isLiveChange.current !== null, isRemote: (tr) => isLiveChange.current?.(tr) ?? false }),
      HighlightDecorations.configure({
        onClick: (ids) => handlers.current.onHighlightClick(ids),
        // The highlights asked for when the editor is created: the top of the article's are in its first paint.
        initial: () => ({ highlights: handlers.current.highlights, activeId: handlers.current.activeId }),
      }),
      Extension.create({
        name: 'checkClaimShortcut',
        addKeyboardShortcuts: () => ({
          'Mod-Alt-c': () => {
            const current = handlers.current.selection;
            if (current) handlers.current.onCheckClaim(current);
            return true;
          },
        }),
      }),
    ],
    editorProps: { attributes: editorAttributes },
    onSelectionUpdate: ({ editor: e }) => {
      const { from, to, empty } = e.state.selection;
      if (empty) return setSelection(null);
      const current = articlePlainText(e.state.doc);
      const range = articleOffsetMap(e.state.doc).toTextRange(from, to);
      const exact = current.slice(range.start, range.end);
      if (!exact.trim()) return setSelection(null);
      const coords = e.view.coordsAtPos(to);
      const box = wrapper.current?.getBoundingClientRect();
      setSelection({ ...range, exact, top: coords.bottom - (box?.top ?? 0) + 6, left: Math.max(0, coords.left - (box?.left ?? 0) - 40) });
    },
  }));
  const editor = useEditor(options, []);

  // Bound to the live document once it has synced (and to a new one if it changes).
  useEffect(() => {
    if (!editor || editor.isDestroyed || !live) return;
    let unbind: (() => void) | null = null;
    let cancelled = false;
    void loadLiveBinding().then(({ bindLiveDocument, isLiveChange: fromLive }) => {
      if (cancelled || editor.isDestroyed) return;
      isLiveChange.current = fromLive;
      unbind = bindLiveDocument(editor, live);
      setBoundTo(live);
    }, (error: unknown) => console.error('The live document could not be loaded; the stored text stays:', error));
    return () => {
      cancelled = true;
      if (unbind && !editor.isDestroyed) unbind();
      setBoundTo(null);
    };
  }, [editor, live]);

  useEffect(() => {
    if (editor && !editor.isDestroyed) editor.view.dom.setAttribute('aria-readonly', String(!correcting));
  }, [editor, correcting]);

  useEffect(() => {
    if (editor && !editor.isDestroyed) editor.view.dispatch(requestHighlights(editor.state.tr, { highlights, activeId }));
  }, [editor, highlights, activeId]);

  if (!editor) return <div className="editor-loading" aria-busy="true">Loading article…</div>;
  return (
    <div ref={wrapper} className={`annotated-article${correcting ? ' correcting' : ''}`} data-live={boundTo ? 'true' : 'false'}>
      <EditorContent editor={editor} />
      {selection && !correcting && (
        <div className="selection-toolbar" role="toolbar" aria-label="Selection" style={{ top: selection.top, left: selection.left }}>
          <button
            type="button"
            className="button primary"
            onMouseDown={(event) => event.preventDefault()}
            onClick={() => onCheckClaim(selection)}
          >
            Check claim <kbd>{CHECK_CLAIM_SHORTCUT}</kbd>
          </button>
        </div>
      )}
    </div>
  );
});
