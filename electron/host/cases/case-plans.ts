import type { CaseRow } from '../../../db/cases.js';
import type { Service } from '../../domain/catalog/catalog-schema.js';
import { addWorkingDays } from '../../domain/calendar/working-days.js';
import { REFUSAL_REASONS, type RefusalReasonCode } from '../../domain/cases/refusal-reasons.js';
import { validateIdNumber } from '../../domain/identity/id-number.js';
import { ApiError } from '../http/api-error.js';
import { acceptanceReceipt, collectionReceipt, kinshipPledge, rejectionNotice, supplementNotices, withdrawalNotice } from './case-documents.js';
import type { StepPlan, When } from './case-work.js';

/**
 * What each action does, given the case as it stands (inside the step's transaction): the dates it
 * promises in working days, the papers it prints, the counter screen's words. Input that does not
 * fit the case (a paper not ticked, a material that is not 容缺) is a 400 naming the field.
 */

type Issue = { path: string; message: string };
function refuse(message: string, issues: Issue[]): never {
  throw new ApiError('bad_request', message, issues);
}

const paper = (service: Service) => service.materials.filter((m) => m.requirement !== 'data_sharing');

/** Codes the service does not have, or that are fetched online (no paper to tick). */
function checkCodes(service: Service, codes: readonly string[], field: string): void {
  const known = new Set(paper(service).map((m) => m.code));
  const bad = codes.filter((c) => !known.has(c));
  if (bad.length > 0)
    refuse(
      `Not a paper material of ${service.code}: ${bad.join(', ')}`,
      bad.map((c) => ({ path: `body.${field}`, message: `not a paper material: ${c}` })),
    );
}

const missingOf = (row: CaseRow) => JSON.parse(row.materials_missing_json) as string[];
const receivedOf = (row: CaseRow) => JSON.parse(row.materials_received_json) as string[];

export function acceptPlan(staffId: number, received: readonly string[]) {
  return (_row: CaseRow, service: Service, when: When): StepPlan => {
    checkCodes(service, received, 'received');
    const unseen = paper(service).filter((m) => !received.includes(m.code));
    if (unseen.length > 0)
      refuse(
        `Every paper must be checked to accept; not yet: ${unseen.map((m) => m.code).join(', ')} (容缺受理 for deferrable ones)`,
        unseen.map((m) => ({ path: `body.received.${m.code}`, message: 'not checked' })),
      );
    const promisedBy = addWorkingDays(when.today, service.timeLimitDays, when.cal);
    return {
      note: `promised ${promisedBy}`,
      audit: `${service.code}; promised ${promisedBy}`,
      patch: { claimOwner: staffId, acceptedAt: when.now, promisedBy, missing: [], received: [...received] },
      documents: (c) => [acceptanceReceipt(c, received, promisedBy)],
      outcome: { kind: 'accepted', promisedBy },
    };
  };
}

export interface PledgeInput {
  relativeName: string;
  relativeIdNumber?: string | undefined;
  relationship: string;
}

export function deferPlan(staffId: number, received: readonly string[], missing: readonly string[], pledge: PledgeInput | undefined) {
  return (_row: CaseRow, service: Service, when: When): StepPlan => {
    checkCodes(service, [...received, ...missing], 'missing');
    const issues: Issue[] = [];
    for (const m of service.materials) {
      if (m.requirement === 'mandatory' && !received.includes(m.code)) issues.push({ path: `body.received.${m.code}`, message: 'mandatory: not checked' });
      if (m.requirement === 'deferrable' && !received.includes(m.code) && !missing.includes(m.code))
        issues.push({ path: `body.missing.${m.code}`, message: 'neither checked nor listed as missing' });
      if (m.requirement !== 'deferrable' && missing.includes(m.code))
        issues.push({ path: `body.missing.${m.code}`, message: 'only 容缺 materials may be missing' });
    }
    if (missing.some((c) => received.includes(c))) issues.push({ path: 'body.missing', message: 'a material cannot be both checked and missing' });
    const pledged = service.materials.filter((m) => m.requirement === 'deferrable' && m.pledge && missing.includes(m.code));
    if (pledged.length > 0 && !pledge) issues.push({ path: 'body.pledge', message: 'a kinship pledge stands in for the missing kinship proof' });
    if (pledge?.relativeIdNumber && !validateIdNumber(pledge.relativeIdNumber, when.today).ok)
      issues.push({ path: 'body.pledge.relativeIdNumber', message: 'not a valid ID number' });
    if (issues.length > 0) refuse(`Cannot accept with missing material: ${issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`, issues);
    const days = Math.max(...service.materials.map((m) => (m.requirement === 'deferrable' && missing.includes(m.code) ? m.supplyWithinDays : 0)));
    const supplementBy = addWorkingDays(when.today, days, when.cal);
    return {
      note: `missing ${missing.join(', ')} by ${supplementBy}`,
      audit: `${service.code}; missing ${missing.join(', ')}; by ${supplementBy}${pledged.length > 0 ? '; kinship pledge' : ''}`,
      patch: { claimOwner: staffId, acceptedAt: when.now, supplementBy, missing: [...missing], received: [...received] },
      documents: (c) => [...supplementNotices(c, missing, supplementBy), ...(pledged.length > 0 && pledge ? [kinshipPledge(c, pledge)] : [])],
      outcome: { kind: 'supplement', supplementBy, missing: [...missing] },
    };
  };
}

