'use client';

import { useEffect, useState } from 'react';
import Link from 'next/link';
import type { SimilarClaim } from '@/lib/annotations/find-similar-claims';
import { apiFetch, ApiError } from '@/lib/client/api-client';
import { StatusPill, VerdictBadge } from '@/components/annotations/verdict-badge';

interface Props {
  /** The passage being checked. */
  text: string;
  onReuse: (claim: SimilarClaim) => void;
}

type State = { kind: 'loading' } | { kind: 'error'; message: string } | { kind: 'done'; claims: SimilarClaim[] };

/**
 * Claim matching: earlier checks of similar claims, in any article, offered beside the claim form
 * to reuse (their verdict, rationale and sources go into the form) or dismiss.
 */
export function SimilarClaims({ text, onReuse }: Props) {
  const [state, setState] = useState<State>({ kind: 'loading' });
  const [dismissed, setDismissed] = useState<Set<string>>(new Set());

  useEffect(() => {
    let cancelled = false;
    apiFetch<{ claims: SimilarClaim[] }>(`/api/claims/similar?${new URLSearchParams({ text: text.slice(0, 2000) })}`)
      .then(({ claims }) => !cancelled && setState({ kind: 'done', claims }))
      .catch((error) => !cancelled && setState({ kind: 'error', message: error instanceof ApiError ? error.message : 'Could not look for similar claims.' }));
    return () => {
      cancelled = true;
    };
  }, [text]);

  if (state.kind === 'loading') {
    return (
      <p className="similar-claims-status muted" role="status">
        Looking for earlier checks of similar claims…
      </p>
    );
  }
  if (state.kind === 'error') {
    return (
      <p className="similar-claims-status muted" role="status">
        Similar claims are unavailable: {state.message}
      </p>
    );
  }
  const shown = state.claims.filter((claim) => !dismissed.has(claim.annotationId));
  if (shown.length === 0) return null;
  return (
    <section className="similar-claims" aria-labelledby="similar-claims-heading" data-testid="similar-claims">
      <h3 id="similar-claims-heading">Checked before: {shown.length === 1 ? 'a similar claim' : `${shown.length} similar claims`}</h3>
      <ul>
        {shown.map((claim) => (
          <li key={claim.annotationId} className="similar-claim">
            <div className="similar-claim-head">
              <VerdictBadge verdict={claim.verdict} />
              <StatusPill status={claim.status} />
              <span className="muted">{Math.round(claim.score * 100)}% alike</span>
            </div>
            <blockquote className="quote">{claim.exact}</blockquote>
            <p className="muted">
              In <Link href={`/articles/${claim.article.id}`}>{claim.article.title}</Link>
              {claim.sources.length > 0 ? ` · ${claim.sources.length} source${claim.sources.length === 1 ? '' : 's'}` : ''}
            </p>
            {claim.rationale && <p className="similar-claim-rationale">{claim.rationale.length > 240 ? `${claim.rationale.slice(0, 240)}…` : claim.rationale}</p>}
            <div className="card-actions">
              <button type="button" className="button small" onClick={() => onReuse(claim)}>
                Reuse<span className="sr-only"> the {claim.verdict.label} verdict from {claim.article.title}</span>
              </button>
              <button type="button" className="button small" onClick={() => setDismissed((set) => new Set(set).add(claim.annotationId))}>
                Dismiss<span className="sr-only"> the claim from {claim.article.title}</span>
              </button>
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}
