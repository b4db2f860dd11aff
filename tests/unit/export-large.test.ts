import { describe, expect, it } from 'vitest';
import { exportFormats, renderReport } from '@/lib/export';
import { syntheticReport } from '../support/synthetic-report';

const wordCount = 20_000;
const annotationCount = 2_000;

describe('a 20,000-word article with 2,000 annotations', () => {
  it('renders in every format', { timeout: 300_000 }, async () => {
    const report = syntheticReport(wordCount, annotationCount);
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
});
