import { caseStore, type CaseRow, type CaseStep } from '../../../db/cases.js';
import type { StaffRecord } from '../../../db/staff.js';
import type { Service } from '../../domain/catalog/catalog-schema.js';
import { messageKind, SYSTEM_OF_LINE, type BackOfficeSystem } from '../../domain/back-office/back-office.js';
import type { WorkingCalendar } from '../../domain/calendar/working-days.js';
import { decide, type CaseAction, type Refusal } from '../../domain/cases/case-machine.js';
import type { CaseOutcome, CaseView } from '../../domain/contract/cases-api.js';
import type { Terminal } from '../../domain/contract/schemas.js';
import type { WindowWithStaff } from '../../domain/queue/public-window.js';
import { ApiError } from '../http/api-error.js';
import type { HostContext } from '../host-context.js';
import { actorOf } from '../handlers/actor.js';
import { windowOrThrow } from '../handlers/window-of.js';
import type { CaseDocument, CasePaperContext } from './case-documents.js';
import { caseViewBuilder, factsOf } from './case-view.js';

export interface When {
  today: string;
  now: number;
  cal: WorkingCalendar;
}

/** What one action does to a case, worked out inside its transaction from the case as it is. */
export interface StepPlan {
  /** For the history, in clear: codes and dates, never personal data. */
  note: string;
  /** The audit line's detail: codes only. */
  audit: string;
  /** Personal data of the step (a refusal's wording, who collected), sealed. */
  detail?: Record<string, string>;
  patch?: Pick<CaseStep, 'claimOwner' | 'acceptedAt' | 'promisedBy' | 'supplementBy' | 'missing' | 'received'>;
  documents?: (c: CasePaperContext) => CaseDocument[];
  /** For the counter screen facing the applicant (window actions only). */
  outcome?: Pick<CaseOutcome, 'kind'> & Partial<Pick<CaseOutcome, 'promisedBy' | 'supplementBy' | 'missing' | 'reason' | 'reasonText'>>;
}

export interface StepRequest {
  caseNumber: string;
  version: number;
  action: CaseAction;
  staff: StaffRecord;
  terminal: Terminal;
  /** The window acted at; null for a supervisor's decision on the admin screen. */
  windowId: number | null;
  plan: (row: CaseRow, service: Service, when: When) => StepPlan;
}

const REFUSED: Record<Refusal, string> = {
  wrong_status: 'is not allowed while the case is',
  supervisor_only: 'is for a supervisor to decide; the case is',
  not_overdue: 'waits until the supplement date has passed; the case is',
};

/**
 * The one way a case moves on: checks the window (the clerk serving there, a line it serves, the
 * case not being served at another window), the version the clerk saw, and the state machine;
 * then, in one transaction, the step with its event, the audit line and the print jobs of its
 * papers. After the commit: the papers go to the printer, clerk and admin screens hear that the
 * case changed, and the window's counter screen shows the outcome.
 */
