import { z } from 'zod';
import { db } from '@/lib/db';
import type { CurrentUser } from '@/lib/auth/current-user';
import { assertCan } from '@/lib/auth/guard';
import type { ReportCorrection } from '@/lib/export/report-model';

export interface ArticleCorrection {
  id: string;
  annotationId: string;
  at: Date;
  by: string;
  quote: string;
  from: string | null;
  to: string | null;
  note: string;
}

const correctionData = z.object({
  verdict: z.object({ from: z.string().nullable(), to: z.string().nullable() }),
  note: z.string(),
  quote: z.string(),
});

/**
 * The article's public corrections log: every change of an approved verdict, with who, when, from
 * what to what and why, oldest first (recorded by updateAnnotation as `corrected` history events).
 */
export async function listCorrections(user: CurrentUser, articleId: string): Promise<ArticleCorrection[]> {
  assertCan(user, 'article:read');
  const events = await db.annotationEvent.findMany({
    where: { kind: 'corrected', annotation: { articleId } },
    orderBy: { createdAt: 'asc' },
    select: { id: true, annotationId: true, createdAt: true, data: true, actor: { select: { name: true } } },
  });
  return events.flatMap((event) => {
    const data = correctionData.safeParse(event.data);
    if (!data.success) return [];
    const { verdict, note, quote } = data.data;
    return [{ id: event.id, annotationId: event.annotationId, at: event.createdAt, by: event.actor.name, quote, from: verdict.from, to: verdict.to, note }];
  });
}

/** An entry as the report formats take it (lib/export/report-model.ts). */
export function reportCorrection(correction: ArticleCorrection): ReportCorrection {
  const { at, by, annotationId, from, to, note } = correction;
  return { at, by, annotationId, from, to, note, text: describeCorrection(correction) };
}

/** One line of the log, as reports print it. */
export function describeCorrection(correction: ArticleCorrection): string {
  const quote = correction.quote.length > 80 ? `${correction.quote.slice(0, 80)}…` : correction.quote;
  return `Verdict on “${quote}” changed from ${correction.from ?? 'none'} to ${correction.to ?? 'none'}. ${correction.note}`;
}
