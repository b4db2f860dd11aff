import { z } from 'zod';

// Validated once, at first use. scripts/start.mjs fills AUTH_SECRET and COLLAB_TOKEN_SECRET from
// .data/secrets.json outside production, and refuses to start in production without them.
const schema = z.object({
  DATABASE_URL: z.string().min(1, 'DATABASE_URL is required'),
  DATABASE_POOL_MAX: z.coerce.number().int().positive().default(10),
  NEXTAUTH_SECRET: z.string().min(32, 'NEXTAUTH_SECRET (or AUTH_SECRET) must be at least 32 characters'),
  COLLAB_TOKEN_SECRET: z.string().min(32).optional(),
  COLLAB_PUBLIC_URL: z.string().optional(),
  // The fact-checking organization named as the author of exported ClaimReviews.
  PUBLISHER_NAME: z.string().trim().min(1).max(200).optional(),
  PUBLISHER_URL: z.url({ protocol: /^https?$/, error: 'PUBLISHER_URL must be an http(s) URL' }).optional(),
});

export type Env = z.infer<typeof schema>;
let cached: Env | undefined;

export function env(): Env {
  if (!cached) {
    cached = schema.parse({
      ...process.env,
      NEXTAUTH_SECRET: process.env.NEXTAUTH_SECRET ?? process.env.AUTH_SECRET,
    });
  }
  return cached;
}
