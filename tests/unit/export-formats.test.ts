import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { exportFormats, renderReport } from '@/lib/export';
import type { Report, ReportAnnotationInput, ReportOptions, ReportVerdict } from '@/lib/export/report-model';
import { buildReport } from '@/lib/export/report-model';
import { csvCell, toCsv } from '@/lib/export/to-csv';
import { toDocx } from '@/lib/export/to-docx';
import { toHtml } from '@/lib/export/to-html';
import { toClaimReviews, toWebAnnotationCollection } from '@/lib/export/to-json-ld';
import { toMarkdown } from '@/lib/export/to-markdown';
import { toPdf } from '@/lib/export/to-pdf';
import { annotationHeading } from '@/lib/export/report-presentation';
import { articleWithReferenceMarks, oneLine, pdfText } from '../support/pdf-text';

// The seed article, byte for byte (curly quotes and apostrophes included).
const articleText = readFileSync(fileURLToPath(new URL('../../prisma/seed-data/article.txt', import.meta.url)), 'utf8');

const verdicts: Record<string, ReportVerdict> = {
  false: { key: 'false', label: 'False', color: '#b3261e', ratingValue: 1 },
  mostlyTrue: { key: 'mostly-true', label: 'Mostly true', color: '#3f7d20', ratingValue: 4 },
  unverifiable: { key: 'unverifiable', label: 'Unverifiable', color: '#55606b', ratingValue: 0 },
};

const day = (iso: string) => new Date(`${iso}T09:30:00Z`);

function anchored(id: string, exact: string, extra: Partial<ReportAnnotationInput>): ReportAnnotationInput {
  const start = articleText.indexOf(exact);
  if (start < 0) throw new Error(`quote not in the seed article: ${exact}`);
  const end = start + exact.length;
  return {
    id,
    quote: { exact, prefix: articleText.slice(Math.max(0, start - 32), start), suffix: articleText.slice(end, end + 32) },
    position: { start, end },
    orphaned: false,
    verdict: null,
    rationale: '',
    status: 'APPROVED',
    author: { name: 'Rita Reviewer', email: 'rita@example.org' },
    approver: { name: 'Eddie Editor' },
    approvedAt: day('2026-03-04'),
    createdAt: day('2026-03-02'),
    updatedAt: day('2026-03-03'),
    sources: [],
    comments: [],
    ...extra,
  };
}

const quotes = {
  // Overlaps `initiative`; encloses `conflict`.
  rejecting: 'Russia is not rejecting the United States peace initiative',
  initiative: 'the United States peace initiative regarding the ongoing conflict in Ukraine',
  conflict: 'the ongoing conflict',
  accepted: '“some things were accepted, some were marked as unacceptable,”',
};

const annotations: ReportAnnotationInput[] = [
  // Listed out of text order on purpose: buildReport numbers them.
  anchored('ann-accepted', quotes.accepted, {
    status: 'SUBMITTED',
    approver: null,
    approvedAt: null,
    rationale: 'Pending: waiting for the transcript.',
    comments: [{ author: 'Eddie Editor', body: 'Check the Kremlin readout.', createdAt: day('2026-03-03') }],
  }),
  anchored('ann-conflict', quotes.conflict, {
    verdict: verdicts.unverifiable,
    rationale: '<script>alert(1)</script>',
    sources: [
      { url: 'https://example.org/x?a=1&b=2', title: '=HYPERLINK("x")', publisher: 'Example', excerpt: '', accessedAt: day('2026-03-02') },
      { url: 'javascript:alert(2)', title: 'Sneaky', publisher: '', excerpt: '', accessedAt: null },
    ],
  }),
  anchored('ann-rejecting', quotes.rejecting, {
    verdict: verdicts.false,
    rationale: 'Peskov said "not rejecting", but, in fact,\nhe listed conditions.',
    sources: [{ url: 'https://www.reuters.com/world/kremlin-peace-plan', title: 'Kremlin readout', publisher: 'Reuters', excerpt: 'Peskov said…', accessedAt: null }],
    comments: [{ author: 'Eddie Editor', body: 'Looks right.', createdAt: day('2026-03-03') }],
  }),
  anchored('ann-initiative', quotes.initiative, {
    verdict: verdicts.mostlyTrue,
    rationale: '-2 points for vagueness; @editor please check',
    sources: [{ url: 'https://www.state.gov/peace-framework', title: 'State Department framework', publisher: '', excerpt: '', accessedAt: null }],
  }),
];

