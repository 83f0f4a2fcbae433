/**
 * Each file is checked in a worker thread with a memory ceiling and a time limit, so that a file that would
 * exhaust memory or run for ever costs its own result only: the worker is ended, the file gets a "文件过大" or
 * "处理超时" entry, a new worker takes the next file, and the report (JSON included) always comes out. One
 * worker serves the files one after another; it is started again only after one was ended.
 */
import path from 'path';
import { Worker } from 'worker_threads';
import { Lang } from '../core';
import { CheckOptions } from '../core/rules/types';
import { CheckedReport, errorReport } from './check-file';
import { ReadError } from './read-error';
import type { Job } from './worker';

export const RUN_LIMITS = {
  /** the worker's JavaScript heap (V8's old generation); the process as a whole stays under about 1.3 GB */
  heapMb: 1000,
  /** seconds one file may take, reading and checking */
  timeoutS: 20,
};

interface Pending {
  job: Job;
  lang: Lang;
  resolve: (r: CheckedReport) => void;
  timer: NodeJS.Timeout;
}

/** Seconds a new worker may take to start (load its modules) before its file's time begins. */
const STARTUP_S = 30;

export class IsolatedChecker {
  private worker: Worker | null = null;
  private pending: Pending | null = null;
  private nextId = 1;

  constructor(private readonly limits = RUN_LIMITS, private readonly script = path.join(__dirname, 'worker.js')) {}

  /** Check `file` (a workbook or a Word report), or `parts` as one document named `file`. */
  check(file: string, options: Partial<CheckOptions>, parts?: string[]): Promise<CheckedReport> {
    const lang = options.lang ?? 'zh';
    return new Promise<CheckedReport>((resolve) => {
      const worker = this.ensureWorker();
      const job: Job = { id: this.nextId++, file, options, ...(parts ? { parts } : {}) };
      // until the worker says it has the job, its start (loading its modules: slower on a loaded machine) does not
      // count against the file's time; a worker that never starts is given up after STARTUP_S more
      const timer = setTimeout(() => this.fail(new ReadError('timeout', { limit: this.limits.timeoutS })), (this.limits.timeoutS + STARTUP_S) * 1000);
      this.pending = { job, lang, resolve, timer };
      worker.postMessage(job);
    });
  }

  async close(): Promise<void> {
    const w = this.worker;
    this.worker = null;
    if (w) await w.terminate();
  }

  private ensureWorker(): Worker {
    if (this.worker) return this.worker;
    const w = new Worker(this.script, {
      resourceLimits: { maxOldGenerationSizeMb: this.limits.heapMb, maxYoungGenerationSizeMb: 32 },
    });
    w.on('message', (msg: { id: number; report: CheckedReport } | { started: number }) => {
      if (this.worker !== w) return;
      const p = this.pending;
      if ('started' in msg) {
        if (!p || p.job.id !== msg.started) return;
        clearTimeout(p.timer);
        p.timer = setTimeout(() => this.fail(new ReadError('timeout', { limit: this.limits.timeoutS })), this.limits.timeoutS * 1000);
        return;
      }
      if (!p || p.job.id !== msg.id) return;
      this.settle(msg.report);
    });
    // events of a worker already ended (after a time-out) are ignored: the next file has a worker of its own
    w.on('error', (e: Error & { code?: string }) => {
      if (this.worker !== w) return;
      this.fail(e.code === 'ERR_WORKER_OUT_OF_MEMORY'
        ? new ReadError('outOfMemory', { limit: `${this.limits.heapMb} MB` })
        : new ReadError('crashed', { reason: String(e.message).slice(0, 200) }));
    });
    w.on('exit', () => {
      if (this.worker !== w) return;
      this.fail(new ReadError('crashed', { reason: 'worker exited' }));
    });
    this.worker = w;
    return w;
  }

  private settle(report: CheckedReport): void {
    const p = this.pending;
    if (!p) return;
    this.pending = null;
    clearTimeout(p.timer);
    p.resolve(report);
  }

  /** The file being checked gets this error; the worker is ended (a new one takes the next file). */
  private fail(e: ReadError): void {
    const w = this.worker;
    this.worker = null;
    if (w) void w.terminate();
    const p = this.pending;
    if (p) this.settle(errorReport(p.job.file, e, p.lang));
  }
}
