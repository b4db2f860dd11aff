'use client';

import { useEffect, useMemo, useRef, useState } from 'react';
import { EditorContent, useEditor } from '@tiptap/react';
import { Extension } from '@tiptap/core';
import StarterKit from '@tiptap/starter-kit';
import { textToDoc } from '@/lib/anchoring/text-document';
import { createOffsetMap } from '@/lib/anchoring/positions';
import { HighlightDecorations, highlightPluginKey, type HighlightSpec } from '@/components/editor/highlight-decorations';
import { ReadOnlyText } from '@/components/editor/read-only-text';

export interface TextSelection {
  start: number;
  end: number;
  exact: string;
}

interface Props {
  text: string;
  highlights: HighlightSpec[];
  activeId: string | null;
  onHighlightClick: (ids: string[]) => void;
  onCheckClaim: (selection: TextSelection) => void;
}

export const CHECK_CLAIM_SHORTCUT = 'Ctrl+Alt+C';

/** The article in TipTap: text fixed, highlights drawn, a passage selected by mouse or keyboard. */
export function AnnotatedArticle({ text, highlights, activeId, onHighlightClick, onCheckClaim }: Props) {
  const offsetMap = useMemo(() => createOffsetMap(text), [text]);
  const [selection, setSelection] = useState<(TextSelection & { top: number; left: number }) | null>(null);
  const wrapper = useRef<HTMLDivElement>(null);
  // Handlers change on every render; the editor's extensions are created once and call through refs.
  const handlers = useRef({ onHighlightClick, onCheckClaim, selection });
  handlers.current = { onHighlightClick, onCheckClaim, selection };

  const editor = useEditor({
    immediatelyRender: false,
    content: textToDoc(text),
    extensions: [
      StarterKit.configure({ undoRedo: false }),
      ReadOnlyText,
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
    ],
    editorProps: {
      attributes: {
        'aria-label': `Article text. Select a passage and press ${CHECK_CLAIM_SHORTCUT} to check a claim.`,
        'aria-readonly': 'true',
        role: 'textbox',
        'aria-multiline': 'true',
        'data-testid': 'article-text',
        spellcheck: 'false',
      },
    },
    onSelectionUpdate: ({ editor: e }) => {
      const { from, to, empty } = e.state.selection;
      if (empty) return setSelection(null);
      const range = offsetMap.toTextRange(from, to);
      const exact = text.slice(range.start, range.end);
      if (!exact.trim()) return setSelection(null);
      const coords = e.view.coordsAtPos(to);
      const box = wrapper.current?.getBoundingClientRect();
      setSelection({ ...range, exact, top: coords.bottom - (box?.top ?? 0) + 6, left: Math.max(0, coords.left - (box?.left ?? 0) - 40) });
    },
  });

  useEffect(() => {
    if (!editor) return;
    editor.view.dispatch(editor.state.tr.setMeta(highlightPluginKey, { highlights, activeId, text }));
  }, [editor, highlights, activeId, text]);

  if (!editor) return <div className="editor-loading" aria-busy="true">Loading article…</div>;
  return (
    <div ref={wrapper} className="annotated-article">
      <EditorContent editor={editor} />
      {selection && (
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
