import type { z } from 'zod';
import { applicationStore, type ApplicationRow } from '../../../db/applications.js';
import type { IssuedTicket } from '../../../db/tickets.js';
import { findService, serviceCatalog } from '../../domain/catalog/catalog.js';
import type { Service } from '../../domain/catalog/catalog-schema.js';
import { addWorkingDays, ageOn, formSchema, type FormData } from '../../domain/catalog/form-schema.js';
import { DEFAULT_GREEN_CHANNEL_AGE, NEXT_STEP, type ApplicationSummary } from '../../domain/contract/applications-api.js';
import type { RawFormSchema } from '../../domain/catalog/form-schema.js';
import { validateIdNumber } from '../../domain/identity/id-number.js';
import { ApiError } from '../http/api-error.js';
import type { Handlers } from '../http/register-routes.js';
import type { HostContext } from '../host-context.js';
import { estimateFor } from '../queue/queue-state.js';
import { actorOf } from './actor.js';

type ApplicationHandlers = Pick<Handlers, 'catalog' | 'submitApplication' | 'submitGroupApplication' | 'applicationProgress' | 'windowApplications'>;

interface MemberInput {
  form: z.output<typeof RawFormSchema>;
  materials: readonly string[];
}

interface CheckedMember {
  form: FormData;
  idNumber: string;
  birthDate: string;
  provided: string[];
  missingDeferrable: string[];
  supplementBy: string | null;
}

/** The green-channel age: a supervisor setting (settings key `applications`), 70 by default. */
function greenChannelAge(ctx: HostContext): number {
  try {
    const raw = ctx.settings.raw('applications');
    const age = raw ? (JSON.parse(raw) as { greenChannelAge?: unknown }).greenChannelAge : undefined;
    return typeof age === 'number' && Number.isInteger(age) && age >= 50 && age <= 120 ? age : DEFAULT_GREEN_CHANNEL_AGE;
  } catch {
    return DEFAULT_GREEN_CHANNEL_AGE;
  }
}

function serviceOrThrow(code: string, group: boolean, role: string | undefined): Service {
  const s = findService(code);
  if (!s) throw new ApiError('bad_request', `No service ${code}`, [{ path: 'body.serviceCode', message: 'unknown service' }]);
  // An unattended booth offers only what completes without a clerk.
  if (role === 'booth' && !s.boothEligible) throw new ApiError('forbidden', `${code} is not offered at a self-service booth`);
  if (group && !s.groupAllowed) throw new ApiError('bad_request', `${code} takes no group applications`, [{ path: 'body.serviceCode', message: 'no group applications for this service' }]);
  return s;
}

