import type { BusinessLine } from '../../../domain/business-lines.js';
import type { PrintLanguage } from './types.js';

/**
 * The printed documents' catalog. It lives host-side because the host renders the PDFs (the
 * renderer's i18n catalogs are not part of the host), and it is typed: a string missing in either
 * language fails the type check. For Mongolian ('mn') a slip is the Chinese one plus a few phrases
 * in traditional Mongolian (MN_SLIP below, set vertically); the legal notices are Chinese-only on purpose,
 * being the official wording, with no language parameter.
 */
interface SlipStrings {
  ticketTitle: string;
  line: Record<BusinessLine, string>;
  ahead: (n: number) => string;
  wait: (minutes: number) => string;
  waitZero: string;
  waitUnknown: string;
  terminal: string;
  time: string;
  queryRef: string;
  listen: string;
  noticeTitle: string;
  service: string;
  caseNumber: string;
  idNumber: string;
  required: string;
  missing: string;
  nothingMissing: string;
  timeLimit: (days: number) => string;
  fee: (yuan: number, note?: string) => string;
  footer: string;
}

const zh: SlipStrings = {
  ticketTitle: '排队凭条',
  line: { household: '户政业务', traffic: '交管业务', exit_entry: '出入境业务' },
  ahead: (n) => `前面还有 ${n} 人`,
  wait: (m) => `预计等候约 ${m} 分钟`,
  waitZero: '无需等候，请留意叫号',
  waitUnknown: '请留意叫号屏和语音呼叫',
  terminal: '取号机',
  time: '取号时间',
  queryRef: '扫码查询排队进度',
  listen: '过号请到服务台重新取号。',
  noticeTitle: '一次性告知书',
  service: '办理事项',
  caseNumber: '申请编号',
  idNumber: '身份证号',
  required: '所需材料',
  missing: '尚缺材料',
  nothingMissing: '材料齐全',
  timeLimit: (d) => (d === 0 ? '办理时限：当场办结' : `办理时限：${d} 个工作日`),
  fee: (y, note) => (y === 0 ? '收费：不收费' : `收费：${y.toFixed(2)} 元${note ? `（${note}）` : ''}`),
  footer: '本告知书一次性告知所需全部材料，请妥善保管。',
};

const en: SlipStrings = {
  ticketTitle: 'Queue ticket',
  line: { household: 'Household registration', traffic: 'Traffic management', exit_entry: 'Exit and entry' },
  ahead: (n) => (n === 1 ? '1 person ahead of you' : `${n} people ahead of you`),
  wait: (m) => `Estimated wait about ${m} min`,
  waitZero: 'No wait: watch for your number',
  waitUnknown: 'Please watch the call display',
  terminal: 'Kiosk',
  time: 'Issued',
  queryRef: 'Scan to see the queue',
  listen: 'If you miss your call, ask at the service desk.',
  noticeTitle: 'One-time notice of materials',
  service: 'Service',
  caseNumber: 'Case number',
  idNumber: 'ID number',
  required: 'Materials required',
  missing: 'Materials still missing',
  nothingMissing: 'All materials present',
  timeLimit: (d) => (d === 0 ? 'Time limit: done on the spot' : `Time limit: ${d} working days`),
  fee: (y, note) => (y === 0 ? 'Fee: free' : `Fee: ${y.toFixed(2)} yuan${note ? ` (${note})` : ''}`),
  footer: 'This notice lists everything required, once. Please keep it.',
};

/**
 * The few phrases a slip carries in traditional Mongolian (citizen's language 'mn'), beside the
 * Chinese lines: your number, people ahead, minutes. NEEDS REVIEW BY A NATIVE SPEAKER (spelling,
 * suffix forms and the FVS/MVS controls) before a hall relies on them.
 */
export const MN_SLIP = {
  /** ᠲᠠᠨ ᠤ ᠳ᠋ᠤᠭᠠᠷ "your number" (tan-u dugar; NNBSP before the genitive suffix, FVS1 on initial d). */
  number: (n: string) => `ᠲᠠᠨ\u202fᠤ ᠳ᠋ᠤᠭᠠᠷ ${n}`,
  /** ᠡᠮᠦᠨ(MVS)ᠡ N ᠬᠦᠮᠦᠨ "N people ahead" (emün-e N kümün; MVS before the final e). */
  ahead: (n: number) => `ᠡᠮᠦᠨ\u180eᠡ ${n} ᠬᠦᠮᠦᠨ`,
  /** ᠪᠠᠷᠠᠭ N ᠮᠢᠨᠦ᠋ᠲ "about N minutes" (barag N minüt). */
  wait: (minutes: number) => `ᠪᠠᠷᠠᠭ ${minutes} ᠮᠢᠨᠦ᠋ᠲ`,
};

export function slipText(language: PrintLanguage): SlipStrings {
  return language === 'en' ? en : zh;
}

/** Local date and time in the hall's zone, the same on every machine. */
export function formatTime(epochMs: number, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(new Date(epochMs));
  const get = (t: string) => parts.find((p) => p.type === t)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')} ${get('hour')}:${get('minute')}`;
}

export function formatDateZh(isoDay: string): string {
  const [y, m, d] = isoDay.split('-');
  return `${y}年${Number(m)}月${Number(d)}日`;
}
