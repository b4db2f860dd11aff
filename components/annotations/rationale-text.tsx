import { Fragment, type ReactNode } from 'react';

// Rationale is stored as text with a small Markdown subset: paragraphs (blank line), "- " list
// items, **bold**, *italic* and [links](https://...). Rendered as React elements, never as HTML,
// so anything else in it (tags, scripts) shows as plain text.
const inlinePattern = /\*\*([^*]+)\*\*|\*([^*]+)\*|\[([^\]]+)\]\((https?:\/\/[^\s)]+)\)/g;

function renderInline(text: string): ReactNode[] {
  const nodes: ReactNode[] = [];
  let last = 0;
  for (const match of text.matchAll(inlinePattern)) {
    if (match.index > last) nodes.push(text.slice(last, match.index));
    const key = `${match.index}`;
    if (match[1] !== undefined) nodes.push(<strong key={key}>{match[1]}</strong>);
    else if (match[2] !== undefined) nodes.push(<em key={key}>{match[2]}</em>);
    else nodes.push(<a key={key} href={match[4]} target="_blank" rel="noopener noreferrer nofollow">{match[3]}</a>);
    last = match.index + match[0].length;
  }
  if (last < text.length) nodes.push(text.slice(last));
  return nodes;
}

export function RationaleText({ text }: { text: string }) {
  if (!text.trim()) return <p className="muted">No rationale yet.</p>;
  const blocks = text.split(/\n\s*\n/);
  return (
    <div className="rationale">
      {blocks.map((block, i) => {
        const lines = block.split('\n');
        if (lines.every((line) => /^\s*[-*] /.test(line))) {
          return (
            <ul key={i}>
              {lines.map((line, j) => (
                <li key={j}>{renderInline(line.replace(/^\s*[-*] /, ''))}</li>
              ))}
            </ul>
          );
        }
        return (
          <p key={i}>
            {lines.map((line, j) => (
              <Fragment key={j}>
                {j > 0 && <br />}
                {renderInline(line)}
              </Fragment>
            ))}
          </p>
        );
      })}
    </div>
  );
}
