// Renders reports in a worker thread (see render-off-thread.ts), so that laying out a large PDF
// or Word file does not stop the server's event loop. Loaded through export-worker.mjs; it stays
// up between exports (the renderers take about a second to load) and answers one job at a time.
import { parentPort } from 'node:worker_threads';
import { renderReport, type ExportFormat, type Report } from './index';

export interface ExportJob {
  id: number;
  report: Report;
  format: ExportFormat;
}

parentPort!.on('message', async ({ id, report, format }: ExportJob) => {
  try {
    const rendered = await renderReport(report, format);
    parentPort!.postMessage({ id, ok: true, ...rendered, body: typeof rendered.body === 'string' ? rendered.body : new Uint8Array(rendered.body) });
  } catch (error) {
    parentPort!.postMessage({ id, ok: false, message: error instanceof Error ? error.message : String(error) });
  }
});
