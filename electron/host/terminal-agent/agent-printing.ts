import type { AgentMessage, PrintCall } from '../../domain/contract/agent-link.js';
import type { PrinterConfig, PrinterStatus } from '../../domain/contract/print-api.js';
import { cupsPrinter } from '../printing/cups-printer.js';
import { folderPrinter } from '../printing/folder-printer.js';
import type { Printer } from '../printing/printer.js';

export interface AgentPrintingOptions {
  /** The printer attached to this machine (--printer); null: it prints nothing. */
  config: PrinterConfig | null;
  /** Electron's silent print, given by the desktop shell; absent headless. */
  electronPrinter?: ((deviceName: string) => Printer) | undefined;
  /** The printer's state changed: the hub shows it (admin screen, this kiosk's notice). */
  statusChanged(status: PrinterStatus, detail: string): void;
  log: (line: string) => void;
}

const STATUS_POLL_MS = 15_000;

/** The printer a config names, with the same printer code the hub uses for its own terminals. */
export function localPrinter(c: PrinterConfig | null, electron?: (deviceName: string) => Printer): Printer | null {
  if (!c) return null;
  if (c.kind === 'cups' && c.target) return cupsPrinter(c.target);
  if (c.kind === 'folder' && c.target) return folderPrinter(c.target);
  if (c.kind === 'electron' && electron) return electron(c.target);
  return null;
}

type Result = Extract<AgentMessage, { type: 'reply' }>['result'];

/**
 * The agent's printer, driven step by step by the hub's durable print queue. The steps run one at
 * a time, in the order they arrived: a `find` the hub sends after giving up on a slow `submit`
 * therefore sees that submit's job, and a submit is skipped when a job of that title is already at
 * the printer. With the printer's own memory of titles (CUPS's queue, the folder's files) that
 * makes each job print once whatever drops or restarts (the hub, the agent, the link).
 */
export function agentPrinting(o: AgentPrintingOptions) {
  const printer = localPrinter(o.config, o.electronPrinter);
  let chain: Promise<unknown> = Promise.resolve();
  let last: { status: PrinterStatus; detail: string } = { status: printer ? 'ok' : 'none', detail: '' };

  async function step(req: PrintCall): Promise<Result> {
    if (!printer) throw new Error('this terminal has no printer');
    switch (req.op) {
      case 'submit': {
        const there = await printer.findByTitle(req.title);
        if (there) {
          o.log(`agent: print ${req.title} is at the printer already; not submitting again`);
          return there;
        }
        const pdf = Buffer.from(req.pdf, 'base64');
        return printer.submit({ title: req.title, pdf, widthMm: req.widthMm, heightMm: req.heightMm, media: req.media });
      }
      case 'release':
        await printer.release(req.externalId);
        return { released: true };
      case 'find':
        return printer.findByTitle(req.title);
      case 'progress':
        return printer.progress(req.externalId);
    }
  }

  async function poll(): Promise<void> {
    if (!printer) return;
    const s = await printer.status().catch((err: unknown) => ({ status: 'offline' as const, detail: (err as Error).message.slice(0, 300) }));
    if (s.status === last.status && s.detail === last.detail) return;
    last = { status: s.status, detail: s.detail.slice(0, 300) };
    o.statusChanged(last.status, last.detail);
  }
  const timer = setInterval(() => void poll(), STATUS_POLL_MS);
  timer.unref();
  void poll();

  return {
    config: printer ? o.config : null,
    get status() {
      return last;
    },
    /** One step for the hub; resolves with the message to send back (a reply, or why it failed). */
    run(call: number, req: PrintCall): Promise<Extract<AgentMessage, { type: 'reply' | 'failed' }>> {
      const done = chain.then(
        () => step(req),
        () => step(req),
      );
      chain = done.catch(() => undefined);
      return done.then(
        (result) => {
          // A job sent or finished tells the printer works; a failure asks it how it is.
          void poll();
          return { type: 'reply' as const, call, result };
        },
        (err: unknown) => {
          void poll();
          return { type: 'failed' as const, call, error: (err as Error).message.slice(0, 300) };
        },
      );
    },
    close(): Promise<unknown> {
      clearInterval(timer);
      return chain;
    },
  };
}
export type AgentPrinting = ReturnType<typeof agentPrinting>;
