import type { AnnotationDraft } from '@/components/annotations/annotation-form';
import type { TextSelection } from '@/components/editor/annotated-article';

/**
 * A claim check being written and not saved yet, kept in the browser (localStorage, per user and
 * article) as it is typed: a reload, a closed tab, a crash or an Escape pressed by mistake loses
 * nothing, and the side panel offers to resume it. One per user and article; gone once saved or
 * discarded.
 */
export interface UnsavedCheck {
  selection: TextSelection;
  /** The form's idempotency key: a save retried after a resume cannot make a second annotation. */
  key: string;
  draft: AnnotationDraft;
  savedAt: string;
}

const storageKey = (userId: string, articleId: string) => `factcheck:unsaved-check:${userId}:${articleId}`;

/** Whether a draft holds anything a reviewer would mind losing. */
export function hasContent(draft: AnnotationDraft): boolean {
  return draft.verdict !== null || draft.rationale.trim() !== '' || draft.sources.some((s) => s.url.trim() || s.title.trim() || s.excerpt.trim() || s.evidence);
}

export function readUnsavedCheck(userId: string, articleId: string): UnsavedCheck | null {
  try {
    const stored = JSON.parse(window.localStorage.getItem(storageKey(userId, articleId)) ?? 'null') as UnsavedCheck | null;
    const valid =
      stored &&
      typeof stored.key === 'string' &&
      typeof stored.selection?.exact === 'string' &&
      Number.isInteger(stored.selection.start) &&
      Number.isInteger(stored.selection.end) &&
      typeof stored.draft?.rationale === 'string' &&
      Array.isArray(stored.draft.sources);
    return valid ? stored : null;
  } catch {
    return null; // storage off (private mode, policy) or an unreadable entry: nothing to resume
  }
}

/** Keeps `check` (or forgets the article's, with null). */
export function keepUnsavedCheck(userId: string, articleId: string, check: Omit<UnsavedCheck, 'savedAt'> | null): void {
  try {
    if (check && hasContent(check.draft)) window.localStorage.setItem(storageKey(userId, articleId), JSON.stringify({ ...check, savedAt: new Date().toISOString() }));
    else window.localStorage.removeItem(storageKey(userId, articleId));
  } catch {
    // Storage full or off: the form itself still holds the input.
  }
}

/** The passage where it is in `text` now: at its offsets, else its only occurrence; null if gone. */
export function relocate(selection: TextSelection, text: string): TextSelection | null {
  if (text.slice(selection.start, selection.end) === selection.exact) return selection;
  const first = text.indexOf(selection.exact);
  if (first < 0 || text.indexOf(selection.exact, first + 1) >= 0) return null;
  return { start: first, end: first + selection.exact.length, exact: selection.exact };
}
