import { applicationStore, type ApplicationRow } from '../../../db/applications.js';
import type { IssuedTicket } from '../../../db/tickets.js';
import type { CatalogLanguage as Language, Service } from '../../domain/catalog/catalog-schema.js';
import { addWorkingDays } from '../../domain/calendar/working-days.js';
import { NEXT_STEP, type applicationsApi, type ApplicationSummary, type FullApplication } from '../../domain/contract/applications-api.js';
import { checkApplicant, type CheckedApplicant } from '../cases/check-application.js';
import { classAtArrival, type TicketClass } from '../../domain/queue/calling-policy.js';
import { isGreenChannel } from '../../domain/queue/green-channel.js';
import { policyOf } from '../../domain/queue/hall-settings.js';
import { maskNumber } from '../../domain/identity/mask.js';
import type { SlipApplication } from '../printing/documents/types.js';
import { ApiError } from '../http/api-error.js';
import type { HandlersFor } from '../http/register-routes.js';
import type { HostContext } from '../host-context.js';
import { estimateFor } from '../queue/queue-state.js';
import { holderOrRefuse } from './appointment-holder.js';
import { progressLimiter } from '../queue/lookup-limiter.js';
import { actorOf } from './actor.js';
import { windowOrThrow } from './window-of.js';
import { hallStatus } from '../../domain/hall-hours.js';

type SlipTerminal = { id: number; name: string; role?: string } | null;

/** An appointment redeemed with a submission: what its ticket records. */
interface Redeemed {
  appointmentId: number;
  appointmentSlot: number;
  /** 'appointment', or 'normal' when the citizen came too late for the slot (classAtArrival). */
  ticketClass: TicketClass;
}

function serviceOrThrow(ctx: HostContext, code: string, group: boolean, role: string | undefined): Service {
  // The hall's catalog (fees and time limits as the supervisor set them), never the shipped one.
  const s = ctx.catalog.find(code);
  if (!s) throw new ApiError('bad_request', `No service ${code}`, [{ path: 'body.serviceCode', message: 'unknown service' }]);
  // An unattended booth offers only what completes without a clerk.
  if (role === 'booth' && !s.boothEligible) throw new ApiError('forbidden', `${code} is not offered at a self-service booth`);
  if (group && !s.groupAllowed)
    throw new ApiError('bad_request', `${code} takes no group applications`, [{ path: 'body.serviceCode', message: 'no group applications for this service' }]);
  return s;
}