export function caseWork(ctx: HostContext) {
  const store = caseStore(ctx.db, ctx.cipher);
  const views = caseViewBuilder(ctx, store);
  /** The last outcome at each window, for a counter screen that (re)connects. */
  const outcomes = new Map<number, CaseOutcome>();

  function load(caseNumber: string): CaseRow {
    const row = store.byCase(caseNumber);
    if (!row) throw new ApiError('not_found', `No case ${caseNumber}`);
    if (row.applicant_id_number === null) throw new ApiError('not_found', 'The personal data of this case was purged after the retention period');
    return row;
  }

  /** Who last changed the case, for the clerk whose action came second. */
  function lastChange(row: CaseRow): string {
    const last = store.history(row.id).at(-1);
    const who = last?.staff_no ? `staff ${last.staff_no}` : 'the kiosk';
    return `${row.status} (last: ${last?.action ?? 'submitted'} by ${who}${last?.window_name ? ` at ${last.window_name}` : ''})`;
  }

  /** The window a clerk acts at: theirs, serving the case's line, and not another window's case. */
  function windowFor(windowId: number, staff: StaffRecord, row: { line: CaseRow['line']; ticket_id: number | null } | null): WindowWithStaff {
    const w = windowOrThrow(ctx, windowId);
    if (w.staffId !== staff.id) throw new ApiError('forbidden', `Only the staff member serving at ${w.name} acts there`);
    if (row && !w.lines.includes(row.line)) throw new ApiError('forbidden', `${w.name} does not serve ${row.line} business`);
    const holder = row ? store.holder(row.ticket_id) : null;
    if (holder && holder.window_id !== w.id)
      throw new ApiError('conflict', `This case is being served at ${holder.window_name}${holder.staff_no ? ` by staff ${holder.staff_no}` : ''}`);
    return w;
  }

  function serviceOf(row: CaseRow): Service {
    const s = ctx.catalog.find(row.service_code);
    if (!s) throw new ApiError('conflict', `The service ${row.service_code} is no longer in the hall's catalog`);
    return s;
  }

  function changed(caseNumber: string, row: CaseRow, windowId: number | null, outcome: StepPlan['outcome'], now: number): void {
    ctx.events.sendToRole('clerk', { type: 'case.changed', caseNumber, status: row.status, version: row.version });
    ctx.events.sendToRole('admin', { type: 'case.changed', caseNumber, status: row.status, version: row.version });
    if (windowId === null || !outcome) return;
    const o: CaseOutcome = {
      caseNumber,
      serviceCode: row.service_code,
      ticketId: ctx.tickets.current(windowId)?.id ?? null,
      at: now,
      promisedBy: null,
      supplementBy: null,
      missing: [],
      reason: null,
      reasonText: '',
      ...outcome,
    };
    outcomes.set(windowId, o);
    ctx.events.sendToWindow(windowId, { type: 'case.outcome', windowId, outcome: o });
  }

  /**
   * The message this step owes the case's back office, written in the step's own transaction (the
   * outbox): it is delivered after the commit, so the step never waits on the back office, and a
   * crash between the two loses nothing. Returns the system to wake, if any.
   */
  function queueMessage(row: CaseRow, to: CaseRow['status'], action: CaseAction, now: number, promisedBy: string | null): BackOfficeSystem | null {
    const kind = messageKind(to, ctx.backOffice.store.submitted(row.id));
    if (!kind) return null;
    const system = SYSTEM_OF_LINE[row.line];
    ctx.backOffice.store.enqueue({
      applicationId: row.id,
      caseNumber: row.case_number,
      system,
      kind,
      payload: { serviceCode: row.service_code, status: to, action, at: now, promisedBy },
      now,
    });
    return system;
  }

  function step(r: StepRequest): { case: CaseView; printed: { jobId: number; kind: string }[]; printer: boolean } {
    const when: When = { today: ctx.today(), now: ctx.clock(), cal: ctx.calendar.current() };
    const actor = actorOf(r.staff, r.terminal);
    const done = ctx.db
      .transaction(() => {
        const row = load(r.caseNumber);
        const service = serviceOf(row);
        const w = r.windowId === null ? null : windowFor(r.windowId, r.staff, row);
        if (row.version !== r.version) throw new ApiError('conflict', `Case ${row.case_number} changed meanwhile: it is now ${lastChange(row)}`);
        const verdict = decide(row.status, r.action, factsOf(row, service, r.staff, when.today));
        if (!verdict.ok) throw new ApiError('conflict', `${r.action} ${REFUSED[verdict.refusal]} ${lastChange(row)}`);
        const plan = r.plan(row, service, when);
        const moved = store.step({
          id: row.id,
          version: row.version,
          from: row.status,
          to: verdict.to,
          action: r.action,
          now: when.now,
          actor,
          staffId: r.staff.id,
          windowId: w?.id ?? null,
          note: plan.note,
          ...(plan.detail ? { detail: plan.detail } : {}),
          ...plan.patch,
        });
        if (!moved) throw new ApiError('conflict', `Case ${row.case_number} changed meanwhile`);
        ctx.audit.append({ at: when.now, actor, action: `case.${r.action}`, target: row.case_number, detail: plan.audit });
        const after = load(r.caseNumber);
        const queued = queueMessage(row, verdict.to, r.action, when.now, after.promised_by);
        const paper: CasePaperContext = {
          hallName: ctx.printing.settings.hallName(),
          timeZone: ctx.timeZone,
          now: when.now,
          row: after,
          service,
          staff: r.staff,
          terminal: r.terminal,
          version: after.version,
        };
        const docs = plan.documents?.(paper) ?? [];
        const ids = docs.length > 0 ? ctx.printing.storeDocuments(r.terminal.id, docs) : [];
        const printed = ids.flatMap((jobId, i) => (jobId === null ? [] : [{ jobId, kind: docs[i]?.request.kind ?? '' }]));
        return { after, plan, printed, queued };
      })
      .immediate();
    if (done.printed.length > 0) ctx.printing.documentsStored(r.terminal.id);
    if (done.queued) ctx.backOffice.queued(done.queued);
    changed(r.caseNumber, done.after, r.windowId, done.plan.outcome, when.now);
    return { case: views.view(done.after, r.staff), printed: done.printed, printer: ctx.printing.canPrint(r.terminal.id) };
  }

  return { store, views, load, windowFor, serviceOf, step, changed, outcomes, lastChange };
}

export type CaseWork = ReturnType<typeof caseWork>;