const fixtureCorrection = {
  at: day('2026-03-04'),
  by: 'Eddie Editor',
  annotationId: 'ann-initiative',
  from: 'True',
  to: 'Mostly true',
  note: 'The framework was revised on 3 March.',
  text: 'Fixed the spelling of “Zelenskiy”.',
};

function fixtureReport(options: Partial<ReportOptions> = {}, article: Partial<Report['article']> = {}): Report {
  return buildReport({
    article: {
      id: 'art-1',
      slug: 'kremlin-peace-initiative',
      title: 'Kremlin says it is “not rejecting” the US peace initiative',
      outlet: 'Example News',
      author: 'Jane Writer',
      url: 'https://news.example.com/kremlin-peace',
      publishedAt: day('2026-03-01'),
      text: articleText,
      ...article,
    },
    annotations,
    options: { approvedOnly: false, includeComments: true, ...options },
    generatedAt: new Date('2026-03-05T12:00:00Z'),
    generatedBy: { name: 'Eddie Editor' },
    baseUrl: 'https://desk.example.org',
    corrections: [fixtureCorrection],
  });
}

const numberOf = (report: Report, id: string) => report.annotations.find((a) => a.id === id)!.number;

describe('the fixture', () => {
  it('numbers the seed annotations in text order', () => {
    const report = fixtureReport();
    expect(report.annotations.map((a) => a.id)).toEqual(['ann-rejecting', 'ann-initiative', 'ann-conflict', 'ann-accepted']);
    for (const a of report.annotations) expect(articleText.slice(a.position.start, a.position.end)).toBe(a.quote.exact);
  });
});

describe('Web Annotation JSON-LD', () => {
  const report = fixtureReport();
  const collection = toWebAnnotationCollection(report);

  it('is an AnnotationCollection with one page holding every annotation', () => {
    expect(collection['@context']).toBe('http://www.w3.org/ns/anno.jsonld');
    expect(collection.id).toBe('https://desk.example.org/api/articles/art-1/export?format=jsonld');
    expect(collection.type).toBe('AnnotationCollection');
    expect(collection.total).toBe(4);
    expect(collection.label).toContain(report.article.title);
    expect(collection.first.type).toBe('AnnotationPage');
    expect(collection.first.items).toHaveLength(4);
  });

  it('gives each annotation its id, motivation, creator, dates and both selectors', () => {
    const item = collection.first.items[0];
    expect(item).toMatchObject({
      id: 'https://desk.example.org/api/annotations/ann-rejecting',
      type: 'Annotation',
      motivation: 'assessing',
      created: '2026-03-02T09:30:00.000Z',
      modified: '2026-03-03T09:30:00.000Z',
      creator: { type: 'Person', name: 'Rita Reviewer' },
    });
    expect(JSON.stringify(item)).not.toContain('rita@example.org');
    expect(item.target.source).toBe('https://news.example.com/kremlin-peace');
    const [quote, position] = item.target.selector;
    expect(quote).toEqual({ type: 'TextQuoteSelector', ...report.annotations[0].quote });
    expect(position.type).toBe('TextPositionSelector');
    expect(articleText.slice(position.start, position.end)).toBe(quote.exact);
  });

  it('has bodies for the verdict, the rationale and each source', () => {
    expect(collection.first.items[0].body).toEqual([
      { type: 'TextualBody', purpose: 'assessing', value: 'False', format: 'text/plain' },
      { type: 'TextualBody', purpose: 'describing', value: report.annotations[0].rationale, format: 'text/plain' },
      { type: 'SpecificResource', purpose: 'linking', source: 'https://www.reuters.com/world/kremlin-peace-plan', label: 'Kremlin readout' },
    ]);
    // No verdict: no assessing body.
    expect(collection.first.items[3].body.map((b) => b.purpose)).toEqual(['describing']);
  });

  it('carries a correction of the approved verdict as a commenting body of its annotation, with its date and author', () => {
    expect(collection.first.items[1].body.at(-1)).toEqual({
      type: 'TextualBody',
      purpose: 'commenting',
      value: `Correction: ${fixtureCorrection.text}`,
      format: 'text/plain',
      created: fixtureCorrection.at.toISOString(),
      creator: { type: 'Person', name: 'Eddie Editor' },
    });
    for (const item of [collection.first.items[0], collection.first.items[2], collection.first.items[3]]) {
      expect(item.body.map((b) => b.purpose)).not.toContain('commenting');
    }
  });

  it('targets the desk copy when the article has no URL of its own', () => {
    const items = toWebAnnotationCollection(fixtureReport({}, { url: null })).first.items;
    expect(items[0].target.source).toBe('https://desk.example.org/articles/art-1');
  });
});

