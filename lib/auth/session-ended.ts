// When a password change has ended a session: one rule for pages, API calls and collaboration
// sockets. Pure, so that the collaboration server uses it without the app's database client.

/** The session a request or socket came from. */
export interface SessionRef {
  /** Set at sign-in and kept when the session is signed again; null for sessions older than ids. */
  id: string | null;
  /** When it signed in, or was signed again (seconds since the epoch). */
  signedInAt: number;
}

/** A session signed in before the user's `sessionsValidFrom` (their last password change) is over. */
export function sessionEnded(sessionsValidFrom: Date | null, signedInAt: number): boolean {
  return sessionsValidFrom !== null && signedInAt < Math.floor(sessionsValidFrom.getTime() / 1000);
}

/**
 * For a socket opened before the change: the session that made it goes on (its cookie was signed
 * again, and the socket cannot be), told apart by its id; every other older session is over.
 */
export function openSocketSessionEnded(user: { sessionsValidFrom: Date | null; keptSessionId: string | null }, session: SessionRef): boolean {
  if (session.id !== null && session.id === user.keptSessionId) return false;
  return sessionEnded(user.sessionsValidFrom, session.signedInAt);
}
