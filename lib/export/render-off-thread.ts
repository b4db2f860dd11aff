import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { AppError } from '@/lib/errors';
import { renderReport, type ExportFormat, type RenderedReport, type Report } from './index';

// PDF and Word layouts are synchronous and, for a report of thousands of annotations, take seconds
// of CPU and hundreds of MB: they run in a worker thread, one at a time per server (a queue of at
// most `maxQueued` waits its turn; beyond it, 503), with a heap limit so that a report too large
// to lay out fails alone instead of taking the server down. The other formats are quick strings.
const offThread = new Set<ExportFormat>(['pdf', 'docx']);
const maxRunning = Math.max(1, Number(process.env.EXPORT_WORKERS ?? 1));
const maxQueued = Number(process.env.EXPORT_QUEUE_MAX ?? 8);
const heapLimitMb = Number(process.env.EXPORT_WORKER_HEAP_MB ?? 2048);

let running = 0;
const waiting: (() => void)[] = [];

export async function renderReportOffThread(report: Report, format: ExportFormat): Promise<RenderedReport> {
  if (!offThread.has(format)) return renderReport(report, format);
  if (running >= maxRunning) {
    if (waiting.length >= maxQueued) {
      throw new AppError('UNAVAILABLE', `The server is busy rendering other ${format.toUpperCase()} exports; try again in a minute.`);
    }
    await new Promise<void>((resolve) => waiting.push(resolve));
  }
  running++;
  try {
    return await renderInWorker(report, format);
  } finally {
    running--;
    waiting.shift()?.();
  }
}

function renderInWorker(report: Report, format: ExportFormat): Promise<RenderedReport> {
  return new Promise((resolve, reject) => {
    // A path computed at run time: the bundler leaves the worker's module graph alone.
    const entry = path.join(/* turbopackIgnore: true */ process.cwd(), 'lib', 'export', 'export-worker.mjs');
    const worker = new Worker(entry, {
      workerData: { report, format },
      resourceLimits: { maxOldGenerationSizeMb: heapLimitMb },
      env: process.env,
    });
    let settled = false;
    worker.once('message', (message: RenderedReport & { body: Uint8Array | string }) => {
      settled = true;
      resolve({ ...message, body: typeof message.body === 'string' ? message.body : Buffer.from(message.body.buffer, message.body.byteOffset, message.body.byteLength) });
    });
    worker.once('error', (error: Error & { code?: string }) => {
      settled = true;
      if (error.code === 'ERR_WORKER_OUT_OF_MEMORY') {
        reject(new AppError('PAYLOAD_TOO_LARGE', `This report is too large to lay out as ${format.toUpperCase()}; export it as HTML or Markdown, or only its approved annotations.`, { field: 'format' }));
      } else reject(error);
    });
    worker.once('exit', (code) => {
      if (!settled) reject(new Error(`export worker exited with code ${code} before answering`));
    });
  });
}
