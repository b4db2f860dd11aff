import { SignJWT, jwtVerify } from 'jose';
import { z } from 'zod';
import { roles, type Role } from '@/lib/auth/roles';
import type { SessionRef } from '@/lib/auth/session-ended';

// Short-lived tokens the browser hands to the collaboration socket. The socket re-reads the user
// from the database anyway (role and active state), so the claims only say who is asking, and
// from which session: a password change closes the sockets of the sessions it ended.
const AUDIENCE = 'collab';
const ISSUER = 'factcheck-desk';
export const DEFAULT_COLLAB_TOKEN_TTL_SECONDS = 300;

export interface CollabTokenUser {
  id: string;
  role: Role;
  name: string;
}

export interface CollabTokenClaims {
  userId: string;
  role: Role;
  name: string;
  /** Null when the token was asked for with an API token, which no password change ends. */
  session: SessionRef | null;
}

const claimsSchema = z.object({
  sub: z.string().min(1),
  role: z.enum(roles),
  name: z.string(),
  session: z.object({ id: z.string().min(1).nullable(), signedInAt: z.number().int().nonnegative() }).nullable().default(null),
});

function key(secret: string): Uint8Array {
  if (!secret) throw new Error('A collaboration token secret is required.');
  return new TextEncoder().encode(secret);
}

export async function issueCollabToken(
  user: CollabTokenUser,
  secret: string,
  ttlSeconds = DEFAULT_COLLAB_TOKEN_TTL_SECONDS,
  session: SessionRef | null = null,
): Promise<string> {
  return new SignJWT({ role: user.role, name: user.name, session })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(user.id)
    .setAudience(AUDIENCE)
    .setIssuer(ISSUER)
    .setIssuedAt()
    .setExpirationTime(`${ttlSeconds}s`)
    .sign(key(secret));
}

/** The token's claims; throws when the signature, audience, issuer or expiry is wrong. */
export async function verifyCollabToken(token: string, secret: string): Promise<CollabTokenClaims> {
  const { payload } = await jwtVerify(token, key(secret), { audience: AUDIENCE, issuer: ISSUER, algorithms: ['HS256'] });
  const claims = claimsSchema.parse(payload);
  return { userId: claims.sub, role: claims.role, name: claims.name, session: claims.session };
}
