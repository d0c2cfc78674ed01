import { accessSync, constants, existsSync, mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { JobProgress, Printer, PrintRequest, Submitted } from './printer.js';

/**
 * Development printer: each job becomes <folder>/<title>.pdf. Written to a temporary name and
 * renamed, so a file exists only whole, and its name is the job's: a resubmission after a crash
 * finds it and prints nothing twice.
 */
export function folderPrinter(folder: string): Printer {
  const fileFor = (title: string) => join(folder, `${title}.pdf`);
  return {
    description: `folder ${folder}`,
    async submit(req: PrintRequest): Promise<Submitted> {
      mkdirSync(folder, { recursive: true });
      const file = fileFor(req.title);
      if (!existsSync(file)) {
        const tmp = `${file}.partial`;
        writeFileSync(tmp, req.pdf);
        renameSync(tmp, file);
      }
      return { externalId: file, held: false };
    },
    async release() {},
    async findByTitle(title) {
      const file = fileFor(title);
      return existsSync(file) ? { externalId: file, held: false } : null;
    },
    async progress(): Promise<JobProgress> {
      return { state: 'completed' };
    },
    async status() {
      try {
        mkdirSync(folder, { recursive: true });
        accessSync(folder, constants.W_OK);
        return { status: 'ok', detail: '' };
      } catch (err) {
        return { status: 'offline', detail: (err as NodeJS.ErrnoException).code ?? 'not writable' };
      }
    },
  };
}
