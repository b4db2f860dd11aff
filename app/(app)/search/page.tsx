import type { Metadata } from 'next';
import Link from 'next/link';
import { requirePage } from '@/lib/auth/require-page';
import { searchEverything, searchQuery, type SearchResults } from '@/lib/search/search-everything';
import { MarkedText } from '@/components/search/marked-text';
import { StatusPill, VerdictBadge } from '@/components/annotations/verdict-badge';

export const metadata: Metadata = { title: 'Search' };

export default async function SearchPage({ searchParams }: { searchParams: Promise<{ q?: string }> }) {
  const user = await requirePage('/search');
  const { q = '' } = await searchParams;
  const parsed = q.trim() ? searchQuery.safeParse({ q }) : null;
  const results: SearchResults | null = parsed?.success ? await searchEverything(user, parsed.data.q) : null;
  const count = results ? results.articles.length + results.annotations.length : 0;
  return (
    <>
      <h1>Search</h1>
      <form className="search-bar" role="search" action="/search">
        <label htmlFor="search-everything" className="sr-only">
          Search articles and annotations
        </label>
        <input id="search-everything" name="q" type="search" defaultValue={q} placeholder={'Words, "a phrase", or -without'} autoFocus={!q} />
        <button className="button" type="submit">
          Search
        </button>
      </form>
      {parsed && !parsed.success && (
        <p className="form-error" role="alert">
          Search: {parsed.error.issues[0]?.message}
        </p>
      )}
      {!q.trim() && <div className="card empty-state">Search the text of every article and every annotation’s passage and rationale. Words match their other forms (“exports” finds “exported”).</div>}
      {results && count === 0 && <div className="card empty-state">Nothing matches “{results.query}”. Try fewer or other words.</div>}
      {results && count > 0 && (
        <div className="search-results">
          <section aria-labelledby="article-hits">
            <h2 id="article-hits">
              Articles <span className="muted">({results.articles.length})</span>
            </h2>
            {results.articles.length === 0 ? (
              <p className="muted">No article text matches.</p>
            ) : (
              <ul className="search-hits">
                {results.articles.map((hit) => (
                  <li key={hit.id} className="card search-hit" data-testid="article-hit">
                    <h3>
                      <Link href={`/articles/${hit.id}`}>
                        <MarkedText text={hit.titleMarked} />
                      </Link>
                    </h3>
                    <p className="muted">{hit.outlet}</p>
                    <p>
                      <MarkedText text={hit.snippet} />
                    </p>
                  </li>
                ))}
              </ul>
            )}
          </section>
          <section aria-labelledby="annotation-hits">
            <h2 id="annotation-hits">
              Annotations <span className="muted">({results.annotations.length})</span>
            </h2>
            {results.annotations.length === 0 ? (
              <p className="muted">No annotation matches.</p>
            ) : (
              <ul className="search-hits">
                {results.annotations.map((hit) => (
                  <li key={hit.id} className="card search-hit" data-testid="annotation-hit">
                    <div className="similar-claim-head">
                      <VerdictBadge verdict={hit.verdict} />
                      <StatusPill status={hit.status} />
                      <span className="muted">by {hit.author}</span>
                    </div>
                    <blockquote className="quote">
                      <Link href={`/articles/${hit.article.id}?annotation=${hit.id}`}>
                        <MarkedText text={hit.quote} />
                      </Link>
                    </blockquote>
                    {hit.rationale && (
                      <p>
                        <MarkedText text={hit.rationale} />
                      </p>
                    )}
                    <p className="muted">In {hit.article.title}</p>
                  </li>
                ))}
              </ul>
            )}
          </section>
        </div>
      )}
    </>
  );
}
