/** The thread a file is checked in (see ./isolate.ts): one request at a time, the report posted back. */
import { parentPort } from 'worker_threads';
import { CheckOptions } from '../core/rules/types';
import { checkFileHere } from './check-file';

export interface Job {
  id: number;
  file: string;
  options: Partial<CheckOptions>;
}

parentPort?.on('message', (job: Job) => {
  void checkFileHere(job.file, job.options).then((report) => parentPort!.postMessage({ id: job.id, report }));
});
