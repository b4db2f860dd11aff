'use client';

import { useEffect, useMemo, useRef, useState } from 'react';
import { EditorContent, useEditor } from '@tiptap/react';
import { Extension } from '@tiptap/core';
import type { Node as ProseMirrorNode } from '@tiptap/pm/model';
import StarterKit from '@tiptap/starter-kit';
import Collaboration from '@tiptap/extension-collaboration';
import CollaborationCaret from '@tiptap/extension-collaboration-caret';
import type { HocuspocusProvider } from '@hocuspocus/provider';
import type * as Y from 'yjs';
import { textToDoc } from '@/lib/anchoring/text-document';
import { createOffsetMap } from '@/lib/anchoring/positions';
import { HighlightDecorations, highlightPluginKey, type HighlightSpec } from '@/components/editor/highlight-decorations';
import { ReadOnlyText } from '@/components/editor/read-only-text';

export interface TextSelection {
  start: number;
  end: number;
  exact: string;
}

export interface LiveDocument {
  ydoc: Y.Doc;
  provider: HocuspocusProvider;
  self: { name: string; color: string };
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

/** The plain text of the editor's document, by the same rule the server stores it: one line per block. */
function plainText(doc: ProseMirrorNode): string {
  const lines: string[] = [];
  doc.descendants((node) => {
    if (!node.isTextblock) return true;
    lines.push(node.textContent);
    return false;
  });
  return lines.map((line) => `${line}\n`).join('');
}

/** The article in TipTap: text fixed (or corrected live by editors), highlights drawn, passages selected. */
export function AnnotatedArticle({ text, live, correcting, highlights, activeId, onHighlightClick, onCheckClaim }: Props) {
  const [selection, setSelection] = useState<(TextSelection & { top: number; left: number }) | null>(null);
  const [docVersion, setDocVersion] = useState(0);
  const wrapper = useRef<HTMLDivElement>(null);
  // Handlers change on every render; the editor's extensions are created once and call through refs.
  const handlers = useRef({ onHighlightClick, onCheckClaim, selection, correcting });
  handlers.current = { onHighlightClick, onCheckClaim, selection, correcting };

  const editor = useEditor(
    {
      immediatelyRender: false,
      content: live ? undefined : textToDoc(text),
      extensions: [
        // No hard breaks: a line is a paragraph, and offsets count one "\n" between paragraphs.
        StarterKit.configure({ undoRedo: false, hardBreak: false }),
        ReadOnlyText.configure({ canEdit: () => handlers.current.correcting }),
        HighlightDecorations.configure({ onClick: (ids) => handlers.current.onHighlightClick(ids) }),
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
        ...(live
          ? [Collaboration.configure({ document: live.ydoc }), CollaborationCaret.configure({ provider: live.provider, user: live.self })]
          : []),
      ],
      editorProps: {
        attributes: {
          'aria-label': `Article text. Select a passage and press ${CHECK_CLAIM_SHORTCUT} to check a claim.`,
          role: 'textbox',
          'aria-multiline': 'true',
          'data-testid': 'article-text',
          spellcheck: 'false',
        },
      },
      onUpdate: () => setDocVersion((v) => v + 1),
      onSelectionUpdate: ({ editor: e }) => {
        const { from, to, empty } = e.state.selection;
        if (empty) return setSelection(null);
        const current = plainText(e.state.doc);
        const range = createOffsetMap(current).toTextRange(from, to);
        const exact = current.slice(range.start, range.end);
        if (!exact.trim()) return setSelection(null);
        const coords = e.view.coordsAtPos(to);
        const box = wrapper.current?.getBoundingClientRect();
        setSelection({ ...range, exact, top: coords.bottom - (box?.top ?? 0) + 6, left: Math.max(0, coords.left - (box?.left ?? 0) - 40) });
      },
    },
    [live],
  );

  // The text the highlights' offsets are measured over: what the editor shows now.
  const editorText = useMemo(() => (editor ? plainText(editor.state.doc) : text), [editor, text, docVersion]);

  useEffect(() => {
    if (!editor) return;
    const apply = () => {
      if (editor.isDestroyed) return;
      try {
        editor.view.dom.setAttribute('aria-readonly', String(!correcting));
      } catch {
        return; // Not mounted yet: the 'mount' or 'create' event calls again.
      }
      editor.view.dispatch(editor.state.tr.setMeta(highlightPluginKey, { highlights, activeId, text: plainText(editor.state.doc) }));
    };
    apply();
    // A freshly created editor (switching to the live document) has no view until it is mounted.
    editor.on('mount', apply);
    editor.on('create', apply);
    return () => {
      editor.off('mount', apply);
      editor.off('create', apply);
    };
  }, [editor, highlights, activeId, editorText, correcting]);

  if (!editor) return <div className="editor-loading" aria-busy="true">Loading article…</div>;
  return (
    <div ref={wrapper} className={`annotated-article${correcting ? ' correcting' : ''}`} data-live={live ? 'true' : 'false'}>
      <EditorContent editor={editor} />
      {selection && !correcting && (
        <div className="selection-toolbar" role="toolbar" aria-label="Selection" style={{ top: selection.top, left: selection.left }}>
          <button
            type="button"
            className="button primary"
            onMouseDown={(event) => event.preventDefault()}
            onClick={() => onCheckClaim(selection)}
            title={`Check claim (${CHECK_CLAIM_SHORTCUT})`}
          >
            Check claim <kbd>{CHECK_CLAIM_SHORTCUT}</kbd>
          </button>
        </div>
      )}
    </div>
  );
}
