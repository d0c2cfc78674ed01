import { applicationStore } from '../../../db/applications.js';
import type { StaffRecord } from '../../../db/staff.js';
import { OPEN_CASE_STATUSES, type CaseAction } from '../../domain/cases/case-machine.js';
import { URGENCIES } from '../../domain/cases/case-deadlines.js';
import { SUPERVISORS } from '../../domain/contract/access.js';
import type { casesApi, CaseSummary } from '../../domain/contract/cases-api.js';
import type { Terminal } from '../../domain/contract/schemas.js';
import { validateIdNumber } from '../../domain/identity/id-number.js';
import { isGreenChannel } from '../../domain/queue/green-channel.js';
import { caseWork, type CaseWork, type StepRequest } from '../cases/case-work.js';
import { checkApplicant } from '../cases/check-application.js';
import { editForm } from '../cases/edit-form.js';
import { acceptPlan, closePlan, completePlan, deferPlan, extendPlan, handOverPlan, refusePlan, supplementPlan, withdrawPlan } from '../cases/case-plans.js';
import { ApiError } from '../http/api-error.js';
import type { HandlerInput, HandlersFor } from '../http/register-routes.js';
import type { HostContext } from '../host-context.js';
import { actorOf } from './actor.js';

/** A route with `staff` set always has one; a missing one is a bug, answered as a sign-in. */
function who(staff: StaffRecord | null, terminal: Terminal | null): { staff: StaffRecord; terminal: Terminal } {
  if (!staff || !terminal) throw new ApiError('staff_sign_in_required', 'Sign in with your staff number and PIN first');
  return { staff, terminal };
}

type Route<N extends keyof typeof casesApi> = (typeof casesApi)[N];
type Input<N extends keyof typeof casesApi> = HandlerInput<Route<N>>;
type WindowAction = 'acceptCase' | 'acceptCaseDeferred' | 'supplementCase' | 'refuseCase' | 'completeCase' | 'handOverCase' | 'withdrawCase';
type Plan = StepRequest['plan'];
type StepAnswer = ReturnType<CaseWork['step']>;

const VIEW_AUDIT_MS = 3_600_000;
const byUrgency = (a: CaseSummary, b: CaseSummary) =>
  (a.urgency === null ? 9 : URGENCIES.indexOf(a.urgency)) - (b.urgency === null ? 9 : URGENCIES.indexOf(b.urgency)) ||
  (a.deadline?.date ?? '9999').localeCompare(b.deadline?.date ?? '9999') ||
  a.caseNumber.localeCompare(b.caseNumber);

