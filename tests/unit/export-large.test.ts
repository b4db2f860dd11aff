import { describe, expect, it } from 'vitest';
import { exportFormats, renderReport } from '@/lib/export';
import { annotationHeading } from '@/lib/export/report-presentation';
import { toPdf } from '@/lib/export/to-pdf';
import { articleWithReferenceMarks, oneLine, pdfText } from '../support/pdf-text';
import { syntheticReport } from '../support/synthetic-report';

const wordCount = 20_000;
const annotationCount = 2_000;

describe('a 20,000-word article with 2,000 annotations', () => {
  const report = syntheticReport(wordCount, annotationCount);

  it('renders in every format', { timeout: 300_000 }, async () => {
    expect(report.article.text.split(/\s+/).filter(Boolean)).toHaveLength(wordCount);
    expect(report.annotations).toHaveLength(annotationCount);
    for (const format of exportFormats) {
      const started = performance.now();
      const { body } = await renderReport(report, format);
      const seconds = ((performance.now() - started) / 1000).toFixed(1);
      const bytes = typeof body === 'string' ? Buffer.byteLength(body) : body.length;
      // Reported, not asserted: timings depend on the machine.
      console.info(`export ${format}: ${seconds} s, ${(bytes / 1024).toFixed(0)} KiB`);
      expect(bytes).toBeGreaterThan(0);
    }
  });

  it('prints the whole article with its reference marks and every annotation in order in the PDF', { timeout: 300_000 }, async () => {
    const text = pdfText(await toPdf(report));
    if (text === null) return;
    // Page footers fall between the lines of a paragraph: leave them out.
    const flat = oneLine(text).replace(/ Fact-check report: A very long article \d+ ?\/ ?\d+ /g, ' ');
    expect(flat).toContain(oneLine(articleWithReferenceMarks(report)));
    let from = flat.indexOf(' Annotations 1. ');
    expect(from).toBeGreaterThan(0);
    for (const annotation of report.annotations) {
      const id = annotation.id.slice('ann-'.length);
      for (const part of [annotationHeading(annotation), oneLine(annotation.rationale), `1. Evidence ${id}, Example`, `<https://archive.example.net/${id}?q=a&b=c>`, `Comment on ${id}.`]) {
        const at = flat.indexOf(part, from);
        expect(at, `${annotation.number}: ${part}`).toBeGreaterThanOrEqual(from);
        from = at;
      }
    }
  });
});
