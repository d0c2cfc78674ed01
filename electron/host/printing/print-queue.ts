import type { PrintJobRow, PrintJobStore } from '../../../db/print-jobs.js';
import { renderDocument } from './documents/index.js';
import { DocumentRequestSchema } from './documents/types.js';
import { PrinterUnreachableError, type DeviceStatus, type Printer } from './printer.js';

/** Test hook (env YIZHAN_TEST_PRINT_PAUSE): stop the worker at a crash point so a test can kill
 * the process exactly there. after-store: `sending` is committed, the printer not yet called;
 * after-submit: the printer holds the job, its id not yet recorded. */
export type PausePoint = 'after-store' | 'after-submit';

export interface PrintQueueDeps {
  jobs: PrintJobStore;
  printerFor(terminalId: number | null): Printer | null;
  titleOf(jobId: number): string;
  clock: () => number;
  log: (line: string) => void;
  onDeviceStatus(terminalId: number | null, status: DeviceStatus, detail: string): void;
  pauseAt?: PausePoint | undefined;
}

export const MAX_ATTEMPTS = 5;
const BACKOFF_MS = [1_000, 3_000, 10_000, 30_000, 60_000];
/** How often a sent job is asked about until its printer reports it done. */
const FOLLOW_MS = 1_000;
/** A job whose printer is out of reach waits this long, or until its terminal's agent is back
 * (printing-service wakes it then). */
const PARKED_MS = 60_000;
/** A job `sending` in this process is being handled; only a restart should look at it again. */
const IN_FLIGHT_MS = 5 * 60_000;

/**
 * The worker: one job at a time, each step committed before the next printer call.
 *   queued  → write `sending` → submit (held) → write `held` + printer's id → release → `sent`
 *   sent    → ask the printer until completed
 * After a crash: `sending` asks the printer for a job with our title before submitting again;
 * `held` releases (or notes the release already happened). So no job is lost and none is printed
 * twice, whatever instant the process died at.
 */
