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
  // Empty means unset (the default), as for an unset variable.
  PUBLISHER_NAME: z
    .string()
    .trim()
    .max(200, 'PUBLISHER_NAME must be at most 200 characters')
    .optional()
    .transform((value) => value || undefined),
  PUBLISHER_URL: z
    .union([z.literal(''), z.url({ protocol: /^https?$/, error: 'PUBLISHER_URL must be an http(s) URL' })])
    .optional()
    .transform((value) => value || undefined),
});

export type Env = z.infer<typeof schema>;
let cached: Env | undefined;

export function env(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}

/** The settings from a set of environment variables; throws a ZodError naming each bad one. */
export function parseEnv(source: Record<string, string | undefined>): Env {
  return schema.parse({ ...source, NEXTAUTH_SECRET: source.NEXTAUTH_SECRET ?? source.AUTH_SECRET });
}
