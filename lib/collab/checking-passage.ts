/** A passage someone has open in the claim form, by its text offsets (a Yjs awareness field). */
export interface CheckingPassage {
  start: number;
  end: number;
  exact: string;
}

export const MAX_CHECKING_LENGTH = 5_000;

/**
 * A `checking` awareness field as a client sent it, if it is a sane passage; else null. The
 * collaboration server passes on only what this accepts (server/extensions/awareness-identity.ts),
 * and clients check again what they receive.
 */
export function checkingPassage(value: unknown): CheckingPassage | null {
  const passage = value as CheckingPassage | null;
  if (!passage || typeof passage !== 'object' || !Number.isInteger(passage.start) || !Number.isInteger(passage.end) || typeof passage.exact !== 'string') return null;
  if (passage.start < 0 || passage.end <= passage.start || passage.exact.length !== passage.end - passage.start || passage.exact.length > MAX_CHECKING_LENGTH) return null;
  return { start: passage.start, end: passage.end, exact: passage.exact };
}
