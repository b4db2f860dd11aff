// The report as a PDF (@react-pdf/renderer, built-in Helvetica only: nothing is fetched). The article
// is drawn one text run per segment, never per character: layout memory grows with the amount of
// text, not with the number of highlights (2,000 annotations on 20,000 words need about 0.7 GB).
import { Document, Link, Page, StyleSheet, Text, View, renderToBuffer } from '@react-pdf/renderer';
import type { ReactElement } from 'react';
import type { Report, ReportAnnotation, ReportComment, ReportCorrection, ReportSource } from './report-model';
import { verdictSummary } from './report-model';
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
  sourceLabel,
} from './report-presentation';
import type { TextSegment } from './text-segments';
import { articleParagraphs } from './text-segments';

const muted = '#57606a';

const styles = StyleSheet.create({
  page: { paddingTop: 48, paddingBottom: 60, paddingHorizontal: 52, fontFamily: 'Helvetica', fontSize: 10, lineHeight: 1.45, color: '#1f2328' },
  kicker: { fontSize: 8, color: muted, letterSpacing: 1, marginBottom: 4 },
  title: { fontFamily: 'Helvetica-Bold', fontSize: 20, lineHeight: 1.2, marginBottom: 10 },
  metaRow: { flexDirection: 'row', marginBottom: 2 },
  metaLabel: { width: 80, fontFamily: 'Helvetica-Bold' },
  metaValue: { flex: 1 },
  h1: { fontFamily: 'Helvetica-Bold', fontSize: 14, marginTop: 18, marginBottom: 8, paddingBottom: 3, borderBottomWidth: 1, borderBottomColor: '#d0d7de' },
  h2: { fontFamily: 'Helvetica-Bold', fontSize: 11, marginBottom: 4 },
  label: { fontFamily: 'Helvetica-Bold', fontSize: 8, color: muted, marginTop: 6, marginBottom: 2 },
  paragraph: { marginBottom: 8, fontSize: 10.5, lineHeight: 1.55 },
  overlap: { textDecoration: 'underline' },
  ref: { fontSize: 7, color: '#0b5cad', verticalAlign: 'super', textDecoration: 'none' },
  link: { color: '#0b5cad', textDecoration: 'underline' },
  annotation: { borderTopWidth: 1, borderTopColor: '#d0d7de', paddingTop: 8, marginTop: 8 },
  quote: { borderLeftWidth: 3, paddingLeft: 8, marginBottom: 6, fontFamily: 'Helvetica-Oblique', color: '#424a53' },
  orphan: { fontFamily: 'Helvetica-Oblique', color: '#9a3412', marginBottom: 4 },
  rationale: { marginBottom: 4 },
  listItem: { marginLeft: 10, marginBottom: 2 },
  people: { fontSize: 8.5, color: muted, marginTop: 6 },
  tableRow: { flexDirection: 'row', borderBottomWidth: 1, borderBottomColor: '#d0d7de' },
  tableHead: { fontFamily: 'Helvetica-Bold' },
  tableVerdict: { width: 180, padding: 4 },
  tableCount: { width: 80, padding: 4, textAlign: 'right' },
  swatch: { width: 8, height: 8, marginRight: 6, marginTop: 2 },
  // Anchored by `top`: the opt-in pagination engine misplaces fixed elements anchored by `bottom`.
  footer: { position: 'absolute', top: 841.89 - 36, left: 52, right: 52, fontSize: 8, color: muted, flexDirection: 'row', justifyContent: 'space-between' },
});

// A headline reads (and is searched for) better without words broken across lines.
const wholeWords = (word: string): string[] => [word];

export async function toPdf(report: Report): Promise<Buffer> {
  return renderToBuffer(<ReportDocument report={encodableReport(report)} />);
}

// The built-in fonts encode WinAnsi only: anything else (Cyrillic, CJK, emoji) would print as
// unrelated Latin letters, so it becomes "?" instead. One "?" per UTF-16 unit keeps offsets valid.
const notWinAnsi = /[^\t\n\x20-\x7e\xa0-\xff\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc\u2013\u2014\u2018-\u201a\u201c-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a\u20ac\u2122]/g;

