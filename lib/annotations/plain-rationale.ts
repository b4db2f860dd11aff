// A rationale's small Markdown subset (see components/annotations/rationale-text.tsx) read as plain
// text, for places that show text only: reports, search snippets. **bold** and *italic* lose their
// asterisks, [a link](https://…) becomes "a link (https://…)"; list items and paragraphs stay.
const inlinePattern = /\*\*([^*]+)\*\*|\*([^*\s][^*]*)\*|\[([^\]]+)\]\((https?:\/\/[^\s)]+)\)/g;

export function plainRationale(text: string): string {
  return text.replace(inlinePattern, (_match, bold?: string, italic?: string, label?: string, href?: string) => bold ?? italic ?? `${label} (${href})`);
}