export function applicationsHandlers(ctx: HostContext): HandlersFor<typeof applicationsApi> {
  const store = applicationStore(ctx.db, ctx.cipher);

  /** The online checks of new applications, all at once, each bounded by the hall's limit. */
  async function verifyRows(rows: readonly ApplicationRow[]): Promise<void> {
    const limit = ctx.backOffice.verifyLimitMs();
    await Promise.all(
      rows.map((row) =>
        row.applicant_id_number === null
          ? undefined
          : ctx.backOffice.verifyNew({ id: row.id, line: row.line, serviceCode: row.service_code, idNumber: row.applicant_id_number }, limit),
      ),
    );
  }

  function summary(r: ApplicationRow, service: Service | undefined): ApplicationSummary {
    return {
      caseNumber: r.case_number,
      serviceCode: r.service_code,
      line: r.line,
      status: r.status,
      greenChannel: r.green_channel === 1,
      missingMaterials: JSON.parse(r.materials_missing_json) as string[],
      supplementBy: r.supplement_by,
      // Once accepted, the date promised then; before, what it would be if accepted that day.
      promisedBy: r.promised_by ?? addWorkingDays(r.service_day, service?.timeLimitDays ?? 0, ctx.calendar.current()),
      createdAt: r.created_at,
    };
  }

  /**
   * When a 24-hour booth takes an application while the hall is closed there is no queue to join:
   * a ticket would belong to a service day whose windows never open. Returns when the hall opens
   * next (epoch ms) for such a booth, else null (the application gets its ticket as usual).
   */
  function closedUntil(terminal: { role?: string } | null | undefined): number | null {
    const status = hallStatus(ctx.settings.hall().openingHours, ctx.clock(), ctx.timeZone);
    if (terminal !== null && terminal !== undefined && terminal.role !== 'booth') return null;
    return status.openNow ? null : status.nextOpening;
  }

  function full(r: ApplicationRow): FullApplication {
    if (r.applicant_id_number === null || r.form_json === null)
      throw new ApiError('not_found', 'The personal data of this case was purged after the retention period');
    const service = ctx.catalog.find(r.service_code);
    // Rows stored before the rule changed listed data-shared materials as provided too.
    const fetched = new Set(service?.materials.filter((m) => m.requirement === 'data_sharing').map((m) => m.code));
    return {
      ...summary(r, service),
      idNumber: r.applicant_id_number,
      form: JSON.parse(r.form_json) as FullApplication['form'],
      materialsProvided: (JSON.parse(r.materials_provided_json) as string[]).filter((c) => !fetched.has(c)),
    };
  }

  /** A repeated request (same requestId): the first answer again, nothing created. */
  function replay(rows: ApplicationRow[], serviceCode: string) {
    const first = rows[0];
    if (!first || first.service_code !== serviceCode) throw new ApiError('conflict', 'This requestId was used for another submission');
    // Taken at a booth while the hall was closed: no ticket then, none now.
    if (first.ticket_id === null) return { rows, ticket: null, ahead: null, estimatedWaitMinutes: null, hallOpensAt: closedUntil(null), replayed: true };
    const ticket = store.ticket(first.ticket_id);
    if (!ticket) throw new ApiError('conflict', 'The earlier submission has no ticket');
    const ahead = store.aheadOf(ticket.id);
    return { rows, ticket, ahead, estimatedWaitMinutes: estimateFor(ctx, ticket.line, ahead), hallOpensAt: null, replayed: true };
  }

  /**
   * Inside the submission's transaction: checks the appointment (exists, unused, this business
   * line, and when it holds an ID number, this applicant's) and marks it used, so one booking
   * serves one submission. The class is worked out as issueTicket does (late → normal).
   */
  function redeem(code: string, service: Service, applicantId: string, now: number): Redeemed {
    const a = ctx.appointments.byCode(code);
    const refuse = (message: string) => new ApiError('appointment_invalid', message, [{ path: 'body.appointmentCode', message }]);
    if (!a) throw refuse('unknown appointment code');
    if (a.used_at !== null) throw refuse('this appointment was used already');
    if (a.line !== service.line) throw refuse('the appointment is for another business line');
    // Compared without saying what the booking holds: the answer reaches a public screen.
    holderOrRefuse(a.id_number, applicantId, 'body.appointmentCode');
    if (!ctx.appointments.use(a.id, now)) throw refuse('this appointment was used already');
    return { appointmentId: a.id, appointmentSlot: a.slot_start, ticketClass: classAtArrival('appointment', a.slot_start, now, policyOf(ctx.settings.hall())) };
  }

  /** The slip's application part: service in the citizen's language, each case with its ID masked. */
  function slipApplication(service: Service, rows: readonly ApplicationRow[], language: Language | undefined): SlipApplication {
    const lang = language ?? 'zh-CN';
    return {
      // A Mongolian slip is the Chinese one plus vertical Mongolian: the name goes in both.
      serviceName: lang === 'en' ? service.name.en : service.name['zh-CN'],
      ...(lang === 'mn' ? { serviceNameMn: service.name.mn } : {}),
      // Masked here already, so no full ID number is stored in a print job.
      cases: rows.map((r) => ({ caseNumber: r.case_number, idNumber: maskNumber(r.applicant_id_number ?? '') })),
    };
  }

  /**
   * Stores the applications and their one ticket in one transaction, or finds the earlier ones.
   * The ticket's slip job is stored in the same transaction (as issueTicket does), and an
   * appointment is used up in it: all of it commits, or none.
   */
  function submit(
    service: Service,
    requestId: string,
    members: CheckedApplicant[],
    terminal: SlipTerminal,
    actor: string,
    language: Language | undefined,
    appointmentCode?: string,
  ) {
    const today = ctx.today();
    // The age is the supervisor's setting (DEFAULT_GREEN_CHANNEL_AGE until changed).
    const minAge = ctx.settings.hall().greenChannelAge;
    const green = members.map((m) => isGreenChannel(service, m.birthDate, today, minAge));
    const group = members.length > 1;
    const opensAt = terminal?.role === 'booth' ? closedUntil(terminal) : null;
    const result = ctx.db
      .transaction((): { rows: ApplicationRow[]; issued: IssuedTicket | null } | { replay: ApplicationRow[] } => {
        const earlier = store.byRequest(requestId);
        if (earlier.length > 0) return { replay: earlier };
        const now = ctx.clock();
        const first = members[0];
        // No queue while the hall is closed: the booking stays usable for when it opens.
        const booked = appointmentCode !== undefined && first && opensAt === null ? redeem(appointmentCode, service, first.idNumber, now) : null;
        // The green channel wins over an appointment: it is served first anyway.
        const ticketClass: TicketClass = group ? 'group' : green[0] ? 'green' : (booked?.ticketClass ?? 'normal');
        const issued =
          opensAt !== null
            ? null
            : ctx.tickets.issue(
                {
                  line: service.line,
                  terminalId: terminal?.id ?? null,
                  ticketClass,
                  ...(group ? { groupSize: members.length } : {}),
                  ...(booked ? { appointmentId: booked.appointmentId, appointmentSlot: booked.appointmentSlot } : {}),
                  language: language ?? null,
                },
                today,
                now,
              );
        const rows = members.map((m, i) =>
          store.create(
            {
              requestId,
              memberNo: i,
              serviceCode: service.code,
              line: service.line,
              applicantIdNumber: m.idNumber,
              form: m.form,
              materialsProvided: m.provided,
              materialsMissing: m.missingDeferrable,
              supplementBy: m.supplementBy,
              greenChannel: green[i] ?? false,
              status: 'submitted',
              ticketId: issued?.ticket.id ?? null,
              terminalId: terminal?.id ?? null,
            },
            today,
            now,
            actor,
          ),
        );
        // The audit trail names the case and the service only: never the applicant.
        const ticketText = issued ? `ticket ${issued.ticket.number}` : 'no ticket: hall closed';
        for (const r of rows)
          ctx.audit.append({ at: now, actor, action: 'application.submit', target: r.case_number, detail: `${service.code}; ${ticketText}` });
        if (booked) ctx.audit.append({ at: now, actor, action: 'appointment.use', target: `appointment ${booked.appointmentId}`, detail: ticketText });
        if (issued)
          ctx.printing.storeSlip(issued, terminal, language, () => estimateFor(ctx, service.line, issued.ahead), slipApplication(service, rows, language));
        return { rows, issued };
      })
      .immediate();
    if ('replay' in result) return replay(result.replay, service.code);
    if (!result.issued) return { rows: result.rows, ticket: null, ahead: null, estimatedWaitMinutes: null, hallOpensAt: opensAt, replayed: false };
    ctx.printing.slipsStored(terminal);
    ctx.pushState.soon();
    const { ticket, ahead } = result.issued;
    return { rows: result.rows, ticket, ahead, estimatedWaitMinutes: estimateFor(ctx, service.line, ahead), hallOpensAt: null, replayed: false };
  }

  return {
    windowApplications: ({ params, staff }) => {
      const w = windowOrThrow(ctx, params.id);
      // The full record (ID number included) goes only to whoever is serving at that window.
      if (!staff || w.staffId !== staff.id) throw new ApiError('forbidden', 'Only the staff member serving at this window sees its applications');
      const current = ctx.tickets.current(w.id);
      const rows = current ? store.byTicket(current.id) : [];
      return { applications: rows.map(full) };
    },

    // The name is neither logged nor stored: it is read and answered.
    proposePinyin: async ({ body }) => {
      // pinyin-pro's dictionary costs the host about 25 MiB: loaded when a kiosk first asks, not at start.
      const { proposePinyinName } = await import('../../domain/identity/pinyin-name.js');
      const p = proposePinyinName(body.name);
      if (!p)
        throw new ApiError('bad_request', 'The name must be in Chinese characters', [{ path: 'body.name', message: 'the name must be in Chinese characters' }]);
      return { surname: p.surname, givenName: p.givenName };
    },

    submitApplication: async ({ body, terminal, staff }) => {
      const service = serviceOrThrow(ctx, body.serviceCode, false, terminal?.role);
      const today = ctx.today();
      const earlier = store.byRequest(body.requestId);
      // A retry is answered before its (possibly stale) input is checked again.
      const r =
        earlier.length > 0
          ? replay(earlier, service.code)
          : submit(
              service,
              body.requestId,
              [checkApplicant(ctx, service, body, today, 'body.')],
              terminal,
              actorOf(staff, terminal),
              body.language,
              body.appointmentCode,
            );
      const first = r.rows[0];
      if (!first) throw new Error('no application stored');
      // 数据跑路: the kiosk waits for the online checks at most the hall's limit; what is not
      // answered by then stays pending and is asked again in the background.
      if (!r.replayed) await verifyRows(r.rows);
      return {
        application: summary(first, service),
        ticket: r.ticket,
        ahead: r.ahead,
        estimatedWaitMinutes: r.estimatedWaitMinutes,
        hallOpensAt: r.hallOpensAt,
        replayed: r.replayed,
      };
    },

    submitGroupApplication: async ({ body, terminal, staff }) => {
      const service = serviceOrThrow(ctx, body.serviceCode, true, terminal?.role);
      const today = ctx.today();
      const earlier = store.byRequest(body.requestId);
      let r;
      if (earlier.length > 0) r = replay(earlier, service.code);
      else {
        const members = body.members.map((m, i) => checkApplicant(ctx, service, m, today, `body.members.${i}.`));
        const issues: { path: string; message: string }[] = [];
        members.forEach((m, i) => {
          if (members.findIndex((o) => o.idNumber === m.idNumber) !== i)
            issues.push({ path: `body.members.${i}.form.idNumber`, message: 'the same person twice in one group' });
        });
        // One tour group, one code: a member with another code belongs to another group's ticket.
        const codes = new Set(members.map((m) => m.form['groupCode']).filter((c) => c !== undefined));
        if (codes.size > 1)
          members.forEach(
            (m, i) =>
              m.form['groupCode'] !== undefined &&
              issues.push({ path: `body.members.${i}.form.groupCode`, message: 'members of one group share one group code' }),
          );
        if (issues.length > 0) throw new ApiError('bad_request', 'Invalid group', issues);
        r = submit(service, body.requestId, members, terminal, actorOf(staff, terminal), body.language);
      }
      if (!r.replayed) await verifyRows(r.rows);
      return {
        applications: r.rows.map((row) => summary(row, service)),
        ticket: r.ticket,
        ahead: r.ahead,
        estimatedWaitMinutes: r.estimatedWaitMinutes,
        hallOpensAt: r.hallOpensAt,
        replayed: r.replayed,
      };
    },

    applicationProgress: ({ query, terminal, reply }) => {
      // A guesser at a kiosk gets PROGRESS_MAX_FAILURES tries per window, then waits it out (right
      // answers included, so a pause reveals nothing either).
      const limiter = progressLimiter(ctx);
      const key = `terminal:${terminal?.id ?? 'none'}`;
      const until = limiter.blockedUntil(key, ctx.clock());
      if (until !== null) {
        reply.header('Retry-After', String(Math.max(1, Math.ceil((until - ctx.clock()) / 1000))));
        throw new ApiError('too_many_attempts', 'Too many failed progress queries from this terminal; try again later');
      }
      const row = store.byCase(query.case);
      // One answer for an unknown case and a wrong ID ending: the query reveals nothing to a guesser.
      // The ending is read from the sealed ID number; a purged case answers like an unknown one.
      if (!row || row.applicant_id_number?.slice(-4).toUpperCase() !== query.last4) {
        limiter.fail(key, ctx.clock());
        throw new ApiError('not_found', 'No application with this case number and ID ending');
      }
      const service = ctx.catalog.find(row.service_code);
      const s = summary(row, service);
      return {
        caseNumber: s.caseNumber,
        serviceCode: s.serviceCode,
        status: s.status,
        nextStep: NEXT_STEP[row.status],
        supplementBy: s.supplementBy,
        promisedBy: s.promisedBy,
        missingMaterials: row.status === 'supplement_pending' ? s.missingMaterials : [],
        // Status changes only: a transfer or a corrected answer is the hall's business.
        history: store
          .events(row.id)
          .filter((e) => e.from_status !== e.to_status)
          .map((e) => ({ status: e.to_status, at: e.at })),
      };
    },
  };
}
