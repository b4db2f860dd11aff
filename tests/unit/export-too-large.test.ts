import { expect, it } from 'vitest';
import { syntheticReport } from '../support/synthetic-report';

// A worker heap of 24 MB: room for the renderer and a report of 300 annotations (shown first), not
// for laying out 4,000: the report reaches the worker whole (about 15 MB there), and the layout
// keeps some 5 KB per annotation until the end (its links, destinations, pages and the bytes
// written so far). That export fails alone, with 413 and a way out, and the next one still works.
// Read when the module loads, so set first.
process.env.EXPORT_WORKER_HEAP_MB = '24';

it('refuses a report too large for the export worker with 413 and a suggestion, without taking the server down', { timeout: 180_000 }, async () => {
  const { renderReportOffThread } = await import('@/lib/export/render-off-thread');
  const fits = syntheticReport(3_000, 300);
  const isPdf = (body: Buffer | string) => Buffer.isBuffer(body) && body.subarray(0, 5).toString('latin1') === '%PDF-';
  expect(isPdf((await renderReportOffThread(fits, 'pdf')).body)).toBe(true);

  const tooLarge = syntheticReport(40_000, 4_000);
  await expect(renderReportOffThread(tooLarge, 'pdf')).rejects.toMatchObject({ status: 413, details: { field: 'format' }, userMessage: expect.stringMatching(/too large.*HTML or Markdown/) });

  // A new worker takes the next export; this process is fine and renders the quick formats itself.
  expect(isPdf((await renderReportOffThread(fits, 'pdf')).body)).toBe(true);
  expect(String((await renderReportOffThread(tooLarge, 'html')).body)).toContain('<html');
});
