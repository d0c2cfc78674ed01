import type { StoredAgent } from '../../../db/terminal-agents.js';
import { PrinterUnreachableError, type JobProgress, type Printer, type Submitted } from '../printing/printer.js';
import type { AgentLink } from './agent-link.js';

/**
 * The printer on a terminal's own machine, as the hub's print queue sees it: every step (submit on
 * hold, release, find by title, progress) is carried out by the terminal's agent on its printer,
 * so the queue's exactly-once rules hold across the link as they do for a local CUPS queue. While
 * the agent is away the printer is out of reach and the terminal's jobs wait (print-queue.ts).
 */
export function agentPrinter(terminalId: number, linkOf: () => AgentLink | null, reportedOf: () => StoredAgent | null): Printer {
  const up = () => {
    const l = linkOf();
    if (!l?.open) throw new PrinterUnreachableError(`terminal #${terminalId}'s agent is not connected`);
    return l;
  };
  return {
    get description(): string {
      const r = reportedOf();
      return r?.printer ? `${r.machine} ${r.printer.kind}:${r.printer.target}` : `terminal #${terminalId}'s agent`;
    },
    reachable: () => linkOf()?.open === true,
    async submit(req): Promise<Submitted> {
      const request = {
        op: 'submit' as const,
        title: req.title,
        pdf: req.pdf.toString('base64'),
        widthMm: req.widthMm,
        heightMm: req.heightMm,
        media: req.media,
      };
      return (await up().call(request)) as Submitted;
    },
    async release(externalId): Promise<void> {
      await up().call({ op: 'release', externalId });
    },
    async findByTitle(title): Promise<Submitted | null> {
      return (await up().call({ op: 'find', title })) as Submitted | null;
    },
    async progress(externalId): Promise<JobProgress> {
      return (await up().call({ op: 'progress', externalId })) as JobProgress;
    },
    async status() {
      const l = linkOf();
      // The agent reports its printer's state whenever it changes; asking the hub costs no call.
      if (!l?.open) return { status: 'offline' as const, detail: 'agent_offline' };
      return l.printerStatus;
    },
  };
}
