import type { Connection } from '@hocuspocus/server';

// Close codes the collaboration server uses when it ends a socket itself (4000-4999 are free for
// applications; 1008 and 1009 are the standard policy and size codes).
export const SocketClose = {
  deactivated: { code: 4403, reason: 'user-deactivated' },
  accessChanged: { code: 4403, reason: 'access-changed' },
  // The socket's session was signed out by a password change made in another session.
  sessionEnded: { code: 4401, reason: 'session-ended' },
  // An admin reset the password: the account is held until its owner sets a new one.
  passwordReset: { code: 4403, reason: 'password-reset' },
  malformed: { code: 1008, reason: 'malformed-message' },
  rateLimited: { code: 1008, reason: 'rate-limited' },
} as const;

export interface SocketCloseEvent {
  code: number;
  reason: string;
}

/**
 * Ends the whole WebSocket of a connection, not just its document: Connection.close() alone only
 * detaches the document and leaves the socket open for the client to use again. Detaching first
 * stops the document taking anything more from this socket while the close handshake runs.
 */
export function closeSocket(connection: Connection, event: SocketCloseEvent): void {
  connection.close(event);
  connection.webSocket.close(event.code, event.reason);
}

/** Thrown from a hook to refuse a connection; Hocuspocus sends `reason` to the client. */
export class ConnectionRefused extends Error {
  constructor(readonly reason: string) {
    super(`collab: connection refused (${reason})`);
    this.name = 'ConnectionRefused';
  }
}

/** Thrown from beforeHandleMessage: Hocuspocus stops processing and closes with this code. */
export class MessageRejected extends Error {
  readonly code: number;
  readonly reason: string;

  constructor(event: SocketCloseEvent, detail: string) {
    super(`collab: message rejected (${event.reason}: ${detail})`);
    this.name = 'MessageRejected';
    this.code = event.code;
    this.reason = event.reason;
  }
}
