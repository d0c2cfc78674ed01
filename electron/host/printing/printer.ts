import { PrinterConfigSchema, type PrinterConfig, type PrinterStatus } from '../../domain/contract/print-api.js';

/**
 * One interface for every way a terminal prints: CUPS, Electron's silent print (in the shell
 * only), and a folder for development. The queue drives it through submit → (release) → progress;
 * printers that can hold a job (CUPS) let the queue record the job's id before anything prints,
 * which is what makes a crash at any point recoverable without a second paper.
 */
export { PrinterConfigSchema };
export type { PrinterConfig };
export type DeviceStatus = PrinterStatus;

export interface PrintRequest {
  /** yizhan-<database tag>-<job id>: how a job is found again after a crash. */
  title: string;
  pdf: Buffer;
  widthMm: number;
  heightMm: number;
  /** Media the printer should use; '' = derive from the size. */
  media: string;
}

export interface Submitted {
  externalId: string;
  /** True when the printer holds the job until release(): nothing is on paper yet. */
  held: boolean;
}

export type JobProgress = { state: 'held' | 'pending' | 'completed' } | { state: 'failed'; reason: string };

export interface Printer {
  readonly description: string;
  /** False while the printer cannot be reached at all (a terminal's agent is away): the queue then
   * parks the terminal's jobs instead of spending their attempts. Absent: always reachable. */
  reachable?(): boolean;
  submit(req: PrintRequest): Promise<Submitted>;
  release(externalId: string): Promise<void>;
  /** A job this process submitted but never recorded (the host died in between), if any. */
  findByTitle(title: string): Promise<Submitted | null>;
  progress(externalId: string): Promise<JobProgress>;
  status(): Promise<{ status: DeviceStatus; detail: string }>;
}

/** The tag tells this database's jobs from another's on a shared CUPS server (job ids repeat). */
export function jobTitle(tag: string, jobId: number): string {
  return `yizhan-${tag}-${jobId}`;
}

/** Thrown by a printer that is out of reach (its terminal's agent went away, or did not answer):
 * not the printer's fault, so it costs the job no attempt; the job waits in the state it reached. */
export class PrinterUnreachableError extends Error {
  override name = 'PrinterUnreachableError';
}
