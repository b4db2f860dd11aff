// The report as one self-contained, printable HTML page: inline styles, no scripts, no external
// assets. Every piece of user text is escaped; only http(s) URLs become links.
import type { Report, ReportAnnotation, ReportComment, ReportCorrection, ReportSource, ReportVerdict } from './report-model';
import { verdictSummary } from './report-model';
import type { HighlightColors } from './report-presentation';
import {
  annotationAnchor,
  annotationHeading,
  annotationPeople,
  commentHeader,
  formatDateTime,
  highlightColors,
  metadataRows,
  orphanNotice,
  reportKicker,
  safeHttpUrl,
  sourceDetails,
  evidenceDetails,
  sourceLabel,
  verdictLabel,
} from './report-presentation';
import type { TextSegment } from './text-segments';
import { articleParagraphs } from './text-segments';

export function toHtml(report: Report): string {
  const palette = new Palette(report.annotations);
  const byNumber = new Map(report.annotations.map((annotation) => [annotation.number, annotation]));
  const title = escapeHtml(report.article.title);
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(reportKicker)}: ${title}</title>
<style>${baseCss}${palette.css()}</style>
</head>
<body>
<header>
<p class="kicker">${escapeHtml(reportKicker)}</p>
<h1>${title}</h1>
${metadataHtml(report)}
</header>
<main>
<section class="article" aria-labelledby="article-heading">
<h2 id="article-heading">Article</h2>
${articleParagraphs(report)
  .map((paragraph) => `<p>${paragraph.map((segment) => segmentHtml(segment, byNumber, palette)).join('')}</p>`)
  .join('\n')}