describe('ClaimReview JSON-LD', () => {
  const reviews = toClaimReviews(fixtureReport());

  it('has one review per annotation with a verdict', () => {
    expect(reviews.map((r) => r.claimReviewed)).toEqual([quotes.rejecting, quotes.initiative, quotes.conflict]);
  });

  it('carries the rating on the 1..5 scale with its name', () => {
    expect(reviews[0]).toMatchObject({
      '@context': 'https://schema.org',
      '@type': 'ClaimReview',
      url: 'https://desk.example.org/articles/art-1#annotation-ann-rejecting',
      datePublished: '2026-03-04',
      author: { '@type': 'Organization', name: 'Factcheck desk' },
      reviewRating: { '@type': 'Rating', ratingValue: 1, bestRating: 5, worstRating: 1, alternateName: 'False' },
      itemReviewed: {
        '@type': 'Claim',
        author: { '@type': 'Person', name: 'Jane Writer' },
        datePublished: '2026-03-01',
        appearance: { '@type': 'NewsArticle', url: 'https://news.example.com/kremlin-peace', headline: fixtureReport().article.title },
      },
    });
  });

  it('carries the corrections of its verdict (schema.org correction) and the day of the last as dateModified', () => {
    expect(reviews[1]).toMatchObject({
      dateModified: '2026-03-04',
      correction: [{ '@type': 'CorrectionComment', text: fixtureCorrection.text, datePublished: '2026-03-04' }],
    });
    expect(reviews[0]).not.toHaveProperty('correction');
    expect(reviews[0]).not.toHaveProperty('dateModified');
  });

  it('names the publisher configured (PUBLISHER_NAME, PUBLISHER_URL) as the author', () => {
    const report = { ...fixtureReport(), publisher: { name: 'Vellmar Fact Check', url: 'https://factcheck.vellmar.example' } };
    expect(toClaimReviews(report)[0]!.author).toEqual({ '@type': 'Organization', name: 'Vellmar Fact Check', url: 'https://factcheck.vellmar.example' });
  });

  it('gives verdicts off the scale (0) only a name', () => {
    expect(reviews[2].reviewRating).toEqual({ '@type': 'Rating', alternateName: 'Unverifiable' });
  });

  it('names the outlet as the claim author when the article has no byline, and falls back to updatedAt', () => {
    const report = fixtureReport({}, { author: null, publishedAt: null });
    report.annotations[0].approvedAt = null;
    const [review] = toClaimReviews(report);
    expect(review.itemReviewed.author).toEqual({ '@type': 'Organization', name: 'Example News' });
    expect(review.itemReviewed).not.toHaveProperty('datePublished');
    expect(review.datePublished).toBe('2026-03-03');
  });
});