export function supplementPlan(staffId: number, received: readonly string[]) {
  return (row: CaseRow, service: Service, when: When): StepPlan => {
    checkCodes(service, received, 'received');
    const outstanding = missingOf(row).filter((c) => !received.includes(c));
    if (outstanding.length > 0)
      refuse(
        `Still missing: ${outstanding.join(', ')}`,
        outstanding.map((c) => ({ path: `body.received.${c}`, message: 'still missing' })),
      );
    // The time limit runs from the day the file is complete.
    const promisedBy = addWorkingDays(when.today, service.timeLimitDays, when.cal);
    const all = [...new Set([...receivedOf(row), ...received])];
    return {
      note: `supplied ${received.join(', ')}; promised ${promisedBy}`,
      audit: `${service.code}; supplied ${received.join(', ')}; promised ${promisedBy}`,
      patch: { claimOwner: staffId, promisedBy, supplementBy: null, missing: [], received: all },
      documents: (c) => [acceptanceReceipt(c, all, promisedBy)],
      outcome: { kind: 'accepted', promisedBy },
    };
  };
}

export function refusePlan(reason: RefusalReasonCode, text: string) {
  return (_row: CaseRow, service: Service): StepPlan => {
    if (reason === 'other' && text.length < 2) refuse('Say why the application is refused', [{ path: 'body.text', message: 'required for another reason' }]);
    const r = REFUSAL_REASONS[reason];
    const wording = text ? `${r.notice}${text}` : r.notice;
    return {
      note: `reason ${reason}`,
      audit: `${service.code}; reason ${reason}`,
      detail: { reason, text },
      documents: (c) => [rejectionNotice(c, wording, r.legalBasis)],
      outcome: { kind: 'rejected', reason, reasonText: text },
    };
  };
}

export function completePlan() {
  return (_row: CaseRow, service: Service): StepPlan => ({
    note: service.instant ? 'done on the spot' : 'ready for collection',
    audit: `${service.code}; ${service.instant ? 'completed' : 'ready for collection'}`,
    outcome: { kind: service.instant ? 'completed' : 'ready_for_collection' },
  });
}

export type Collector = { kind: 'applicant' } | { kind: 'agent'; name: string; idNumber: string };

export function handOverPlan(collector: Collector) {
  return (row: CaseRow, service: Service, when: When): StepPlan => {
    if (collector.kind === 'agent') {
      const id = validateIdNumber(collector.idNumber, when.today);
      if (!id.ok) refuse('The agent’s ID number is not valid', [{ path: 'body.collector.idNumber', message: `invalid ID number (${id.problem})` }]);
      if (id.value === row.applicant_id_number) refuse('The applicant collects in person', [{ path: 'body.collector.kind', message: 'this is the applicant' }]);
    }
    const who = collector.kind === 'agent' ? { ...collector, idNumber: collector.idNumber.toUpperCase() } : collector;
    return {
      note: `collected by ${collector.kind}`,
      audit: `${service.code}; collected by ${collector.kind}`,
      detail: who.kind === 'agent' ? { collector: 'agent', name: who.name, idNumber: who.idNumber } : { collector: 'applicant' },
      documents: (c) => [collectionReceipt(c, who)],
      outcome: { kind: 'handed_over' },
    };
  };
}

export function withdrawPlan() {
  return (_row: CaseRow, service: Service): StepPlan => ({
    note: 'at the applicant’s request',
    audit: `${service.code}; at the applicant's request`,
    documents: (c) => [withdrawalNotice(c, 'applicant')],
    outcome: { kind: 'withdrawn' },
  });
}

export function extendPlan(days: number, reason: string) {
  return (row: CaseRow, service: Service, when: When): StepPlan => {
    // From the old date while it lies ahead, else from today: the citizen gets `days` more to come.
    const from = row.supplement_by !== null && row.supplement_by > when.today ? row.supplement_by : when.today;
    const supplementBy = addWorkingDays(from, days, when.cal);
    return {
      note: `extended to ${supplementBy}`,
      audit: `${service.code}; supplement date ${row.supplement_by ?? '-'} → ${supplementBy}`,
      detail: { reason },
      patch: { supplementBy },
    };
  };
}

export function closePlan(reason: string) {
  return (row: CaseRow, service: Service): StepPlan => ({
    note: `supplement overdue since ${row.supplement_by ?? '-'}`,
    audit: `${service.code}; closed, supplement overdue since ${row.supplement_by ?? '-'}`,
    detail: { reason },
    documents: (c) => [withdrawalNotice(c, 'supplement_overdue')],
  });
}
