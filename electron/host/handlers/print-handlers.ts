import type { PrintJobRow } from '../../../db/print-jobs.js';
import type { PrintJob, printApi, TerminalPrinter } from '../../domain/contract/print-api.js';
import type { Terminal } from '../../domain/contract/schemas.js';
import { ApiError } from '../http/api-error.js';
import type { HandlersFor } from '../http/register-routes.js';
import type { HostContext } from '../host-context.js';
import { noticeContent, unknownMaterials } from '../printing/notice-content.js';
import { folderAllowed } from '../printing/printer-root.js';
import { actorOf } from './actor.js';

const RECENT_JOBS = 8;

function toJob(r: PrintJobRow): PrintJob {
  let label = '';
  try {
    // A purged job (null data) lists unlabelled, like an unreadable one.
    const d = JSON.parse(r.data ?? '{}') as { number?: unknown; caseNumber?: unknown };
    label = typeof d.number === 'string' ? d.number : typeof d.caseNumber === 'string' ? d.caseNumber : '';
  } catch {
    /* an unreadable row still lists, unlabelled */
  }
  return {
    id: r.id,
    kind: r.kind,
    label,
    state: r.state,
    attempts: r.attempts,
    lastError: r.last_error,
    reprintOf: r.reprint_of,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

export function printHandlers(ctx: HostContext): HandlersFor<typeof printApi> {
  const p = ctx.printing;

  function terminalPrinter(t: Terminal): TerminalPrinter {
    const row = p.settings.get(t.id);
    const s = p.statusOf(t.id);
    return {
      terminalId: t.id,
      name: t.name,
      role: t.role,
      setting: row ? { kind: row.kind, target: row.target, media: row.media } : null,
      effective: p.configFor(t.id),
      status: s.status,
      detail: s.detail,
      jobs: p.jobs.recent(t.id, RECENT_JOBS).map(toJob),
    };
  }

  return {
    listPrinters: () => ({
      hallName: p.settings.hallName(),
      defaultPrinter: p.defaultPrinter,
      terminals: ctx.terminals
        .list()
        // Displays and admin screens print nothing.
        .filter((t) => !t.revoked && t.role !== 'display' && t.role !== 'admin')
        .map(terminalPrinter),
    }),

    setPrinter: async ({ params, body, terminal, staff }) => {
      const target = ctx.terminals.list().find((t) => t.id === params.id && !t.revoked);
      if (!target) throw new ApiError('not_found', `No terminal with id ${params.id}`);
      const setting = body.setting;
      if (setting?.kind === 'folder' && !folderAllowed(ctx.printerRoot, setting.target)) {
        throw new ApiError('printer_folder_not_allowed', `A folder printer may only write under the folder named with --printer-root`, [
          { path: 'body.setting.target', message: ctx.printerRoot ? `not under ${ctx.printerRoot}` : 'no --printer-root was given at start' },
        ]);
      }
      ctx.db
        .transaction(() => {
          p.settings.set(target.id, setting, terminal?.id ?? null, ctx.clock());
          const detail = setting ? `${setting.kind} ${setting.target}`.trim() : 'default';
          ctx.audit.append({ at: ctx.clock(), actor: actorOf(staff, terminal), action: 'printer.set', target: `terminal ${target.id}`, detail });
        })
        .immediate();
      ctx.log(`print: terminal #${target.id} printer set to ${body.setting?.kind ?? 'default'} by #${terminal?.id ?? '?'}`);
      await p.refreshStatus(target.id);
      p.kick();
      return { printer: terminalPrinter(target) };
    },

    reprintJob: ({ params, terminal }) => {
      const job = p.reprint(params.id, terminal?.id ?? null);
      if (job === 'purged') throw new ApiError('conflict', `Print job ${params.id} is past the retention period: its document was purged`);
      if (!job) throw new ApiError('not_found', `No print job with id ${params.id}`);
      ctx.log(`print: job ${params.id} reprinted as ${job.id} by #${terminal?.id ?? '?'}`);
      return { job: toJob(job) };
    },

    setHallName: ({ body, terminal, staff }) => {
      ctx.db
        .transaction(() => {
          p.settings.setHallName(body.hallName, terminal?.id ?? null, ctx.clock());
          ctx.audit.append({ at: ctx.clock(), actor: actorOf(staff, terminal), action: 'hall.rename', target: 'hall', detail: body.hallName });
        })
        .immediate();
      return { hallName: p.settings.hallName() };
    },

    printerStatus: ({ terminal }) => {
      if (!terminal) throw new ApiError('unauthorized', 'Not paired');
      const s = p.statusOf(terminal.id);
      return { status: s.status, detail: s.detail };
    },

    printNotice: ({ body, terminal }) => {
      if (!terminal) throw new ApiError('unauthorized', 'Not paired');
      const service = ctx.catalog.find(body.serviceCode);
      if (!service) throw new ApiError('bad_request', `No service ${body.serviceCode}`, [{ path: 'body.serviceCode', message: 'unknown service' }]);
      const missing = body.missing;
      const unknown = unknownMaterials(service, missing ?? []);
      if (unknown.length > 0)
        throw new ApiError(
          'bad_request',
          `Unknown materials: ${unknown.join(', ')}`,
          unknown.map((c) => ({ path: 'body.missing', message: `not a material of this service: ${c}` })),
        );
      const jobId = p.printNotice(terminal, body.language, noticeContent(service, missing, body.language));
      if (jobId === null) throw new ApiError('no_printer', 'This terminal has no printer configured');
      ctx.log(`print: one-time notice for ${service.code} queued as job ${jobId} at #${terminal.id}`);
      return { jobId };
    },
  };
}
