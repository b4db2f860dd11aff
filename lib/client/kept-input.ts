/**
 * Input being written and not saved yet, kept in the browser (localStorage) as it is typed, so
 * that a reload, a closed tab, a crash or a form closed by mistake loses nothing. Keys name the
 * kind of input, the user (another account on the same browser sees none of it) and what it is
 * about. Storage that is off or full only means nothing is kept: the form still holds its input.
 */
export type KeptKind = 'check' | 'edit' | 'comment' | 'summary' | 'article';

export const keptKey = (kind: KeptKind, userId: string, aboutId: string) => `factcheck:unsaved-${kind}:${userId}:${aboutId}`;

/** What is kept under `key`, if it passes `isValid`; else null. */
export function readKept<T>(key: string, isValid: (value: unknown) => value is T): T | null {
  try {
    const value: unknown = JSON.parse(window.localStorage.getItem(key) ?? 'null');
    return isValid(value) ? value : null;
  } catch {
    return null;
  }
}

/** Keeps `value` under `key`; null forgets it. */
export function writeKept(key: string, value: unknown): void {
  try {
    if (value === null) window.localStorage.removeItem(key);
    else window.localStorage.setItem(key, JSON.stringify(value));
  } catch {
    // Off or full: nothing is kept.
  }
}
