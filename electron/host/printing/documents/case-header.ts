import type { Block } from '../layout.js';
import { formatTime } from './text.js';
import { maskNumber } from '../../../domain/identity/mask.js';
import { progressRef } from './types.js';

interface CaseFields {
  hallName: string;
  terminalName: string;
  printedAt: number;
  timeZone: string;
  caseNumber: string;
  serviceName: string;
  applicantName: string;
  idNumber: string;
  clerkName: string;
}

/** The head every window document shares (A4, official Chinese wording): who, what, which case. */
export function caseHeader(title: string, d: CaseFields): Block[] {
  return [
    { kind: 'text', text: d.hallName, align: 'center' },
    { kind: 'title', text: title },
    { kind: 'text', text: `编号：${d.caseNumber}`, align: 'center', size: 'small' },
    { kind: 'rule' },
    { kind: 'field', label: '申请人', value: d.applicantName },
    { kind: 'field', label: '身份证号', value: maskNumber(d.idNumber) },
    { kind: 'field', label: '办理事项', value: d.serviceName },
  ];
}

/** The foot: window, clerk, time and the QR code for the progress query. */
export function caseFooter(d: CaseFields): Block[] {
  return [
    { kind: 'rule' },
    { kind: 'field', label: '受理窗口', value: d.terminalName },
    { kind: 'field', label: '经办人', value: d.clerkName },
    { kind: 'field', label: '打印时间', value: formatTime(d.printedAt, d.timeZone) },
    { kind: 'qr', data: progressRef('case', d.caseNumber), caption: `扫码查询办理进度  申请编号 ${d.caseNumber}` },
  ];
}
