import type { Role } from '@/lib/auth/roles';

/** What onAuthenticate attaches to every connection: the user as the database knows them. */
export interface CollabUser {
  id: string;
  name: string;
  role: Role;
}

export interface CollabContext {
  user: CollabUser;
}

export type CollabLog = (line: string) => void;
