import type { Agreement } from '@/lib/articles/find-disagreements';

/** Krippendorff's alpha with the one line that says what it measures. */
export function AgreementFigure({ agreement }: { agreement: Agreement }) {
  const { alpha, passages } = agreement;
  return (
    <section className="card review-panel review-agreement" aria-labelledby="review-agreement-heading" data-testid="review-agreement">
      <h2 id="review-agreement-heading">Agreement between reviewers</h2>
      <p className="review-alpha">
        <span className="review-alpha-value" data-testid="review-alpha">
          α = {alpha === null ? '—' : alpha.toFixed(2)}
        </span>
        {alpha === null && (
          <span className="muted small">
            {passages === 0 ? 'No passage has been rated by two or more reviewers yet.' : 'Not defined: every reviewer gave these passages the same verdict.'}
          </span>
        )}
      </p>
      <p className="muted small">
        Krippendorff&rsquo;s α over {passages} passage{passages === 1 ? '' : 's'} rated by two or more reviewers: 1 = full agreement, 0 = chance level
      </p>
    </section>
  );
}
