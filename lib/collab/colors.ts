// One colour per user for carets, selections and avatars. Every colour has a contrast of at least
// 4.9:1 against white (WCAG AA for normal text), so it works both as text on white and as the
// background of a white caret label.
export const COLLAB_COLORS = [
  '#b91c1c',
  '#c2410c',
  '#a16207',
  '#4d7c0f',
  '#15803d',
  '#047857',
  '#0f766e',
  '#0e7490',
  '#0369a1',
  '#1d4ed8',
  '#4338ca',
  '#6d28d9',
  '#7e22ce',
  '#a21caf',
  '#be185d',
  '#9f1239',
] as const;

/** The same user gets the same colour in every browser and session (FNV-1a hash of the id). */
export function colorForUser(userId: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < userId.length; i++) {
    hash ^= userId.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return COLLAB_COLORS[(hash >>> 0) % COLLAB_COLORS.length];
}
