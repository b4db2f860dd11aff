import { MATCH_END, MATCH_START } from '@/lib/search/match-markers';

/** Text whose search matches are delimited by MATCH_START/MATCH_END, with the matches in <mark>. */
export function MarkedText({ text }: { text: string }) {
  const parts = text.split(new RegExp(`${MATCH_START}|${MATCH_END}`));
  // Split on both markers: odd positions are the matches.
  return (
    <>
      {parts.map((part, i) =>
        i % 2 === 1 ? <mark key={i}>{part}</mark> : part ? <span key={i}>{part}</span> : null,
      )}
    </>
  );
}