/** A small RFC 4180 reader, to prove the export reads back. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const char = text[i];
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        cell += '"';
        i += 1;
      } else if (char === '"') quoted = false;
      else cell += char;
    } else if (char === '"') quoted = true;
    else if (char === ',') {
      row.push(cell);
      cell = '';
    } else if (char === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i += 1;
    } else cell += char;
  }
  if (cell || row.length) rows.push([...row, cell]);
  return rows;
}

describe('CSV', () => {
  it('defuses cells that a spreadsheet would run as a formula', () => {
    for (const risky of ['=1+1', '+1', '-1', '@SUM(A1)', '\tx', '\rx']) expect(csvCell(risky).replace(/^"/, '')).toMatch(/^'/);
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell('a "quote", here')).toBe('"a ""quote"", here"');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
  });

  it('starts with a byte order mark and reads back as one row per annotation', () => {
    const csv = toCsv(fixtureReport());
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(csv).toContain('“some things'); // curly quotes kept as they are
    const [header, ...rows] = parseCsv(csv.slice(1));
    expect(header).toEqual([
      'number', 'id', 'verdict', 'status', 'quote', 'start', 'end', 'orphaned', 'rationale', 'sources', 'evidence',
      'reviewer', 'approver', 'approved_at', 'created_at', 'corrections', 'comments',
    ]);
    expect(rows).toHaveLength(4);
    const cell = (row: string[], name: string) => row[header.indexOf(name)];
    expect(rows.map((r) => cell(r, 'id'))).toEqual(['ann-rejecting', 'ann-initiative', 'ann-conflict', 'ann-accepted']);
    expect(cell(rows[0], 'rationale')).toBe('Peskov said "not rejecting", but, in fact,\nhe listed conditions.');
    expect(cell(rows[0], 'sources')).toBe('Kremlin readout <https://www.reuters.com/world/kremlin-peace-plan>');
    expect(cell(rows[1], 'rationale')).toBe("'-2 points for vagueness; @editor please check");
    expect(cell(rows[2], 'sources')).toBe(`'=HYPERLINK("x") <https://example.org/x?a=1&b=2> | Sneaky <javascript:alert(2)>`);
    expect(cell(rows[3], 'approver')).toBe('');
    expect(cell(rows[3], 'comments')).toBe('2026-03-03T09:30:00.000Z Eddie Editor: Check the Kremlin readout.');
    expect(cell(rows[1], 'corrections')).toBe(`${fixtureCorrection.at.toISOString()} Eddie Editor: True → Mostly true. The framework was revised on 3 March.`);
    expect(rows.filter((r) => cell(r, 'corrections') !== '')).toHaveLength(1);
  });

  it('leaves the comments column out unless comments are included', () => {
    const [header] = parseCsv(toCsv(fixtureReport({ includeComments: false })).slice(1));
    expect(header).not.toContain('comments');
    expect(header).toContain('corrections');
  });
});

/** Each <mark> with its annotation numbers and its text, unescaped. */
function marks(html: string): { numbers: number[]; text: string }[] {
  return [...html.matchAll(/<mark [^>]*data-annotations="([\d ]+)"[^>]*>([^<]*)<\/mark>/g)].map((m) => ({
    numbers: m[1].split(' ').map(Number),
    text: m[2].replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&'),
  }));
}

