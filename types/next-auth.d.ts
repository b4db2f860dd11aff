import type { Role } from '@/lib/auth/roles';

declare module 'next-auth' {
  interface User {
    id: string;
    role: Role;
  }
  interface Session {
    user: { id: string; role: Role; name?: string | null; email?: string | null };
    /** When the session was signed in (seconds since the epoch). */
    signedInAt?: number;
  }
}

declare module 'next-auth/jwt' {
  interface JWT {
    uid?: string;
    role?: Role;
    /** Seconds since the epoch; kept as the token is re-signed (unlike `iat`, which next-auth renews). */
    signedInAt?: number;
    /** The session's id, set at sign-in and kept for its whole life (next-auth's `jti` is renewed). */
    sid?: string;
  }
}