function encodable(text: string): string {
  return text.replace(notWinAnsi, (char) => (char === '\r' ? ' ' : '?'));
}

/** http(s) URLs normalized (punycode, percent-encoding) are plain ASCII already. */
function encodableUrl(url: string): string {
  return safeHttpUrl(url) ?? encodable(url);
}

function encodableReport(report: Report): Report {
  const { article } = report;
  return {
    ...report,
    generatedBy: { name: encodable(report.generatedBy.name) },
    article: {
      ...article,
      title: encodable(article.title),
      outlet: encodable(article.outlet),
      author: article.author === null ? null : encodable(article.author),
      url: article.url === null ? null : encodableUrl(article.url),
      text: encodable(article.text),
    },
    annotations: report.annotations.map((annotation) => ({
      ...annotation,
      quote: { ...annotation.quote, exact: encodable(annotation.quote.exact) },
      verdict: annotation.verdict && { ...annotation.verdict, label: encodable(annotation.verdict.label) },
      rationale: encodable(annotation.rationale),
      author: { ...annotation.author, name: encodable(annotation.author.name) },
      approver: annotation.approver && { name: encodable(annotation.approver.name) },
      sources: annotation.sources.map((source) => ({
        ...source,
        url: encodableUrl(source.url),
        title: encodable(source.title),
        publisher: encodable(source.publisher),
        excerpt: encodable(source.excerpt),
      })),
      comments: annotation.comments.map((comment) => ({ ...comment, author: encodable(comment.author), body: encodable(comment.body) })),
    })),
    corrections: report.corrections?.map((correction) => ({ ...correction, by: encodable(correction.by), text: encodable(correction.text) })),
  };
}

function ReportDocument({ report }: { report: Report }): ReactElement {
  const byNumber = new Map(report.annotations.map((annotation) => [annotation.number, annotation]));
  return (
    <Document title={report.article.title} subject={reportKicker} creator="Factcheck desk" producer="Factcheck desk">
      {/* The default pagination engine crashed ("unsupported number") and took over 15 minutes on
          long reports; the opt-in engine measures content once and handles them in about a minute. */}
      <Page size="A4" style={styles.page} wrap experimentalPagination>
        <Footer report={report} />
        <Text style={styles.kicker}>{reportKicker.toUpperCase()}</Text>
        <Text style={styles.title} hyphenationCallback={wholeWords}>
          {report.article.title}
        </Text>
        <Metadata report={report} />
        <SectionHeading title="Article" />
        {articleParagraphs(report).map((segments) => (
          <Text key={segments[0].start} style={styles.paragraph}>
            {segments.map((segment) => (
              <SegmentText key={segment.start} segment={segment} byNumber={byNumber} />
            ))}
          </Text>
        ))}
        <SectionHeading title="Verdicts" />
        <SummaryTable report={report} />
        <SectionHeading title="Annotations" />
        {report.annotations.map((annotation) => (
          <AnnotationEntry key={annotation.id} annotation={annotation} includeComments={report.options.includeComments} />
        ))}
        <Corrections corrections={report.corrections ?? []} />
      </Page>
    </Document>
  );
}

/** A section title, kept on the same page as the start of what follows it. */
function SectionHeading({ title }: { title: string }): ReactElement {
  return (
    <Text style={styles.h1} minPresenceAhead={60}>
      {title}
    </Text>
  );
}

function Footer({ report }: { report: Report }): ReactElement {
  return (
    <View style={styles.footer} fixed>
      <Text>{`${reportKicker}: ${report.article.title}`.slice(0, 90)}</Text>
      <Text render={({ pageNumber, totalPages }) => `${pageNumber} / ${totalPages}`} />
    </View>
  );
}

function Metadata({ report }: { report: Report }): ReactElement {
  return (
    <View>
      {metadataRows(report).map((row) => (
        <View key={row.label} style={styles.metaRow}>
          <Text style={styles.metaLabel}>{row.label}</Text>
          <Text style={styles.metaValue}>{row.href ? <Link src={row.href} style={styles.link}>{row.value}</Link> : row.value}</Text>
        </View>
      ))}
    </View>
  );
}

