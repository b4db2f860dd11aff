import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { AppError } from '@/lib/errors';
import { renderReport, type ExportFormat, type RenderedReport, type Report } from './index';
import type { ExportJob } from './export-worker';

// PDF and Word layouts are synchronous and, for a report of thousands of annotations, take seconds
// of CPU and hundreds of MB: they run in worker threads, at most `maxRunning` at a time per
// server (a queue of at most `maxQueued` waits its turn; beyond it, 503), each with a heap limit
// so that a report too large to lay out fails alone (413) instead of taking the server down.
// Workers stay up while there is work and end after `idleMs` without. The other formats are
// quick strings, rendered in place.
const offThread = new Set<ExportFormat>(['pdf', 'docx']);
const maxRunning = Math.max(1, Number(process.env.EXPORT_WORKERS ?? 1));
const maxQueued = Number(process.env.EXPORT_QUEUE_MAX ?? 8);
const heapLimitMb = Number(process.env.EXPORT_WORKER_HEAP_MB ?? 2048);
const idleMs = 60_000;

type Reply = { id: number; ok: true; body: Uint8Array | string; contentType: string; fileName: string } | { id: number; ok: false; message: string };

interface Pending {
  resolve: (rendered: RenderedReport) => void;
  reject: (error: Error) => void;
  format: ExportFormat;
}

/** One worker thread and the job it is on. */
class ExportWorker {
  private readonly worker: Worker;
  private current: (Pending & { id: number }) | null = null;
  private idleTimer: NodeJS.Timeout | undefined;
  dead = false;

  constructor(private readonly onExit: (worker: ExportWorker) => void) {
    // A path computed at run time: the bundler leaves the worker's module graph alone.
    const entry = path.join(/* turbopackIgnore: true */ process.cwd(), 'lib', 'export', 'export-worker.mjs');
    this.worker = new Worker(entry, { resourceLimits: { maxOldGenerationSizeMb: heapLimitMb }, env: process.env });
    this.worker.on('message', (reply: Reply) => {
      const job = this.current;
      if (!job || job.id !== reply.id) return;
      this.current = null;
      this.startIdleTimer();
      if (reply.ok) {
        const body = typeof reply.body === 'string' ? reply.body : Buffer.from(reply.body.buffer, reply.body.byteOffset, reply.body.byteLength);
        job.resolve({ body, contentType: reply.contentType, fileName: reply.fileName });
      } else job.reject(new Error(`export worker: ${reply.message}`));
    });
    this.worker.on('error', (error: Error & { code?: string }) => {
      const job = this.current;
      this.current = null;
      if (!job) return;
      if (error.code === 'ERR_WORKER_OUT_OF_MEMORY') {
        job.reject(new AppError('PAYLOAD_TOO_LARGE', `This report is too large to lay out as ${job.format.toUpperCase()}; export it as HTML or Markdown, or only its approved annotations.`, { field: 'format' }));
      } else job.reject(error);
    });
    this.worker.on('exit', (code) => {
      this.dead = true;
      clearTimeout(this.idleTimer);
      this.current?.reject(new Error(`export worker exited with code ${code} before answering`));
      this.current = null;
      this.onExit(this);
    });
  }

  get busy(): boolean {
    return this.current !== null;
  }

  render(id: number, report: Report, format: ExportFormat): Promise<RenderedReport> {
    clearTimeout(this.idleTimer);
    this.worker.ref();
    return new Promise((resolve, reject) => {
      this.current = { id, resolve, reject, format };
      this.worker.postMessage({ id, report, format } satisfies ExportJob);
    });
  }

  private startIdleTimer(): void {
    // An idle worker does not keep the process alive.
    this.worker.unref();
    this.idleTimer = setTimeout(() => void this.worker.terminate(), idleMs);
    this.idleTimer.unref();
  }
}

const workers = new Set<ExportWorker>();
const waiting: (() => void)[] = [];
let running = 0;
let nextJobId = 1;

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
    return await idleWorker().render(nextJobId++, report, format);
  } finally {
    running--;
    waiting.shift()?.();
  }
}

function idleWorker(): ExportWorker {
  for (const worker of workers) if (!worker.busy && !worker.dead) return worker;
  const worker = new ExportWorker((gone) => workers.delete(gone));
  workers.add(worker);
  return worker;
}
