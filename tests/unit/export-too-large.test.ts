import { expect, it } from 'vitest';
import { syntheticReport } from '../support/synthetic-report';

// A worker heap far too small for the layout: the export fails alone, with 413 and a way out,
// and the next export (with room) still works. Read when the module loads, so set first.
process.env.EXPORT_WORKER_HEAP_MB = '16';

it('refuses a report too large for the export worker with 413 and a suggestion, without taking the server down', { timeout: 120_000 }, async () => {
  const { renderReportOffThread } = await import('@/lib/export/render-off-thread');
  const report = syntheticReport(3_000, 300);
  await expect(renderReportOffThread(report, 'pdf')).rejects.toMatchObject({ status: 413, details: { field: 'format' }, userMessage: expect.stringMatching(/too large.*HTML or Markdown/) });
  // This process is fine: the quick formats still render here.
  expect(String((await renderReportOffThread(report, 'html')).body)).toContain('<html');
});
