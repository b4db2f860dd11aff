import type { Role } from '@/lib/auth/roles';
import type { SessionRef } from '@/lib/auth/session-ended';

/** What onAuthenticate attaches to every connection: the user as the database knows them. */
export interface CollabUser {
  id: string;
  name: string;
  role: Role;
}

export interface CollabContext {
  user: CollabUser;
  /** The session the token was issued to (null: asked for with an API token). */
  session: SessionRef | null;
}

export type CollabLog = (line: string) => void;
