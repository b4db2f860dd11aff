import { z } from 'zod';
import { db } from '@/lib/db';
import type { CurrentUser } from '@/lib/auth/current-user';
import { assertCan } from '@/lib/auth/guard';
import { AppError } from '@/lib/errors';
import { resolveVerdict } from '@/lib/annotations/resolve-verdict';

export const MAX_SUMMARY_LENGTH = 20_000;

// Same rule as annotation rationale: tab, newline and carriage return are the only control characters.
const noControlCharacters = (value: string) => !/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/.test(value);

export const articleSummaryInput = z.strictObject({
  summary: z
    .string()
    .max(MAX_SUMMARY_LENGTH, `must be at most ${MAX_SUMMARY_LENGTH} characters`)
    .refine(noControlCharacters, 'must not contain control characters')
    .nullable(),
  /** Verdict key of the overall rating, or null for none. */
  verdict: z.string().min(1).max(64).nullable(),
});
export type ArticleSummaryInput = z.infer<typeof articleSummaryInput>;

export interface ArticleSummary {
  summary: string | null;
  summaryVerdict: { key: string; label: string; color: string } | null;
}

/** The editor's overall summary and rating of an article; a blank summary is stored as none. */
export async function updateArticleSummary(user: CurrentUser, articleId: string, input: ArticleSummaryInput): Promise<ArticleSummary> {
  assertCan(user, 'annotation:review');
  const summary = input.summary?.trim() ? input.summary : null;
  return db.$transaction(async (tx) => {
    const verdict = await resolveVerdict(tx, input.verdict);
    const { count } = await tx.article.updateMany({ where: { id: articleId }, data: { summary, summaryVerdictId: verdict?.id ?? null } });
    if (count === 0) throw new AppError('NOT_FOUND', 'No such article.');
    return { summary, summaryVerdict: verdict && { key: verdict.key, label: verdict.label, color: verdict.color } };
  });
}