function SegmentText({ segment, byNumber }: { segment: TextSegment; byNumber: Map<number, ReportAnnotation> }): ReactElement {
  const top = segment.innermost === null ? undefined : byNumber.get(segment.innermost);
  const refs = segment.ending.map((number) => (
    <Link key={number} src={`#${annotationAnchor({ number })}`} style={styles.ref}>
      {String(number)}
    </Link>
  ));
  if (segment.innermost === null) {
    return (
      <>
        {segment.text}
        {refs}
      </>
    );
  }
  const highlight = { backgroundColor: highlightColors(top?.verdict ?? null).tint };
  return (
    <>
      <Text style={segment.numbers.length > 1 ? [highlight, styles.overlap] : highlight}>{segment.text}</Text>
      {refs}
    </>
  );
}

function SummaryTable({ report }: { report: Report }): ReactElement {
  return (
    <View wrap={false}>
      <View style={[styles.tableRow, styles.tableHead]}>
        <Text style={styles.tableVerdict}>Verdict</Text>
        <Text style={styles.tableCount}>Annotations</Text>
      </View>
      {verdictSummary(report.annotations).map((entry) => (
        <View key={entry.label} style={styles.tableRow}>
          <View style={[styles.tableVerdict, { flexDirection: 'row' }]}>
            <View style={[styles.swatch, { backgroundColor: highlightColors(entry.verdict).solid }]} />
            <Text>{entry.label}</Text>
          </View>
          <Text style={styles.tableCount}>{String(entry.count)}</Text>
        </View>
      ))}
    </View>
  );
}

function AnnotationEntry({ annotation, includeComments }: { annotation: ReportAnnotation; includeComments: boolean }): ReactElement {
  const colors = highlightColors(annotation.verdict);
  return (
    <View style={styles.annotation} id={annotationAnchor(annotation)}>
      <Text style={styles.h2}>{annotationHeading(annotation)}</Text>
      <Text style={[styles.quote, { borderLeftColor: colors.solid }]}>{annotation.quote.exact}</Text>
      {annotation.orphaned ? <Text style={styles.orphan}>{orphanNotice}</Text> : null}
      {annotation.rationale.trim() ? <Text style={styles.rationale}>{annotation.rationale.trim()}</Text> : null}
      {annotation.sources.length > 0 ? (
        <>
          <Text style={styles.label}>SOURCES</Text>
          {annotation.sources.map((source, index) => (
            <SourceLine key={index} source={source} position={index + 1} />
          ))}
        </>
      ) : null}
      <Text style={styles.people}>{annotationPeople(annotation).join('\n')}</Text>
      {includeComments && annotation.comments.length > 0 ? (
        <>
          <Text style={styles.label}>COMMENTS</Text>
          {annotation.comments.map((comment, index) => (
            <CommentLine key={index} comment={comment} />
          ))}
        </>
      ) : null}
    </View>
  );
}

function SourceLine({ source, position }: { source: ReportSource; position: number }): ReactElement {
  const href = safeHttpUrl(source.url);
  const label = sourceLabel(source);
  const details = sourceDetails(source);
  return (
    <Text style={styles.listItem}>
      {`${position}. `}
      {href ? (
        <Link src={href} style={styles.link}>
          {label}
        </Link>
      ) : (
        label
      )}
      {details ? `, ${details}` : ''}
      {/* Printed copies lose the link, so the address is spelled out too. */}
      {label !== source.url ? ` <${href ?? source.url}>` : ''}
    </Text>
  );
}

function CommentLine({ comment }: { comment: ReportComment }): ReactElement {
  return (
    <Text style={styles.listItem}>
      <Text style={styles.tableHead}>{`${commentHeader(comment)}: `}</Text>
      {comment.body}
    </Text>
  );
}

function Corrections({ corrections }: { corrections: ReportCorrection[] }): ReactElement | null {
  if (corrections.length === 0) return null;
  return (
    <View>
      <SectionHeading title="Corrections" />
      {corrections.map((correction, index) => (
        <Text key={index} style={styles.listItem}>
          <Text style={styles.tableHead}>{`${formatDateTime(correction.at)}, ${correction.by}: `}</Text>
          {correction.text}
        </Text>
      ))}
    </View>
  );
}
