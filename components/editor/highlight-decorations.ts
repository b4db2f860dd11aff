import { Extension } from '@tiptap/core';
import { Plugin, PluginKey } from '@tiptap/pm/state';
import { Decoration, DecorationSet } from '@tiptap/pm/view';
import { createOffsetMap } from '@/lib/anchoring/positions';

export interface HighlightSpec {
  id: string;
  start: number;
  end: number;
  color: string;
  label: string;
  number: number;
  draft: boolean;
  exact: string;
}

interface HighlightOptions {
  /** Called with every annotation covering the clicked position, innermost first. */
  onClick: (ids: string[]) => void;
}

export const highlightPluginKey = new PluginKey<DecorationSet>('factcheck-highlights');

/**
 * Annotation highlights as ProseMirror decorations computed from the annotations' text
 * positions, not as marks in the document: they overlap and nest freely, cannot be removed by
 * formatting commands, and never change the article text.
 */
export const HighlightDecorations = Extension.create<HighlightOptions>({
  name: 'highlightDecorations',

  addOptions() {
    return { onClick: () => {} };
  },

  addProseMirrorPlugins() {
    const { onClick } = this.options;
    let specs: { spec: HighlightSpec; from: number; to: number }[] = [];
    return [
      new Plugin<DecorationSet>({
        key: highlightPluginKey,
        state: {
          init: () => DecorationSet.empty,
          apply(tr, set) {
            const next = tr.getMeta(highlightPluginKey) as { highlights: HighlightSpec[]; activeId: string | null; text: string } | undefined;
            if (!next) {
              // Text changed under the highlights (a live correction): they move with it until the
              // server re-anchors the annotations and sends fresh positions.
              if (tr.docChanged) specs = specs.map((s) => ({ ...s, from: tr.mapping.map(s.from, 1), to: tr.mapping.map(s.to, -1) })).filter((s) => s.from < s.to);
              return set.map(tr.mapping, tr.doc);
            }
            const map = createOffsetMap(next.text);
            specs = next.highlights
              // Positions from before a text change that has not been re-anchored yet: skip the
              // ones that no longer fit (they come back with the server's fresh anchors).
              .filter((h) => h.end <= next.text.length && h.start < h.end && next.text.slice(h.start, h.end) === h.exact)
              .map((spec) => ({ spec, ...map.toDocRange(spec.start, spec.end) }));
            const decorations = specs.flatMap(({ spec, from, to }) => [
              Decoration.inline(
                from,
                to,
                {
                  class: `fc-hl${spec.draft ? ' fc-hl-draft' : ''}${spec.id === next.activeId ? ' fc-hl-active' : ''}`,
                  style: `--hl: ${spec.color}`,
                  'data-annotation-id': spec.id,
                  // A wrapper element of its own per highlight, so overlapping ones nest instead of merging.
                  nodeName: 'span',
                },
                { id: spec.id },
              ),
              // The verdict in words and a number, so colour is never the only cue.
              Decoration.widget(
                to,
                () => {
                  const badge = document.createElement('sup');
                  badge.className = 'fc-hl-badge';
                  badge.style.setProperty('--hl', spec.color);
                  // Drawn by CSS from the attribute, so the number is not part of the article's text
                  // (copying a passage does not copy it).
                  badge.dataset.number = String(spec.number);
                  badge.setAttribute('role', 'img');
                  badge.title = `${spec.number}: ${spec.label}`;
                  badge.setAttribute('aria-label', `Annotation ${spec.number}: ${spec.label}`);
                  badge.dataset.annotationId = spec.id;
                  return badge;
                },
                { side: 1, key: `badge-${spec.id}-${spec.number}-${spec.color}`, ignoreSelection: true },
              ),
            ]);
            return DecorationSet.create(tr.doc, decorations);
          },
        },
        props: {
          decorations(state) {
            return highlightPluginKey.getState(state);
          },
          handleClick(view, pos, event) {
            const target = event.target as HTMLElement | null;
            const badgeId = target?.closest<HTMLElement>('.fc-hl-badge')?.dataset.annotationId;
            if (badgeId) {
              onClick([badgeId]);
              return true;
            }
            // A shift-click extends a selection; ProseMirror does not call this after a drag.
            if (event.shiftKey) return false;
            const hits = specs.filter((s) => s.from <= pos && pos < s.to).sort((a, b) => a.to - a.from - (b.to - b.from));
            if (!hits.length) return false;
            onClick(hits.map((h) => h.spec.id));
            return false;
          },
        },
      }),
    ];
  },
});