export function printQueue(deps: PrintQueueDeps) {
  const { jobs, clock, log } = deps;
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<void> | null = null;
  let again = false;
  let stopped = false;
  let unpause: () => void = () => {};
  // A pause reached after stop() (the printer answered late) must not hold the stop forever.
  const pause = (point: PausePoint) =>
    deps.pauseAt === point && !stopped ? (log(`print: paused ${point} (test hook)`), new Promise<void>((resolve) => (unpause = resolve))) : Promise.resolve();

  async function render(job: PrintJobRow) {
    // A job still due after the retention period purged its data cannot be printed any more.
    if (job.data === null) throw new Error('the document was purged after the retention period');
    const req = DocumentRequestSchema.parse({ kind: job.kind, data: JSON.parse(job.data) as unknown });
    return renderDocument(req);
  }

  async function submit(job: PrintJobRow, printer: Printer): Promise<void> {
    const doc = await render(job);
    const sub = await printer.submit({ title: deps.titleOf(job.id), pdf: doc.pdf, widthMm: doc.widthMm, heightMm: doc.heightMm, media: '' });
    await pause('after-submit');
    if (stopped) return;
    await recordSubmitted(job, printer, sub.externalId, sub.held);
  }

  async function recordSubmitted(job: PrintJobRow, printer: Printer, externalId: string, held: boolean): Promise<void> {
    if (held) {
      jobs.update(job.id, 'held', clock(), { externalId, printer: printer.description });
      await printer.release(externalId);
    }
    jobs.update(job.id, 'sent', clock(), { externalId, printer: printer.description, next: clock() + FOLLOW_MS });
  }

  async function step(job: PrintJobRow): Promise<void> {
    const printer = deps.printerFor(job.terminal_id);
    if (!printer) {
      jobs.update(job.id, 'failed', clock(), { error: 'no printer configured for this terminal' });
      return;
    }
    if (printer.reachable && !printer.reachable()) {
      jobs.update(job.id, job.state, clock(), { next: clock() + PARKED_MS, error: 'printer out of reach (terminal offline)' });
      return;
    }
    const title = deps.titleOf(job.id);
    try {
      switch (job.state) {
        case 'queued':
          jobs.update(job.id, 'sending', clock(), { attempt: true, printer: printer.description, next: clock() + IN_FLIGHT_MS });
          await pause('after-store');
          if (stopped) return;
          await submit(job, printer);
          break;
        case 'sending': {
          // Seen only after a restart (or a stuck attempt): did the printer get it before we died?
          jobs.update(job.id, 'sending', clock(), { attempt: true, next: clock() + IN_FLIGHT_MS });
          const found = await printer.findByTitle(title);
          if (found) {
            log(`print: job ${job.id} found at the printer after a restart; not submitting again`);
            await recordSubmitted(job, printer, found.externalId, found.held);
          } else await submit(job, printer);
          break;
        }
        case 'held': {
          const p = await printer.progress(job.external_id ?? '');
          if (p.state === 'held') await printer.release(job.external_id ?? '');
          jobs.update(job.id, 'sent', clock(), { next: clock() + FOLLOW_MS });
          break;
        }
        case 'sent': {
          const p = await printer.progress(job.external_id ?? '');
          if (p.state === 'completed') {
            jobs.update(job.id, 'completed', clock());
            deps.onDeviceStatus(job.terminal_id, 'ok', '');
          } else if (p.state === 'failed') throw new Error(p.reason);
          else {
            jobs.update(job.id, 'sent', clock(), { next: clock() + FOLLOW_MS });
            const s = await printer.status();
            deps.onDeviceStatus(job.terminal_id, s.status, s.detail);
          }
          break;
        }
        default:
          break;
      }
    } catch (err) {
      await failed(job, printer, err);
    }
  }

  async function failed(job: PrintJobRow, printer: Printer, err: unknown): Promise<void> {
    const message = (err as Error).message.slice(0, 300);
    const fresh = jobs.get(job.id);
    if (err instanceof PrinterUnreachableError) {
      // The link went mid-step: the job stays where it was (`sending` asks the printer before it
      // submits again), and waits for the terminal to come back.
      jobs.update(job.id, fresh?.state === 'queued' ? 'sending' : (fresh?.state ?? job.state), clock(), { error: message, next: clock() + PARKED_MS });
      log(`print: job ${job.id} waits for its terminal (${message})`);
      return;
    }
    const attempts = fresh?.attempts ?? job.attempts;
    // The job stays in the state it reached: `sending` retries by asking the printer first.
    const state = fresh?.state === 'queued' ? 'sending' : (fresh?.state ?? job.state);
    if (attempts >= MAX_ATTEMPTS) {
      jobs.update(job.id, 'failed', clock(), { error: message });
      log(`print: job ${job.id} failed after ${attempts} attempts: ${message}`);
    } else {
      const delay = BACKOFF_MS[Math.min(attempts, BACKOFF_MS.length) - 1] ?? 1_000;
      jobs.update(job.id, state, clock(), { error: message, next: clock() + delay, attempt: state !== 'sending' });
      log(`print: job ${job.id} attempt ${attempts} failed (${message}); retry in ${delay} ms`);
    }
    const s = await printer.status().catch(() => ({ status: 'offline' as const, detail: message }));
    deps.onDeviceStatus(job.terminal_id, s.status === 'ok' ? 'failed' : s.status, s.status === 'ok' ? message : s.detail);
  }

  function schedule(): void {
    if (stopped) return;
    if (timer) clearTimeout(timer);
    timer = null;
    const at = jobs.nextDueAt();
    if (at === null) return;
    timer = setTimeout(kick, Math.max(0, at - clock()));
    timer.unref();
  }

  async function drain(): Promise<void> {
    do {
      again = false;
      for (const job of jobs.due(clock())) {
        if (stopped) return;
        await step(job);
      }
    } while (again && !stopped);
  }

  function kick(): void {
    if (stopped) return;
    if (running) {
      again = true;
      return;
    }
    running = drain()
      .catch((err: unknown) => log(`print: worker error: ${(err as Error).message}`))
      .finally(() => {
        running = null;
        schedule();
      });
  }

  return {
    kick,
    /** Resolves when the job in hand has finished its step (or at once when paused by the hook). */
    async stop(): Promise<void> {
      stopped = true;
      if (timer) clearTimeout(timer);
      unpause();
      await running;
    },
  };
}
export type PrintQueue = ReturnType<typeof printQueue>;

/** Reads the test hook; anything but a known pause point means no pause. */
export function pausePointFromEnv(env: NodeJS.ProcessEnv): PausePoint | undefined {
  const v = env['YIZHAN_TEST_PRINT_PAUSE'];
  return v === 'after-store' || v === 'after-submit' ? v : undefined;
}
