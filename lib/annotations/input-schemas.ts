import { z } from 'zod';

// Input at the API boundary. Objects are strict: an unknown field is an error, not ignored.
export const MAX_RATIONALE_LENGTH = 20_000;
export const MAX_SOURCES = 50;
export const MAX_COMMENT_LENGTH = 10_000;

// Control characters other than tab, newline and carriage return are refused in free text.
const noControlCharacters = (value: string) => !/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/.test(value);
const text = (max: number) => z.string().max(max, `must be at most ${max} characters`).refine(noControlCharacters, 'must not contain control characters');

export const httpUrl = z
  .string()
  .trim()
  .min(1, 'is required')
  .max(2048, 'must be at most 2048 characters')
  .refine((value) => {
    try {
      const url = new URL(value);
      return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname.length > 0;
    } catch {
      return false;
    }
  }, 'must be an http or https URL');

export const sourceInput = z.strictObject({
  url: httpUrl,
  title: text(500).default(''),
  publisher: text(300).default(''),
  excerpt: text(5000).default(''),
  accessedAt: z.iso.date('must be a date (YYYY-MM-DD)').nullable().optional(),
  // An uploaded screenshot or PDF (POST /api/evidence) of the page as it was seen.
  evidenceId: z.string().min(1).max(64).nullable().optional(),
});

const verdictKey = z.string().min(1).max(64).nullable();
const rationale = text(MAX_RATIONALE_LENGTH);
const sources = z.array(sourceInput).max(MAX_SOURCES, `at most ${MAX_SOURCES} sources`);

export const createAnnotationInput = z.strictObject({
  start: z.number().int().nonnegative(),
  end: z.number().int().positive(),
  // The passage the client saw; must equal the article text between start and end.
  exact: z.string().min(1).max(20_000),
  verdict: verdictKey.default(null),
  rationale: rationale.default(''),
  sources: sources.default([]),
  submit: z.boolean().default(false),
});
export type CreateAnnotationInput = z.infer<typeof createAnnotationInput>;

export const updateAnnotationInput = z.strictObject({
  version: z.number().int().positive(),
  verdict: verdictKey.optional(),
  rationale: rationale.optional(),
  sources: sources.optional(),
  // Why an approved verdict changes: required then, and published in the article's corrections log.
  correctionNote: text(2000).optional(),
});
export type UpdateAnnotationInput = z.infer<typeof updateAnnotationInput>;

export const statusActions = ['submit', 'approve', 'request_changes', 'reopen'] as const;
export type StatusAction = (typeof statusActions)[number];

export const changeStatusInput = z.strictObject({
  version: z.number().int().positive(),
  action: z.enum(statusActions),
  note: text(2000).optional(),
});

export const deleteAnnotationInput = z.strictObject({ version: z.number().int().positive().optional() });

export const commentInput = z.strictObject({ body: text(MAX_COMMENT_LENGTH).refine((v) => v.trim().length > 0, 'must not be empty') });

export const threadInput = z.strictObject({ resolved: z.boolean() });

export const idempotencyKey = z
  .string()
  .min(8, 'Idempotency-Key must be 8 to 128 characters')
  .max(128, 'Idempotency-Key must be 8 to 128 characters')
  .regex(/^[A-Za-z0-9_.:-]+$/, 'Idempotency-Key may contain letters, digits and _ . : - only');

// GET /api/articles/:id/annotations: `view=summary` answers what a highlight and a list row need.
export const listAnnotationsQuery = z.object({ view: z.enum(['full', 'summary'], 'must be full or summary').default('full') });
