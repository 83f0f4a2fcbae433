/** The thread a file is checked in (see ./isolate.ts): one request at a time, the report posted back. */
import { parentPort } from 'worker_threads';
import { CheckOptions } from '../core/rules/types';
import { checkFileHere } from './check-file';

export interface Job {
  id: number;
  file: string;
  options: Partial<CheckOptions>;
  /** a workbook and its report checked as one document (./check-file.ts), named `file` */
  parts?: string[];
}

parentPort?.on('message', (job: Job) => {
  // the file's time starts now, with the worker's modules loaded (./isolate.ts)
  parentPort!.postMessage({ started: job.id });
  void checkFileHere(job.file, job.options, job.parts).then((report) => parentPort!.postMessage({ id: job.id, report }));
});
