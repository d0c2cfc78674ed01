import type { CaseRow, CaseStore } from '../../../db/cases.js';
import type { StaffRecord } from '../../../db/staff.js';
import type { Service } from '../../domain/catalog/catalog-schema.js';
import type { WorkingCalendar } from '../../domain/calendar/working-days.js';
import { deadlineOf, urgencyOf } from '../../domain/cases/case-deadlines.js';
import { allowedActions, type CaseFacts } from '../../domain/cases/case-machine.js';
import { SUPERVISORS } from '../../domain/contract/access.js';
import type { FullApplication } from '../../domain/contract/applications-api.js';
import type { CaseSummary, CaseView, MaterialCheck, StaffRef } from '../../domain/contract/cases-api.js';
import { maskName } from '../../domain/identity/mask.js';
import { ApiError } from '../http/api-error.js';
import type { HostContext } from '../host-context.js';

const codes = (json: string): Set<string> => new Set(JSON.parse(json) as string[]);

export function staffRef(s: { staff_no: string | null; name?: string | null; staff_name?: string | null } | null): StaffRef | null {
  if (!s?.staff_no) return null;
  return { staffNo: s.staff_no, name: s.name ?? s.staff_name ?? '' };
}

/** The facts the state machine decides on, for this case and the person asking. */
export function factsOf(row: CaseRow, service: Service | undefined, staff: StaffRecord | null, today: string): CaseFacts {
  return {
    instant: service?.instant ?? false,
    overdue: row.supplement_by !== null && row.supplement_by < today,
    supervisor: staff !== null && SUPERVISORS.includes(staff.role),
  };
}

/** Each required material: what the citizen declared at the kiosk, the online check, the clerk's tick. */
export function materialChecks(row: CaseRow, service: Service | undefined, verified: ReadonlyMap<string, MaterialCheck['verification']>): MaterialCheck[] {
  const provided = codes(row.materials_provided_json);
  const missing = codes(row.materials_missing_json);
  const received = codes(row.materials_received_json);
  return (service?.materials ?? []).map((m) => ({
    code: m.code,
    requirement: m.requirement,
    declared: m.requirement === 'data_sharing' ? 'fetched' : provided.has(m.code) ? 'brought' : m.requirement === 'deferrable' ? 'missing' : 'not_declared',
    verification: m.requirement === 'data_sharing' ? (verified.get(m.code) ?? 'pending') : null,
    received: received.has(m.code),
    // Before acceptance the missing list is the kiosk's declaration; after, the clerk's decision.
    outstanding: row.status !== 'submitted' && missing.has(m.code),
    supplyWithinDays: m.requirement === 'deferrable' ? m.supplyWithinDays : null,
    pledge:
      m.requirement === 'deferrable' && m.pledge ? { relationship: m.pledge.relationship['zh-CN'], relativeIdField: m.pledge.relativeIdField ?? null } : null,
  }));
}

/** Builds the clerk's view of a case (the store's reads, the catalog, the calendar). */
export function caseViewBuilder(ctx: Pick<HostContext, 'catalog' | 'calendar' | 'staff' | 'today'>, store: CaseStore) {
  function ownerOf(row: CaseRow): StaffRef | null {
    const o = row.owner_staff_id === null ? null : ctx.staff.byId(row.owner_staff_id);
    return o ? { staffNo: o.staff_no, name: o.name } : null;
  }

  function timing(row: CaseRow, today: string, cal: WorkingCalendar) {
    const deadline = deadlineOf({ status: row.status, promisedBy: row.promised_by, supplementBy: row.supplement_by });
    return { deadline, urgency: deadline ? urgencyOf(deadline.date, today, cal) : null };
  }

  return {
    view(row: CaseRow, staff: StaffRecord | null): CaseView {
      if (row.applicant_id_number === null || row.form_json === null)
        throw new ApiError('not_found', 'The personal data of this case was purged after the retention period');
      const service = ctx.catalog.find(row.service_code);
      const today = ctx.today();
      const holder = store.holder(row.ticket_id);
      const verified = new Map(store.verifications(row.id).map((v) => [v.material_code, v.state]));
      return {
        caseNumber: row.case_number,
        serviceCode: row.service_code,
        line: row.line,
        status: row.status,
        version: row.version,
        greenChannel: row.green_channel === 1,
        idNumber: row.applicant_id_number,
        form: JSON.parse(row.form_json) as FullApplication['form'],
        materials: materialChecks(row, service, verified),
        supplementBy: row.supplement_by,
        promisedBy: row.promised_by,
        acceptedAt: row.accepted_at,
        createdAt: row.created_at,
        ...timing(row, today, ctx.calendar.current()),
        ticket: store.ticketOf(row.ticket_id),
        owner: ownerOf(row),
        holder: holder ? { windowId: holder.window_id, windowName: holder.window_name, staff: staffRef(holder) } : null,
        allowed: allowedActions(row.status, factsOf(row, service, staff, today)),
        history: store.history(row.id).map((e) => ({
          at: e.at,
          action: e.action,
          from: e.from_status,
          to: e.to_status,
          staff: staffRef(e),
          windowName: e.window_name,
          note: e.note,
          detail: e.detail === null ? null : (JSON.parse(e.detail) as Record<string, string>),
        })),
        formChanges: store.formChanges(row.id).map((c) => ({
          at: c.at,
          field: c.field,
          oldValue: c.old_value,
          newValue: c.new_value,
          staff: { staffNo: c.staff_no, name: c.staff_name },
        })),
      };
    },

    /** A line of a case list: the name masked, no ID number. */
    summary(row: CaseRow): CaseSummary {
      const form = row.form_json === null ? {} : (JSON.parse(row.form_json) as Record<string, unknown>);
      const name = typeof form['name'] === 'string' ? maskName(form['name']) : '';
      return {
        caseNumber: row.case_number,
        version: row.version,
        serviceCode: row.service_code,
        status: row.status,
        applicant: name,
        owner: ownerOf(row),
        createdAt: row.created_at,
        ...timing(row, ctx.today(), ctx.calendar.current()),
      };
    },
  };
}
