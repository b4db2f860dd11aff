import { beforeAll, describe, expect, it } from 'vitest';
import { performance } from 'node:perf_hooks';
import type { renderReportOffThread as RenderOffThread } from '@/lib/export/render-off-thread';
import { syntheticReport } from '../support/synthetic-report';

// One export at a time, no waiting line, and a small heap for the "too large" case: read when the
// module loads, so they are set before importing it.
process.env.EXPORT_WORKERS = '1';
process.env.EXPORT_QUEUE_MAX = '0';
let renderReportOffThread: typeof RenderOffThread;
beforeAll(async () => {
  ({ renderReportOffThread } = await import('@/lib/export/render-off-thread'));
});

const report = syntheticReport(3_000, 300);

describe('PDF and Word exports off the main thread', () => {
  it('lays out a PDF while the server thread stays idle, and returns the document', { timeout: 120_000 }, async () => {
    const before = performance.eventLoopUtilization();
    const rendered = await renderReportOffThread(report, 'pdf');
    // The share of the wait this thread spent running code rather than idle: a layout on this
    // thread would keep it near 1 (it measured 0.9 and more); in a worker it stays near 0.
    const busy = performance.eventLoopUtilization(before).utilization;
    expect(rendered.contentType).toBe('application/pdf');
    expect(Buffer.isBuffer(rendered.body)).toBe(true);
    expect((rendered.body as Buffer).subarray(0, 5).toString()).toBe('%PDF-');
    expect(busy).toBeLessThan(0.5);
  });

  it('answers 503 with a clear message when the server is already busy with one and no queue is left', { timeout: 120_000 }, async () => {
    const first = renderReportOffThread(report, 'docx');
    await expect(renderReportOffThread(report, 'pdf')).rejects.toMatchObject({ code: 'UNAVAILABLE', status: 503, userMessage: expect.stringMatching(/busy rendering/) });
    const word = await first;
    expect((word.body as Buffer).subarray(0, 2).toString()).toBe('PK');
    // The quick formats never wait in that line.
    expect(String((await renderReportOffThread(report, 'md')).body)).toContain('A very long article');
  });
});