</section>
<section class="summary" aria-labelledby="summary-heading">
<h2 id="summary-heading">Verdicts</h2>
${summaryHtml(report, palette)}
</section>
<section class="annotations" aria-labelledby="annotations-heading">
<h2 id="annotations-heading">Annotations</h2>
${report.annotations.map((annotation) => annotationHtml(annotation, report.options.includeComments, palette)).join('\n')}
</section>
${correctionsHtml(report.corrections ?? [])}
</main>
</body>
</html>
`;
}

const baseCss = `
:root { color-scheme: light; }
body { font: 16px/1.55 Georgia, 'Times New Roman', serif; color: #1f2328; max-width: 46rem; margin: 2rem auto; padding: 0 1rem; }
h1, h2, h3, h4, .kicker, .meta, table, .people, .ref { font-family: system-ui, -apple-system, 'Segoe UI', Helvetica, Arial, sans-serif; }
h1 { font-size: 1.8rem; line-height: 1.25; margin: 0.2rem 0 1rem; }
h2 { font-size: 1.25rem; margin-top: 2.5rem; border-bottom: 1px solid #d0d7de; padding-bottom: 0.3rem; }
h3 { font-size: 1.05rem; margin: 0 0 0.5rem; display: flex; align-items: center; gap: 0.5rem; }
h4 { font-size: 0.9rem; margin: 0.8rem 0 0.3rem; text-transform: uppercase; letter-spacing: 0.04em; color: #57606a; }
.kicker { text-transform: uppercase; letter-spacing: 0.08em; font-size: 0.8rem; color: #57606a; margin: 0; }
.meta { display: grid; grid-template-columns: max-content 1fr; gap: 0.2rem 1rem; font-size: 0.9rem; margin: 0; }
.meta dt { font-weight: 600; }
.meta dd { margin: 0; overflow-wrap: anywhere; }
mark { color: inherit; border-bottom: 2px solid; padding: 0; }
mark.overlap { border-bottom-style: double; border-bottom-width: 4px; }
.ref { font-size: 0.7rem; line-height: 0; }
.ref a { text-decoration: none; }
table { border-collapse: collapse; font-size: 0.9rem; }
th, td { border: 1px solid #d0d7de; padding: 0.3rem 0.7rem; text-align: left; }
td.count { text-align: right; }
.swatch { display: inline-block; width: 0.9em; height: 0.9em; border-radius: 2px; vertical-align: -0.1em; }
.annotation { border-top: 1px solid #d0d7de; padding: 1rem 0; }
blockquote { margin: 0.5rem 0; padding: 0.2rem 0.8rem; border-left: 4px solid #d0d7de; color: #424a53; }
.orphan { font-style: italic; color: #9a3412; }
.people { font-size: 0.85rem; color: #57606a; }
.back { font-size: 0.8rem; }
a { color: #0b5cad; overflow-wrap: anywhere; }
@media print {
  body { max-width: none; margin: 0; font-size: 11pt; }
  mark, .swatch { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  h2 { break-after: avoid; }
  .annotation { break-inside: avoid; }
  .back { display: none; }
  a { color: inherit; }
  a.source::after { content: " <" attr(href) ">"; font-size: 0.8em; }
}
`;

/** One CSS class per distinct verdict colour, so 2,000 highlights do not each carry a style. */
class Palette {
  private readonly byColor = new Map<string, { name: string; colors: HighlightColors }>();

  constructor(annotations: ReportAnnotation[]) {
    for (const annotation of annotations) this.classFor(annotation.verdict);
  }

  classFor(verdict: ReportVerdict | null): string {
    const colors = highlightColors(verdict);
    let entry = this.byColor.get(colors.solid);
    if (!entry) {
      entry = { name: `c${this.byColor.size}`, colors };
      this.byColor.set(colors.solid, entry);
    }
    return entry.name;
  }

  css(): string {
    return [...this.byColor.values()]
      .map(
        ({ name, colors }) =>
          `mark.${name} { background: ${colors.tint}; border-bottom-color: ${colors.solid}; } .swatch.${name} { background: ${colors.solid}; }`,
      )
      .join('\n');
  }
}

function metadataHtml(report: Report): string {
  const rows = metadataRows(report).map(
    (row) => `<dt>${escapeHtml(row.label)}</dt><dd>${row.href ? linkHtml(row.value, row.href) : escapeHtml(row.value)}</dd>`,
  );
  return `<dl class="meta">${rows.join('')}</dl>`;
}

function segmentHtml(segment: TextSegment, byNumber: Map<number, ReportAnnotation>, palette: Palette): string {
  const text = escapeHtml(segment.text);
  const refs = segment.ending.map((number) => `<sup class="ref"><a href="#annotation-${number}">${number}</a></sup>`);
  if (segment.innermost === null) return text + refs.join('');
  const top = byNumber.get(segment.innermost);
  const anchors = segment.starting.map((number) => `<span id="passage-${number}"></span>`).join('');
  const classes = [palette.classFor(top?.verdict ?? null), segment.numbers.length > 1 ? 'overlap' : ''].filter(Boolean);
  const hint = segment.numbers
    .map((number) => {
      const annotation = byNumber.get(number);
      return annotation ? `${number}: ${verdictLabel(annotation)}` : String(number);
    })
    .join('; ');
  return `${anchors}<mark class="${classes.join(' ')}" data-annotations="${segment.numbers.join(' ')}" title="${escapeHtml(hint)}">${text}</mark>${refs.join('')}`;
}

function summaryHtml(report: Report, palette: Palette): string {
  const rows = verdictSummary(report.annotations).map(
    (entry) =>
      `<tr><td><span class="swatch ${palette.classFor(entry.verdict)}"></span> ${escapeHtml(entry.label)}</td><td class="count">${entry.count}</td></tr>`,
  );
  return `<table><thead><tr><th scope="col">Verdict</th><th scope="col">Annotations</th></tr></thead><tbody>${rows.join('')}</tbody></table>`;
}

function annotationHtml(annotation: ReportAnnotation, includeComments: boolean, palette: Palette): string {
  const parts = [
    `<h3><span class="swatch ${palette.classFor(annotation.verdict)}"></span>${escapeHtml(annotationHeading(annotation))}</h3>`,
    `<blockquote>${multilineHtml(annotation.quote.exact)}</blockquote>`,
    annotation.orphaned
      ? `<p class="orphan">${escapeHtml(orphanNotice)}</p>`
      : `<p class="back"><a href="#passage-${annotation.number}">Back to the passage</a></p>`,
    ...paragraphsHtml(annotation.rationale),
  ];
  if (annotation.sources.length > 0) {
    parts.push(`<h4>Sources</h4><ol>${annotation.sources.map((source) => `<li>${sourceHtml(source)}</li>`).join('')}</ol>`);
  }
  parts.push(`<p class="people">${annotationPeople(annotation).map(escapeHtml).join('<br>')}</p>`);
  if (includeComments && annotation.comments.length > 0) {
    parts.push(`<h4>Comments</h4><ul>${annotation.comments.map(commentHtml).join('')}</ul>`);
  }
  return `<article class="annotation" id="${annotationAnchor(annotation)}">\n${parts.join('\n')}\n</article>`;
}

function sourceHtml(source: ReportSource): string {
  const href = safeHttpUrl(source.url);
  const label = sourceLabel(source);
  const target = href
    ? linkHtml(label, href, 'source')
    : `${escapeHtml(label)}${label === source.url ? '' : ` (${escapeHtml(source.url)})`}`;
  const details = sourceDetails(source);
  const excerpt = source.excerpt.trim() ? `<blockquote>${multilineHtml(source.excerpt.trim())}</blockquote>` : '';
  const evidence = source.evidence
    ? `<br><span class="evidence">Evidence: ${linkHtml(source.evidence.fileName, source.evidence.url, 'source')} (${escapeHtml(evidenceDetails(source.evidence))})</span>`
    : '';
  return `${target}${details ? `, ${escapeHtml(details)}` : ''}${evidence}${excerpt}`;
}

function commentHtml(comment: ReportComment): string {
  return `<li><strong>${escapeHtml(commentHeader(comment))}:</strong> ${multilineHtml(comment.body)}</li>`;
}

function correctionsHtml(corrections: ReportCorrection[]): string {
  if (corrections.length === 0) return '';
  const items = corrections.map(
    (c) => `<li><strong>${escapeHtml(`${formatDateTime(c.at)}, ${c.by}`)}:</strong> ${multilineHtml(c.text)}</li>`,
  );
  return `<section class="corrections" aria-labelledby="corrections-heading">
<h2 id="corrections-heading">Corrections</h2>
<ul>${items.join('')}</ul>
</section>`;
}

function linkHtml(label: string, href: string, className?: string): string {
  const classAttribute = className ? ` class="${className}"` : '';
  return `<a${classAttribute} href="${escapeHtml(href)}" rel="noopener noreferrer">${escapeHtml(label)}</a>`;
}

function paragraphsHtml(text: string): string[] {
  return text
    .split(/\n\s*\n/)
    .filter((paragraph) => paragraph.trim().length > 0)
    .map((paragraph) => `<p>${multilineHtml(paragraph.trim())}</p>`);
}

function multilineHtml(text: string): string {
  return text.split(/\r?\n/).map(escapeHtml).join('<br>');
}

const htmlEscapes: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => htmlEscapes[char]);
}
