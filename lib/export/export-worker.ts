// Renders one report in a worker thread (see render-off-thread.ts), so that laying out a large
// PDF or Word file does not stop the server's event loop. Loaded through export-worker.mjs.
import { parentPort, workerData } from 'node:worker_threads';
import { renderReport, type ExportFormat, type Report } from './index';

const { report, format } = workerData as { report: Report; format: ExportFormat };
const rendered = await renderReport(report, format);
parentPort!.postMessage({ ...rendered, body: typeof rendered.body === 'string' ? rendered.body : new Uint8Array(rendered.body) });
