import type { CaseRow } from '../../../db/cases.js';
import type { StaffRecord } from '../../../db/staff.js';
import type { Service } from '../../domain/catalog/catalog-schema.js';
import type { Terminal } from '../../domain/contract/schemas.js';
import type { DocumentRequest } from '../printing/documents/types.js';

/**
 * The papers a case step prints on the window's A4 printer, as typed document requests (the
 * print queue renders them). Window documents carry the official Chinese wording whatever the
 * citizen's language (see printing/documents/text.ts); ID numbers go in whole and are masked by
 * the documents themselves.
 */
export interface CaseDocument {
  request: DocumentRequest;
  /** The print job's idempotency key: one paper per case, version and copy. */
  key: string;
}

export interface CasePaperContext {
  hallName: string;
  timeZone: string;
  now: number;
  row: CaseRow;
  service: Service;
  staff: StaffRecord;
  terminal: Terminal;
  /** The version the step creates: a reprint of this step is a new job, a retry the same one. */
  version: number;
}

export function caseHead(c: CasePaperContext) {
  const form = JSON.parse(c.row.form_json ?? '{}') as Record<string, unknown>;
  const name = typeof form['name'] === 'string' && form['name'].trim() !== '' ? form['name'] : '（见申请表）';
  return {
    language: 'zh-CN' as const,
    hallName: c.hallName,
    terminalName: c.terminal.name,
    printedAt: c.now,
    timeZone: c.timeZone,
    caseNumber: c.row.case_number,
    serviceName: c.service.name['zh-CN'],
    applicantName: name,
    idNumber: c.row.applicant_id_number ?? '',
    clerkName: `${c.staff.name}（工号 ${c.staff.staff_no}）`,
  };
}

const key = (c: CasePaperContext, kind: string) => `case:${c.row.case_number}:v${c.version}:${kind}`;
const names = (service: Service, codes: readonly string[]) => codes.map((code) => service.materials.find((m) => m.code === code)?.name['zh-CN'] ?? code);

export function acceptanceReceipt(c: CasePaperContext, received: readonly string[], promisedBy: string): CaseDocument {
  return {
    key: key(c, 'acceptance_receipt'),
    request: {
      kind: 'acceptance_receipt',
      data: {
        ...caseHead(c),
        acceptedAt: c.now,
        materials: names(c.service, received),
        timeLimitDays: c.service.timeLimitDays,
        feeYuan: c.service.fee.yuan,
        promisedBy,
      },
    },
  };
}

/** 容缺补正告知单 in two copies (the applicant's, and the window's file copy they sign). */
export function supplementNotices(c: CasePaperContext, missing: readonly string[], deadline: string): CaseDocument[] {
  const items = missing.map((code) => {
    const m = c.service.materials.find((x) => x.code === code);
    return { name: m?.name['zh-CN'] ?? code, ...(m?.requirement === 'deferrable' ? { note: `${m.supplyWithinDays} 个工作日内补交` } : {}) };
  });
  return (['applicant', 'file'] as const).map((copy) => ({
    key: `${key(c, 'supplement_notice')}:${copy}`,
    request: { kind: 'supplement_notice', data: { ...caseHead(c), missing: items, deadline, copy } },
  }));
}

export function kinshipPledge(c: CasePaperContext, p: { relativeName: string; relativeIdNumber?: string | undefined; relationship: string }): CaseDocument {
  return {
    key: key(c, 'kinship_pledge'),
    request: {
      kind: 'kinship_pledge',
      data: {
        ...caseHead(c),
        relativeName: p.relativeName,
        relationship: p.relationship,
        ...(p.relativeIdNumber ? { relativeIdNumber: p.relativeIdNumber } : {}),
      },
    },
  };
}

export function rejectionNotice(c: CasePaperContext, reason: string, legalBasis: string | undefined): CaseDocument {
  return {
    key: key(c, 'rejection_notice'),
    request: { kind: 'rejection_notice', data: { ...caseHead(c), reason, ...(legalBasis ? { legalBasis } : {}) } },
  };
}

export function collectionReceipt(c: CasePaperContext, collector: { kind: 'applicant' } | { kind: 'agent'; name: string; idNumber: string }): CaseDocument {
  return { key: key(c, 'collection_receipt'), request: { kind: 'collection_receipt', data: { ...caseHead(c), collectedAt: c.now, collector } } };
}

export function withdrawalNotice(c: CasePaperContext, by: 'applicant' | 'supplement_overdue'): CaseDocument {
  return { key: key(c, 'withdrawal_notice'), request: { kind: 'withdrawal_notice', data: { ...caseHead(c), withdrawnAt: c.now, by } } };
}