describe('HTML', () => {
  const report = fixtureReport();
  const html = toHtml(report);

  it('shows a script in user text as text', () => {
    expect(html).not.toContain('<script');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  });

  it('is self-contained: no scripts, no external assets', () => {
    expect(html).not.toMatch(/<script|<link|<img|<iframe|\bsrc=|@import|url\(/i);
    expect(html).toContain('@media print');
    expect(html).toContain("default-src 'none'");
  });

  it('marks each passage exactly: its marks, in order, spell its quote', () => {
    const all = marks(html);
    for (const annotation of report.annotations) {
      const own = all.filter((m) => m.numbers.includes(annotation.number));
      expect(own.map((m) => m.text).join('')).toBe(annotation.quote.exact);
    }
    // The passage that overlaps nothing is one single mark.
    expect(all.filter((m) => m.numbers.includes(numberOf(report, 'ann-accepted')))).toEqual([
      { numbers: [numberOf(report, 'ann-accepted')], text: quotes.accepted },
    ]);
    // The nested passage is covered by its parent too.
    expect(all.find((m) => m.text === quotes.conflict)?.numbers).toEqual([2, 3]);
  });

  it('follows each passage with a numbered link to its entry', () => {
    for (const { number } of report.annotations) {
      expect(html).toContain(`<sup class="ref"><a href="#annotation-${number}">${number}</a></sup>`);
      expect(html).toContain(`id="annotation-${number}"`);
    }
    expect(html.indexOf('href="#annotation-3"')).toBeLessThan(html.indexOf('href="#annotation-2"'));
  });

  it('links http(s) sources and leaves anything else as text', () => {
    expect(html).toContain('<a class="source" href="https://www.reuters.com/world/kremlin-peace-plan" rel="noopener noreferrer">Kremlin readout</a>');
    expect(html).toContain('href="https://example.org/x?a=1&amp;b=2"');
    expect(html).toContain('=HYPERLINK(&quot;x&quot;)</a>');
    expect(html).not.toContain('href="javascript:');
    expect(html).toContain('Sneaky (javascript:alert(2))');
  });

  it('has a summary table, the comments and the corrections', () => {
    expect(html).toMatch(/<td><span class="swatch c\d+"><\/span> False<\/td><td class="count">1<\/td>/);
    expect(html).toContain('Check the Kremlin readout.');
    expect(html).toContain('Fixed the spelling of “Zelenskiy”.');
    expect(toHtml(fixtureReport({ includeComments: false }))).not.toContain('Check the Kremlin readout.');
  });

  it('leaves unapproved annotations out when asked for approved only', () => {
    const approved = toHtml(fixtureReport({ approvedOnly: true }));
    expect(approved).not.toContain('Pending: waiting for the transcript.');
    expect(marks(approved).some((m) => m.text === quotes.accepted)).toBe(false);
    expect(approved).toContain('3 (approved only)');
  });
});

describe('Markdown', () => {
  const markdown = toMarkdown(fixtureReport());

  it('marks passages in bold with numbered footnote references', () => {
    expect(markdown).toContain('**Russia is not rejecting the United States peace initiative[^1] regarding the ongoing conflict[^3] in Ukraine**[^2]');
    expect(markdown).toContain(`**${quotes.accepted}**[^4]`);
    expect(markdown).toContain('[^1]: False, see annotation 1 below.');
  });

  it('lists each annotation with its verdict, escaped rationale and linked sources', () => {
    expect(markdown).toContain('### 3. Unverifiable');
    expect(markdown).toContain('\\<script\\>alert(1)\\</script\\>');
    expect(markdown).not.toContain('<script>');
    expect(markdown).toContain('[Kremlin readout](<https://www.reuters.com/world/kremlin-peace-plan>), Reuters\n\n   > Peskov said…');
    expect(markdown).toContain('Sneaky (javascript:alert(2))');
    expect(markdown).not.toContain('](<javascript');
    expect(markdown).toContain('\\-2 points for vagueness');
    expect(markdown).toContain('Peskov said "not rejecting", but, in fact,\\\nhe listed conditions.');
    expect(markdown).toContain('Reviewer: Rita Reviewer\\\nApproved by Eddie Editor, 4 March 2026');
  });

  it('has a summary table, comments and corrections', () => {
    expect(markdown).toContain('| Verdict | Annotations |\n| --- | ---: |\n| Mostly true | 1 |\n| False | 1 |\n| Unverifiable | 1 |\n| No verdict | 1 |');
    expect(markdown).toContain('**Comments**');
    expect(markdown).toContain('## Corrections');
  });

  it('leaves unapproved annotations and comments out when asked', () => {
    const approved = toMarkdown(fixtureReport({ approvedOnly: true, includeComments: false }));
    expect(approved).not.toContain('[^4]');
    expect(approved).not.toContain('Pending');
    expect(approved).not.toContain('**Comments**');
  });
});

describe('DOCX', () => {
  it('is a Word zip whose document links every http(s) source', async () => {
    const buffer = await toDocx(fixtureReport());
    expect(buffer.subarray(0, 2).toString('latin1')).toBe('PK');
    const files = unzipSync(new Uint8Array(buffer));
    const document = strFromU8(files['word/document.xml']);
    // External hyperlinks are w:hyperlink elements whose targets live in the part's relationships.
    const relationships = strFromU8(files['word/_rels/document.xml.rels']);
    expect(document).toContain('<w:hyperlink');
    for (const url of ['https://www.reuters.com/world/kremlin-peace-plan', 'https://www.state.gov/peace-framework', 'https://example.org/x?a=1&amp;b=2']) {
      expect(relationships).toContain(`Target="${url}"`);
    }
    expect(relationships).not.toContain('javascript:');
    expect(document).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(document).toContain('“Peskov said…”'); // a source's quoted excerpt
    expect(document).toContain('Russia is not rejecting the United States peace initiative');
    expect(document).toContain('w:anchor="annotation_1"');
    expect(document).toContain('w:name="annotation_1"');
    expect(document).toMatch(/<w:tbl>/);
  });
});

describe('PDF', () => {
  const report = fixtureReport();

  it('is a PDF with working links to http(s) sources only', async () => {
    const buffer = await toPdf(report);
    expect(buffer.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const raw = buffer.toString('latin1');
    expect(raw).toContain('/URI (https://www.reuters.com/world/kremlin-peace-plan)');
    expect(raw).toContain('/URI (https://example.org/x?a=1&b=2)');
    expect(raw).not.toContain('/URI (javascript');
    // Each reference mark in the article links to its annotation's entry.
    for (const { number } of report.annotations) expect(raw).toContain(`/Dest (annotation-${number})`);
  });

  it('prints the title, the article with numbered passages, and each annotation with its verdict, rationale, sources and comments', async () => {
    const text = pdfText(await toPdf(report));
    if (text === null) return;
    const flat = oneLine(text);
    expect(flat).toContain('FACT-CHECK REPORT');
    expect(text).toContain('Kremlin says it is “not rejecting” the US peace initiative'); // the footer has it on one line
    expect(flat).toContain('Outlet Example News');
    // The whole article, in order, each passage followed by its number: "initiative1 regarding the ongoing conflict3 in Ukraine2".
    expect(flat).toContain(oneLine(articleWithReferenceMarks(report)));
    expect(flat).toContain('initiative1 regarding the ongoing conflict3 in Ukraine2');
    expect(flat).toContain('Verdict Annotations Mostly true 1 False 1 Unverifiable 1 No verdict 1');
    // Entries in number order, each with its heading (number and verdict label), quote and rationale.
    let from = flat.indexOf('Annotations 1. False');
    expect(from).toBeGreaterThan(0);
    for (const annotation of report.annotations) {
      for (const part of [annotationHeading(annotation), annotation.quote.exact, oneLine(annotation.rationale)].filter(Boolean)) {
        const at = flat.indexOf(part, from);
        expect(at, part).toBeGreaterThanOrEqual(from);
        from = at;
      }
    }
    expect(flat).toContain('<script>alert(1)</script>');
    expect(flat).toContain('1. Kremlin readout, Reuters <https://www.reuters.com/world/kremlin-peace-plan> “Peskov said…”');
    expect(flat).toContain('1. =HYPERLINK("x"), Example, accessed 2 March 2026 <https://example.org/x?a=1&b=2>');
    expect(flat).toContain('2. Sneaky <javascript:alert(2)>');
    expect(flat).toContain('Reviewer: Rita Reviewer Status: Submitted (not approved)');
    expect(flat).toContain('Eddie Editor, 3 March 2026, 09:30 UTC: Check the Kremlin readout.');
    expect(flat).toContain('Corrections 4 March 2026, 09:30 UTC, Eddie Editor: Fixed the spelling of “Zelenskiy”.');
    // Every page's footer counts the pages.
    const pages = [...flat.matchAll(/ (\d+) ?\/ ?(\d+)( |$)/g)].map((m) => `${m[1]}/${m[2]}`);
    expect(pages).toEqual(pages.map((_, index) => `${index + 1}/${pages.length}`));
    expect(pages.length).toBeGreaterThan(1);
  });

  it('leaves comments and unapproved annotations out when asked', async () => {
    const text = pdfText(await toPdf(fixtureReport({ approvedOnly: true, includeComments: false })));
    if (text === null) return;
    expect(text).not.toContain('Check the Kremlin readout.');
    expect(text).not.toContain('Looks right.');
    expect(text).not.toContain('Pending: waiting for the transcript.');
    expect(text).not.toContain('COMMENTS');
  });

  it('prints Cyrillic and Central European letters, and "?" for what no font here has', async () => {
    const text = pdfText(await toPdf(fixtureReport({}, { title: 'Заявление Кремля: Łódź, Zürich, 中文 😀' })));
    if (text === null) return;
    expect(text).toContain('Заявление Кремля: Łódź, Zürich, ?? ?');
  });
});

describe('renderReport', () => {
  it('renders every format with its content type and a file name of slug and date', async () => {
    const report = fixtureReport();
    for (const format of exportFormats) {
      const rendered = await renderReport(report, format);
      expect(rendered.body.length).toBeGreaterThan(0);
      expect(rendered.fileName).toMatch(/^kremlin-peace-initiative-2026-03-05\.[a-z.]+$/);
      expect(rendered.contentType).toBeTruthy();
    }
    const claimReview = await renderReport(report, 'claimreview');
    expect(JSON.parse(String(claimReview.body))).toHaveLength(3);
    expect((await renderReport(report, 'pdf')).fileName).toBe('kremlin-peace-initiative-2026-03-05.pdf');
  });
});