/** Case work at the window and on the supervisor's screen (see contract/cases-api.ts). */
export function casesHandlers(ctx: HostContext): HandlersFor<typeof casesApi> {
  const work = caseWork(ctx);
  const apps = applicationStore(ctx.db, ctx.cipher);
  // Reading a citizen's full record is answerable; a screen re-reading it after every push is not
  // a new reading, so one audit line per staff member and case per hour.
  const viewed = new Map<string, number>();

  function audited(staff: StaffRecord, terminal: Terminal, caseNumber: string): void {
    const k = `${staff.id}:${caseNumber}`;
    const now = ctx.clock();
    if ((viewed.get(k) ?? -Infinity) > now - VIEW_AUDIT_MS) return;
    viewed.set(k, now);
    if (viewed.size > 10_000) viewed.clear();
    ctx.audit.append({ at: now, actor: actorOf(staff, terminal), action: 'case.view', target: caseNumber, detail: '' });
  }

  /** A clerk's action at a window: the route's body gives the window, the version and the plan's input. */
  function act<N extends WindowAction>(action: CaseAction, plan: (b: Input<N>['body'], s: StaffRecord) => Plan): (input: Input<N>) => StepAnswer {
    return ({ params, body, staff, terminal }: Input<N>) => {
      const w = who(staff, terminal);
      return work.step({ caseNumber: params.case, version: body.version, action, ...w, windowId: body.windowId, plan: plan(body, w.staff) });
    };
  }

  /** A supervisor's decision on the admin screen: no window, no counter screen. */
  function decide<N extends 'extendSupplement' | 'closeSupplement'>(action: CaseAction, plan: (b: Input<N>['body']) => Plan): (input: Input<N>) => StepAnswer {
    return ({ params, body, staff, terminal }: Input<N>) =>
      work.step({ caseNumber: params.case, version: body.version, action, ...who(staff, terminal), windowId: null, plan: plan(body) });
  }

  return {
    caseView: ({ params, staff, terminal }) => {
      const w = who(staff, terminal);
      const row = work.load(params.case);
      audited(w.staff, w.terminal, row.case_number);
      // Opened at the window and never checked online (a walk-in, a case from before the link was
      // set): checked now in the background; the clerk's view is pushed again when answers come.
      if (row.status === 'submitted' && row.applicant_id_number && work.store.verifications(row.id).length === 0)
        void ctx.backOffice.verifyNew(
          { id: row.id, line: row.line, serviceCode: row.service_code, idNumber: row.applicant_id_number },
          ctx.backOffice.verifyLimitMs(),
        );
      return { case: work.views.view(row, w.staff) };
    },

    findCases: ({ body, staff, terminal }) => {
      const w = who(staff, terminal);
      const id = validateIdNumber(body.idNumber, ctx.today());
      if (!id.ok) throw new ApiError('bad_request', 'Not a valid ID number', [{ path: 'body.idNumber', message: `invalid ID number (${id.problem})` }]);
      const found = work.store.ofApplicant(id.value);
      // Who looked up whom is answerable; the number itself stays out of the log.
      ctx.audit.append({
        at: ctx.clock(),
        actor: actorOf(w.staff, w.terminal),
        action: 'case.find',
        target: `${found.length} case(s)`,
        detail: 'by ID number',
      });
      return { cases: found.map((r) => work.views.summary(r)) };
    },

    acceptCase: act<'acceptCase'>('accept', (b, s) => acceptPlan(s.id, b.received)),
    acceptCaseDeferred: act<'acceptCaseDeferred'>('accept_deferred', (b, s) => deferPlan(s.id, b.received, b.missing, b.pledge)),
    supplementCase: act<'supplementCase'>('supplement', (b, s) => supplementPlan(s.id, b.received)),
    refuseCase: act<'refuseCase'>('refuse', (b) => refusePlan(b.reason, b.text)),
    completeCase: act<'completeCase'>('complete', () => completePlan()),
    handOverCase: act<'handOverCase'>('hand_over', (b) => handOverPlan(b.collector)),
    withdrawCase: act<'withdrawCase'>('withdraw', () => withdrawPlan()),

    extendSupplement: decide<'extendSupplement'>('extend', (b) => extendPlan(b.days, b.reason)),
    closeSupplement: decide<'closeSupplement'>('close_overdue', (b) => closePlan(b.reason)),

    editCaseForm: ({ params, body, staff, terminal }) => ({ case: editForm(ctx, work, params.case, body, who(staff, terminal)) }),

    transferCase: ({ params, body, staff, terminal }) => {
      const w = who(staff, terminal);
      const now = ctx.clock();
      const row = ctx.db
        .transaction(() => {
          const r = work.load(params.case);
          if (r.version !== body.version) throw new ApiError('conflict', `Case ${r.case_number} changed meanwhile: it is now ${work.lastChange(r)}`);
          if (r.owner_staff_id === null || !(OPEN_CASE_STATUSES as readonly string[]).includes(r.status))
            throw new ApiError('conflict', `Only an accepted, unfinished case has an owner to transfer; this one is ${r.status}`);
          if (r.owner_staff_id !== w.staff.id && !SUPERVISORS.includes(w.staff.role))
            throw new ApiError('forbidden', 'Only the clerk who owns the case (首接责任) or a supervisor transfers it');
          const to = ctx.staff.byNo(body.toStaffNo);
          if (!to || to.disabled_at !== null || to.pin_hash === null)
            throw new ApiError('bad_request', `No active staff member ${body.toStaffNo}`, [{ path: 'body.toStaffNo', message: 'no such active staff member' }]);
          if (to.id === r.owner_staff_id)
            throw new ApiError('bad_request', 'They own the case already', [{ path: 'body.toStaffNo', message: 'owns it already' }]);
          const from = ctx.staff.byId(r.owner_staff_id)?.staff_no ?? '?';
          const moved = work.store.transfer(r.id, r.version, r.status, to.id, {
            now,
            actor: actorOf(w.staff, w.terminal),
            staffId: w.staff.id,
            windowId: null,
            note: `${from} → ${to.staff_no}`,
            detail: { reason: body.reason },
          });
          if (!moved) throw new ApiError('conflict', `Case ${r.case_number} changed meanwhile`);
          ctx.audit.append({
            at: now,
            actor: actorOf(w.staff, w.terminal),
            action: 'case.transfer',
            target: r.case_number,
            detail: `staff ${from} → ${to.staff_no}`,
          });
          return work.load(params.case);
        })
        .immediate();
      work.changed(row.case_number, row, null, undefined, now);
      return { case: work.views.view(row, w.staff) };
    },

    myCases: ({ staff, terminal }) => {
      const w = who(staff, terminal);
      return {
        today: ctx.today(),
        cases: work.store
          .owned(w.staff.id)
          .map((r) => work.views.summary(r))
          .sort(byUrgency),
      };
    },

    caseDeadlines: () => ({
      today: ctx.today(),
      cases: work.store
        .allOpen()
        .map((r) => work.views.summary(r))
        .sort(byUrgency),
    }),

    caseColleagues: () => ({
      staff: ctx.staff
        .list(ctx.clock())
        .filter((s) => s.enrolled && !s.disabled)
        .map((s) => ({ staffNo: s.staffNo, name: s.name })),
    }),

    walkInCase: ({ body, staff, terminal }) => {
      const w = who(staff, terminal);
      const service = ctx.catalog.find(body.serviceCode);
      if (!service) throw new ApiError('bad_request', `No service ${body.serviceCode}`, [{ path: 'body.serviceCode', message: 'unknown service' }]);
      const win = work.windowFor(body.windowId, w.staff, { line: service.line, ticket_id: null });
      const earlier = apps.byRequest(body.requestId)[0];
      if (earlier) {
        if (earlier.service_code !== service.code) throw new ApiError('conflict', 'This requestId was used for another application');
        return { case: work.views.view(work.load(earlier.case_number), w.staff), replayed: true };
      }
      const today = ctx.today();
      const checked = checkApplicant(ctx, service, body, today, 'body.');
      const green = isGreenChannel(service, checked.birthDate, today, ctx.settings.hall().greenChannelAge);
      const now = ctx.clock();
      const actor = actorOf(w.staff, w.terminal);
      const created = ctx.db
        .transaction(() => {
          // On the ticket being served here, if any: the applicant is at the counter.
          const ticket = ctx.tickets.current(win.id);
          const row = apps.create(
            {
              requestId: body.requestId,
              memberNo: 0,
              serviceCode: service.code,
              line: service.line,
              applicantIdNumber: checked.idNumber,
              form: checked.form,
              materialsProvided: checked.provided,
              materialsMissing: checked.missingDeferrable,
              supplementBy: checked.supplementBy,
              greenChannel: green,
              status: 'submitted',
              ticketId: ticket?.id ?? null,
              terminalId: w.terminal.id,
            },
            today,
            now,
            actor,
          );
          ctx.audit.append({ at: now, actor, action: 'application.submit', target: row.case_number, detail: `${service.code}; walk-in at ${win.name}` });
          return work.load(row.case_number);
        })
        .immediate();
      work.changed(created.case_number, created, null, undefined, now);
      return { case: work.views.view(created, w.staff), replayed: false };
    },

    windowOutcome: ({ params }) => ({ outcome: work.outcomes.get(params.id) ?? null }),
  };
}
