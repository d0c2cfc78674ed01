import { randomUUID } from 'node:crypto';
import type { FieldCipher } from '../../../db/field-cipher.js';
import type { Db } from '../../../db/open.js';
import { printJobStore, type NewPrintJob, type PrintJobRow } from '../../../db/print-jobs.js';
import { printSettingsStore } from '../../../db/print-settings.js';
import type { ServerEvent } from '../../domain/contract/events.js';
import { cupsPrinter } from './cups-printer.js';
import { DocumentRequestSchema, OneTimeNoticeDataSchema, type DocumentRequest, type PrintLanguage, type TicketSlipData } from './documents/types.js';
import { folderPrinter } from './folder-printer.js';
import type { NoticeContent } from './notice-content.js';
import { printQueue, type PausePoint } from './print-queue.js';
import { jobTitle, type DeviceStatus, type Printer, type PrinterConfig } from './printer.js';

export interface PrintingOptions {
  db: Db;
  /** Seals each job's document data (names, full ID numbers on receipts). */
  cipher: FieldCipher;
  clock: () => number;
  timeZone: string;
  log: (line: string) => void;
  broadcast: (event: ServerEvent) => void;
  /** For terminals without their own setting (--printer). */
  defaultPrinter?: PrinterConfig | undefined;
  /** Electron's silent print, given by the shell; absent in a headless host. */
  electronPrinter?: ((deviceName: string) => Printer) | undefined;
  pauseAt?: PausePoint | undefined;
  /** Terminals whose own agent prints on their machine (the hall shape): the printer it reported,
   * and the printer that reaches it over the agent's link. Given later, once the links exist. */
  agents?: AgentPrinters | undefined;
}

export interface AgentPrinters {
  configOf(terminalId: number): PrinterConfig | null;
  printerOf(terminalId: number): Printer | null;
}

/** Where a terminal's papers go: a printer config, or its agent's printer. */
export type EffectiveConfig = PrinterConfig | { kind: 'agent'; target: string; media: string; terminalId: number };

export interface IssuedForSlip {
  ticket: { id: number; number: string; line: TicketSlipData['line']; serviceDay: string };
  ahead: number;
  estimatedWaitMinutes?: number | null | undefined;
}

const NONE: PrinterConfig = { kind: 'none', target: '', media: '' };
const STATUS_POLL_MS = 15_000;

/**
 * Printing in the host: which printer each terminal uses, the durable queue and its worker, and
 * the device status pushed to screens when it changes.
 */
const JOBS_HINT_MS = 250;

