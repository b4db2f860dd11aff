'use client';

import { useCallback, useState } from 'react';
import type { ReviewOverview } from '@/lib/articles/get-review-overview';
import type { Agreement, DisagreementGroup } from '@/lib/articles/find-disagreements';
import type { VerdictDto } from '@/lib/verdicts/list-verdicts';
import { apiFetch } from '@/lib/client/api-client';
import { statusLabel } from '@/components/annotations/verdict-badge';
import { Toasts, useToasts } from '@/components/ui/toasts';
import { AgreementFigure } from '@/components/review/agreement-figure';
import { AssignmentPicker } from '@/components/review/assignment-picker';
import { DisagreementList } from '@/components/review/disagreement-list';
import { ReviewAnnotationList } from '@/components/review/review-annotation-list';
import { SummaryForm } from '@/components/review/summary-form';

/** What GET /api/articles/{id}/review answers, and what the page renders first. */
export interface ReviewData {
  overview: ReviewOverview;
  disagreements: DisagreementGroup[];
  agreement: Agreement;
}

/** The editor's review of one article: rating, agreement, disagreements, every annotation, assignments. */
export function ReviewDesk({ initial, verdicts, userId }: { initial: ReviewData; verdicts: VerdictDto[]; userId: string }) {
  const [data, setData] = useState(initial);
  const { toasts, notify, dismiss } = useToasts();
  const articleId = data.overview.article.id;

  const reload = useCallback(async () => {
    try {
      setData(await apiFetch<ReviewData>(`/api/articles/${articleId}/review`));
    } catch {
      notify('Could not reload the review; reload the page.', 'error');
    }
  }, [articleId, notify]);

  const { counts } = data.overview;
  return (
    <>
      <p className="muted review-counts" data-testid="review-counts">
        {counts.total} annotation{counts.total === 1 ? '' : 's'}
        {Object.entries(counts.byStatus)
          .filter(([, n]) => n > 0)
          .map(([status, n]) => ` · ${n} ${statusLabel[status as keyof typeof statusLabel].toLowerCase()}`)
          .join('')}
        {counts.byVerdict.length > 0 && (
          <span className="verdict-mix small">
            {counts.byVerdict.map((v) => (
              <span key={v.key} className="mix-item">
                <span className="swatch" style={{ background: v.color }} aria-hidden="true" /> {v.label} {v.count}
              </span>
            ))}
            {counts.noVerdict > 0 && <span className="mix-item">No verdict {counts.noVerdict}</span>}
          </span>
        )}
      </p>
      <div className="review-layout">
        <div className="review-main">
          <AgreementFigure agreement={data.agreement} />
          <DisagreementList groups={data.disagreements} />
          <ReviewAnnotationList articleId={articleId} annotations={data.overview.annotations} onChanged={reload} notify={notify} />
        </div>
        <aside className="review-aside">
          <SummaryForm
            articleId={articleId}
            userId={userId}
            initial={{ summary: data.overview.article.summary, summaryVerdict: data.overview.article.summaryVerdict }}
            verdicts={verdicts}
            onSaved={(saved) => setData((d) => ({ ...d, overview: { ...d.overview, article: { ...d.overview.article, ...saved } } }))}
          />
          <AssignmentPicker
            articleId={articleId}
            assignments={data.overview.assignments}
            onSaved={(assigned) =>
              setData((d) => ({ ...d, overview: { ...d.overview, assignments: { ...d.overview.assignments, assigned: assigned.map((a) => ({ ...a, active: true })) } } }))
            }
          />
        </aside>
      </div>
      <Toasts toasts={toasts} onDismiss={dismiss} />
    </>
  );
}