export function applicationHandlers(ctx: HostContext): ApplicationHandlers {
  const store = applicationStore(ctx.db);

  /**
   * Checks one applicant's form (400 with the fields at fault) and materials: a missing mandatory
   * material refuses the submission (409 with the list: the kiosk shows the one-time notice
   * instead of a ticket); a missing 容缺 material is accepted with a date to supply it by.
   */
  function checkMember(service: Service, input: MemberInput, today: string, at: string): CheckedMember {
    const ports = serviceCatalog().ports.map((p) => p.value);
    const parsed = formSchema(service, ports, today).safeParse(input.form);
    if (!parsed.success) {
      const issues = parsed.error.issues.map((i) => ({ path: [`${at}form`, ...i.path.map(String)].join('.'), message: i.message }));
      throw new ApiError('bad_request', `Invalid form: ${issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`, issues);
    }
    const form = parsed.data;
    const id = typeof form['idNumber'] === 'string' ? validateIdNumber(form['idNumber'], today) : null;
    if (!id?.ok) throw new ApiError('bad_request', 'The applicant ID number is missing', [{ path: `${at}form.idNumber`, message: 'required' }]);

    const known = new Set(service.materials.map((m) => m.code));
    const unknown = input.materials.filter((c) => !known.has(c));
    if (unknown.length > 0) throw new ApiError('bad_request', `Unknown materials: ${unknown.join(', ')}`, unknown.map((c) => ({ path: `${at}materials`, message: `not a material of this service: ${c}` })));
    const ticked = new Set(input.materials);
    const missingMandatory = service.materials.filter((m) => m.requirement === 'mandatory' && !ticked.has(m.code));
    if (missingMandatory.length > 0) {
      throw new ApiError(
        'conflict',
        `Mandatory materials missing: ${missingMandatory.map((m) => m.code).join(', ')}`,
        missingMandatory.map((m) => ({ path: `${at}materials.${m.code}`, message: `mandatory material missing: ${m.name.en}` })),
      );
    }
    const deferred = service.materials.filter((m) => m.requirement === 'deferrable' && !ticked.has(m.code));
    const days = Math.max(0, ...deferred.map((m) => (m.requirement === 'deferrable' ? m.supplyWithinDays : 0)));
    return {
      form,
      idNumber: id.value,
      birthDate: id.birthDate,
      // Data-shared materials count as provided: the hall fetches them (数据跑路).
      provided: service.materials.filter((m) => ticked.has(m.code) || m.requirement === 'data_sharing').map((m) => m.code),
      missingDeferrable: deferred.map((m) => m.code),
      supplementBy: deferred.length > 0 ? addWorkingDays(today, days) : null,
    };
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
      promisedBy: addWorkingDays(r.service_day, service?.timeLimitDays ?? 0),
      createdAt: r.created_at,
    };
  }

  /** A repeated request (same requestId): the first answer again, nothing created. */
  function replay(rows: ApplicationRow[], serviceCode: string) {
    const first = rows[0];
    if (!first || first.service_code !== serviceCode) throw new ApiError('conflict', 'This requestId was used for another submission');
    const ticket = first.ticket_id === null ? null : store.ticket(first.ticket_id);
    if (!ticket) throw new ApiError('conflict', 'The earlier submission has no ticket');
    const ahead = store.aheadOf(ticket.id);
    return { rows, ticket, ahead, estimatedWaitMinutes: estimateFor(ctx, ticket.line, ahead), replayed: true };
  }

  /** Stores the applications and their one ticket in one transaction, or finds the earlier ones. */
  function submit(service: Service, requestId: string, members: CheckedMember[], terminal: { id: number } | null, actor: string, language: 'zh-CN' | 'mn' | 'en' | undefined) {
    const today = ctx.today();
    const minAge = greenChannelAge(ctx);
    const green = members.map((m) => service.expedite || ageOn(m.birthDate, today) >= minAge);
    const group = members.length > 1;
    const result = ctx.db
      .transaction((): { rows: ApplicationRow[]; issued: IssuedTicket } | { replay: ApplicationRow[] } => {
        const earlier = store.byRequest(requestId);
        if (earlier.length > 0) return { replay: earlier };
        const now = ctx.clock();
        const issued = ctx.tickets.issue(
          {
            line: service.line,
            terminalId: terminal?.id ?? null,
            ticketClass: group ? 'group' : green[0] ? 'green' : 'normal',
            ...(group ? { groupSize: members.length } : {}),
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
              ticketId: issued.ticket.id,
              terminalId: terminal?.id ?? null,
            },
            today,
            now,
            actor,
          ),
        );
        // The audit trail names the case and the service only: never the applicant.
        for (const r of rows) ctx.audit.append({ at: now, actor, action: 'application.submit', target: r.case_number, detail: `${service.code}; ticket ${issued.ticket.number}` });
        return { rows, issued };
      })
      .immediate();
    if ('replay' in result) return replay(result.replay, service.code);
    ctx.pushState.soon();
    const { ticket, ahead } = result.issued;
    return { rows: result.rows, ticket, ahead, estimatedWaitMinutes: estimateFor(ctx, service.line, ahead), replayed: false };
  }

  return {
    windowApplications: ({ params, staff }) => {
      const w = ctx.windows.get(params.id);
      if (!w) throw new ApiError('not_found', `No window with id ${params.id}`);
      // The full record (ID number included) goes only to whoever is serving at that window.
      if (!staff || w.staffId !== staff.id) throw new ApiError('forbidden', 'Only the staff member serving at this window sees its applications');
      const current = ctx.tickets.current(w.id);
      const rows = current ? store.byTicket(current.id) : [];
      return {
        applications: rows.map((r) => ({
          ...summary(r, findService(r.service_code)),
          idNumber: r.applicant_id_number,
          form: JSON.parse(r.form_json) as Record<string, string | number | boolean | null>,
          materialsProvided: JSON.parse(r.materials_provided_json) as string[],
        })),
      };
    },

    catalog: () => serviceCatalog(),

    submitApplication: ({ body, terminal, staff }) => {
      const service = serviceOrThrow(body.serviceCode, false, terminal?.role);
      const today = ctx.today();
      const earlier = store.byRequest(body.requestId);
      // A retry is answered before its (possibly stale) input is checked again.
      const r = earlier.length > 0 ? replay(earlier, service.code) : submit(service, body.requestId, [checkMember(service, body, today, 'body.')], terminal, actorOf(staff, terminal), body.language);
      const first = r.rows[0];
      if (!first) throw new Error('no application stored');
      return { application: summary(first, service), ticket: r.ticket, ahead: r.ahead, estimatedWaitMinutes: r.estimatedWaitMinutes, replayed: r.replayed };
    },

    submitGroupApplication: ({ body, terminal, staff }) => {
      const service = serviceOrThrow(body.serviceCode, true, terminal?.role);
      const today = ctx.today();
      const earlier = store.byRequest(body.requestId);
      let r;
      if (earlier.length > 0) r = replay(earlier, service.code);
      else {
        const members = body.members.map((m, i) => checkMember(service, m, today, `body.members.${i}.`));
        const issues: { path: string; message: string }[] = [];
        members.forEach((m, i) => {
          if (members.findIndex((o) => o.idNumber === m.idNumber) !== i) issues.push({ path: `body.members.${i}.form.idNumber`, message: 'the same person twice in one group' });
        });
        // One tour group, one code: a member with another code belongs to another group's ticket.
        const codes = new Set(members.map((m) => m.form['groupCode']).filter((c) => c !== undefined));
        if (codes.size > 1) members.forEach((m, i) => m.form['groupCode'] !== undefined && issues.push({ path: `body.members.${i}.form.groupCode`, message: 'members of one group share one group code' }));
        if (issues.length > 0) throw new ApiError('bad_request', 'Invalid group', issues);
        r = submit(service, body.requestId, members, terminal, actorOf(staff, terminal), body.language);
      }
      return { applications: r.rows.map((row) => summary(row, service)), ticket: r.ticket, ahead: r.ahead, estimatedWaitMinutes: r.estimatedWaitMinutes, replayed: r.replayed };
    },

    applicationProgress: ({ query }) => {
      const row = store.byCase(query.case);
      // One answer for an unknown case and a wrong ID ending: the query reveals nothing to a guesser.
      if (!row || row.id_last4.toUpperCase() !== query.last4) throw new ApiError('not_found', 'No application with this case number and ID ending');
      const service = findService(row.service_code);
      const s = summary(row, service);
      return { caseNumber: s.caseNumber, serviceCode: s.serviceCode, status: s.status, nextStep: NEXT_STEP[row.status], supplementBy: s.supplementBy, promisedBy: s.promisedBy };
    },
  };
}
