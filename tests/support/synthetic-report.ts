import type { Report, ReportAnnotationInput } from '@/lib/export/report-model';
import { buildReport } from '@/lib/export/report-model';
import { defaultVerdictScale } from '@/lib/verdicts/default-scale';

// A fixed-seed generator (mulberry32), so that every run renders the same report.
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const vocabulary = 'the Kremlin said Russia is not rejecting “peace” initiative but officials’ talks yielded no clear progress on territory NATO sanctions envoy'.split(' ');

function syntheticArticle(next: () => number, wordCount: number): string {
  const paragraphs: string[] = [];
  for (let written = 0; written < wordCount; written += 100) {
    const words = Array.from({ length: 100 }, () => vocabulary[Math.floor(next() * vocabulary.length)]);
    paragraphs.push(`${words.join(' ')}.`);
  }
  return paragraphs.join('\n') + '\n';
}

function syntheticAnnotations(text: string, next: () => number, annotationCount: number): ReportAnnotationInput[] {
  const created = new Date('2026-03-02T10:00:00Z');
  return Array.from({ length: annotationCount }, (_, i) => {
    // Spread over the text, 10 to 400 characters long: many overlap, some nest, some cross paragraphs.
    const start = Math.floor(next() * (text.length - 500));
    const end = start + 10 + Math.floor(next() * 390);
    const verdict = defaultVerdictScale[i % defaultVerdictScale.length];
    return {
      id: `ann-${i}`,
      quote: { exact: text.slice(start, end), prefix: text.slice(Math.max(0, start - 32), start), suffix: text.slice(end, end + 32) },
      position: { start, end },
      orphaned: i % 97 === 0,
      verdict: i % 13 === 0 ? null : { key: verdict.key, label: verdict.label, color: verdict.color, ratingValue: verdict.ratingValue },
      rationale: `Annotation ${i}: the claim is checked against the record.\nSecond line with "quotes", commas & <angle brackets>.`,
      status: i % 5 === 0 ? 'SUBMITTED' : 'APPROVED',
      author: { name: `Reviewer ${i % 7}`, email: `reviewer${i % 7}@example.org` },
      approver: i % 5 === 0 ? null : { name: 'Eddie Editor' },
      approvedAt: i % 5 === 0 ? null : created,
      createdAt: created,
      updatedAt: created,
      sources: [
        { url: `https://example.org/evidence/${i}`, title: `Evidence ${i}`, publisher: 'Example', excerpt: '', accessedAt: created },
        { url: `https://archive.example.net/${i}?q=a&b=c`, title: '', publisher: 'Archive', excerpt: '', accessedAt: null },
      ],
      comments: [{ author: 'Eddie Editor', body: `Comment on ${i}.`, createdAt: created }],
    };
  });
}

/** A report of `wordCount` words (paragraphs of 100) and `annotationCount` overlapping annotations, the same every run. */
export function syntheticReport(wordCount: number, annotationCount: number): Report {
  const next = random(wordCount);
  const text = syntheticArticle(next, wordCount);
  return buildReport({
    article: { id: 'big', slug: 'big-article', title: 'A very long article', outlet: 'Example News', author: null, url: null, publishedAt: null, text },
    annotations: syntheticAnnotations(text, next, annotationCount),
    options: { approvedOnly: false, includeComments: true },
    generatedAt: new Date('2026-03-05T12:00:00Z'),
    generatedBy: { name: 'Eddie Editor' },
    baseUrl: 'https://desk.example.org',
  });
}