export function printingService(o: PrintingOptions) {
  const store = printJobStore(o.db, o.cipher);
  // A job queued or moved on tells the admin screens to read their job lists again: one hint per
  // burst (a run of slips), after the change has committed.
  let hint: NodeJS.Timeout | null = null;
  const jobsMoved = (): void => {
    hint ??= setTimeout(() => {
      hint = null;
      o.broadcast({ type: 'print.jobs' });
    }, JOBS_HINT_MS);
    hint.unref();
  };
  const jobs: typeof store = {
    ...store,
    enqueueMany: (...a) => {
      const ids = store.enqueueMany(...a);
      jobsMoved();
      return ids;
    },
    update: (...a) => {
      store.update(...a);
      jobsMoved();
    },
  };
  const settings = printSettingsStore(o.db);
  const printers = new Map<string, Printer>();
  const tag = settings.printTag();
  const statuses = new Map<number, { status: DeviceStatus; detail: string; at: number }>();

  // An explicit setting on the admin screen wins; else the printer on the terminal's own machine
  // (its agent's); else the host's default.
  function configFor(terminalId: number | null): EffectiveConfig {
    const row = terminalId === null ? null : settings.get(terminalId);
    if (row) return { kind: row.kind, target: row.target, media: row.media };
    const own = terminalId === null ? null : (o.agents?.configOf(terminalId) ?? null);
    if (own && terminalId !== null) return { kind: 'agent', target: `${own.kind}:${own.target}`, media: '', terminalId };
    return o.defaultPrinter ?? NONE;
  }

  function printerOf(c: EffectiveConfig): Printer | null {
    if (c.kind === 'agent') return o.agents?.printerOf(c.terminalId) ?? null;
    const key = `${c.kind}:${c.target}`;
    const cached = printers.get(key);
    if (cached) return cached;
    let p: Printer | null = null;
    if (c.kind === 'cups' && c.target) p = cupsPrinter(c.target);
    else if (c.kind === 'folder' && c.target) p = folderPrinter(c.target);
    else if (c.kind === 'electron' && o.electronPrinter) p = o.electronPrinter(c.target);
    if (p) printers.set(key, p);
    return p;
  }

  function setStatus(terminalId: number | null, status: DeviceStatus, detail: string): void {
    if (terminalId === null) return;
    const prev = statuses.get(terminalId);
    statuses.set(terminalId, { status, detail, at: o.clock() });
    if (prev?.status === status) return;
    if (status !== 'ok') o.log(`print: terminal #${terminalId} printer ${status}${detail ? ` (${detail})` : ''}`);
    o.broadcast({ type: 'printer.status', terminalId, status, detail });
  }

  const queue = printQueue({
    jobs,
    printerFor: (tid) => printerOf(configFor(tid)),
    titleOf: (id) => jobTitle(tag, id),
    clock: o.clock,
    log: o.log,
    onDeviceStatus: setStatus,
    pauseAt: o.pauseAt,
  });
  const recovered = jobs.resetInFlight(o.clock());
  if (recovered > 0) o.log(`print: ${recovered} job(s) were being sent when the host stopped; checking them with their printers`);
  queue.kick();

  async function pollStatus(terminalId: number): Promise<void> {
    const p = printerOf(configFor(terminalId));
    if (!p) return setStatus(terminalId, 'none', '');
    const s = await p.status().catch((err: unknown) => ({ status: 'offline' as const, detail: (err as Error).message }));
    setStatus(terminalId, s.status, s.detail);
  }
  // Terminals that printed recently are watched, so paper running out shows before the next slip.
  const watched = new Set<number>();
  const poll = setInterval(() => {
    for (const tid of watched) void pollStatus(tid);
  }, STATUS_POLL_MS);
  poll.unref();

  // Slips of tickets issued in the same turn are stored in one transaction (one fsync), as the
  // tickets themselves are.
  let pendingSlips: NewPrintJob[] = [];
  function flushSlips(): void {
    const batch = pendingSlips;
    pendingSlips = [];
    try {
      jobs.enqueueMany(batch, o.clock());
      queue.kick();
    } catch (err) {
      o.log(`print: could not store ${batch.length} slip job(s): ${(err as Error).message}`);
    }
  }

  /** The slip job of an issued ticket, or null when the terminal prints nothing. Never throws. */
  function slipJob(
    issued: IssuedForSlip,
    terminal: { id: number; name: string } | null,
    language: PrintLanguage | undefined,
    application?: TicketSlipData['application'],
  ): NewPrintJob | null {
    try {
      if (!terminal || configFor(terminal.id).kind === 'none') return null;
      const data: TicketSlipData = {
        language: language ?? 'zh-CN',
        hallName: settings.hallName(),
        terminalName: terminal.name,
        printedAt: o.clock(),
        timeZone: o.timeZone,
        number: issued.ticket.number,
        line: issued.ticket.line,
        serviceDay: issued.ticket.serviceDay,
        ahead: issued.ahead,
        ...(typeof issued.estimatedWaitMinutes === 'number' ? { estimatedWaitMinutes: Math.round(issued.estimatedWaitMinutes) } : {}),
        ...(application ? { application } : {}),
      };
      return { terminalId: terminal.id, kind: 'ticket_slip', data, idempotencyKey: `ticket:${issued.ticket.id}` };
    } catch (err) {
      o.log(`print: slip not queued: ${(err as Error).message}`);
      return null;
    }
  }

  return {
    titleOf: (id: number) => jobTitle(tag, id),
    jobs,
    settings,
    configFor,
    defaultPrinter: o.defaultPrinter ?? null,
    statusOf: (terminalId: number) => statuses.get(terminalId) ?? { status: configFor(terminalId).kind === 'none' ? 'none' : 'ok', detail: '', at: 0 },
    refreshStatus: pollStatus,

    /** Inside the ticket's own transaction: stores its slip job, so the ticket and its slip commit
     * together (or neither does). Building the slip never throws (a ticket is valid without paper);
     * only the insert may, and then the ticket rolls back with it. Call kick() after the commit. */
    storeSlip(
      issued: Omit<IssuedForSlip, 'estimatedWaitMinutes'>,
      terminal: { id: number; name: string } | null,
      language: PrintLanguage | undefined,
      estimate: () => number | null = () => null,
      /** The application(s) the ticket was issued with: service and cases (ID numbers masked). */
      application?: TicketSlipData['application'],
    ): void {
      if (!terminal || configFor(terminal.id).kind === 'none') return;
      let minutes: number | null = null;
      try {
        minutes = estimate();
      } catch (err) {
        o.log(`print: slip without a wait estimate: ${(err as Error).message}`);
      }
      const job = slipJob({ ...issued, estimatedWaitMinutes: minutes }, terminal, language, application);
      if (job) jobs.enqueueMany([job], o.clock());
    },

    /** After the ticket's transaction committed: send what storeSlip stored. */
    slipsStored(terminal: { id: number } | null): void {
      if (!terminal || configFor(terminal.id).kind === 'none') return;
      watched.add(terminal.id);
      queue.kick();
    },

    /** After a ticket is issued (outside its transaction): its slip, stored in the next turn.
     * Never throws. */
    ticketIssued(issued: IssuedForSlip, terminal: { id: number; name: string } | null, language: PrintLanguage | undefined): void {
      const job = slipJob(issued, terminal, language);
      if (!job || !terminal) return;
      watched.add(terminal.id);
      if (pendingSlips.length === 0) setImmediate(flushSlips);
      pendingSlips.push(job);
    },

    /** An explicit reprint: a new job with the same document, audited with who asked. */
    reprint(jobId: number, actorId: number | null): PrintJobRow | 'purged' | null {
      const original = jobs.get(jobId);
      if (!original) return null;
      const data = original.data;
      if (data === null) return 'purged';
      const n = jobs.reprintCount(jobId) + 1;
      const now = o.clock();
      const [id] = o.db
        .transaction(() => {
          const ids = jobs.enqueueMany(
            [
              {
                terminalId: original.terminal_id,
                kind: original.kind,
                data: JSON.parse(data) as unknown,
                idempotencyKey: `reprint:${jobId}:${n}`,
                reprintOf: jobId,
              },
            ],
            now,
          );
          settings.audit('reprint', actorId, jobId, `reprint #${n}`, now);
          return ids;
        })
        .immediate();
      queue.kick();
      return id ? jobs.get(id) : null;
    },

    /** A one-time notice asked for at a kiosk: checked now (a bad document is refused here, not
     * failed later in the queue), stored durably (the queue retries and survives restarts), then
     * sent. Returns the job id, or null when the terminal has no printer to send it to. */
    printNotice(terminal: { id: number; name: string }, language: PrintLanguage, content: NoticeContent): number | null {
      if (!printerOf(configFor(terminal.id))) return null;
      const now = o.clock();
      const data = OneTimeNoticeDataSchema.parse({
        language,
        hallName: settings.hallName(),
        terminalName: terminal.name,
        printedAt: now,
        timeZone: o.timeZone,
        ...content,
      });
      // Each request is its own paper: a citizen who asks twice gets two copies.
      const [id] = jobs.enqueueMany([{ terminalId: terminal.id, kind: 'one_time_notice', data, idempotencyKey: `notice:${terminal.id}:${randomUUID()}` }], now);
      if (!id) throw new Error('notice job not stored');
      watched.add(terminal.id);
      queue.kick();
      return id;
    },

    /** A terminal's agent came back (or went): its waiting jobs are due now, its printer's state
     * is asked again. */
    agentChanged(terminalId: number): void {
      if (jobs.wake(terminalId, o.clock()) > 0) o.log(`print: terminal #${terminalId} is back; its waiting jobs go now`);
      watched.add(terminalId);
      queue.kick();
      void pollStatus(terminalId);
    },

    /** Whether a terminal has somewhere to print (else its documents are not stored at all). */
    canPrint: (terminalId: number): boolean => printerOf(configFor(terminalId)) !== null,

    /**
     * Inside a case step's own transaction: stores the documents the step causes on the window's
     * printer, so the step and its papers commit together (or neither does). Each is checked
     * against its schema here: a document that cannot print refuses the step, not the queue later.
     * Returns each document's job id, in order (null where its key had a job already); empty when
     * the terminal has no printer. Call documentsStored() after the commit.
     */
    storeDocuments(terminalId: number, docs: readonly { request: DocumentRequest; key: string }[]): (number | null)[] {
      if (!printerOf(configFor(terminalId))) return [];
      const now = o.clock();
      const checked = docs.map((d) => ({ terminalId, ...DocumentRequestSchema.parse(d.request), idempotencyKey: d.key }));
      return jobs.enqueueMany(checked, now);
    },

    /** After the step's transaction committed: send what storeDocuments stored. In the next turn,
     * so that the clerk's answer goes out before the worker's own commit and render. */
    documentsStored(terminalId: number): void {
      watched.add(terminalId);
      setImmediate(queue.kick);
    },

    kick: queue.kick,
    async close(): Promise<void> {
      clearInterval(poll);
      if (hint) clearTimeout(hint);
      if (pendingSlips.length > 0) flushSlips();
      await queue.stop();
    },
  };
}
export type PrintingService = ReturnType<typeof printingService>;
