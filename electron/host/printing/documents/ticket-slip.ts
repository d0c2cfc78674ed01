import { renderBlocks, type Block, type RenderedPdf } from '../layout.js';
import type { FontChoice } from '../fonts.js';
import { formatTime, MN_SLIP, slipText } from './text.js';
import { maskNumber } from '../../../domain/identity/mask.js';
import { waitWords } from '../../../domain/queue/estimate.js';
import { progressRef, type PrintLanguage, type SlipApplication, type TicketSlipData } from './types.js';

/**
 * Beyond this many cases (a tour group) the slip lists case numbers without their QR codes: each
 * code takes 30 mm of roll, and the progress query takes a typed case number just as well.
 */
const MAX_CASE_QRS = 10;

/** The case QR's caption: the query also asks for the ID number's last 4, which the code does not hold. */
const CASE_QR_CAPTION: Readonly<Record<PrintLanguage, string>> = {
  'zh-CN': '扫码查询办理进度（需输入身份证号后4位）',
  mn: '扫码查询办理进度（需输入身份证号后4位）',
  en: 'Scan to check progress (you will be asked for the last 4 characters of your ID number)',
};

/** For a Mongolian speaker: number, people ahead and wait again, in traditional Mongolian. */
function mongolianColumns(data: TicketSlipData): Block {
  const columns = [MN_SLIP.number(data.number), MN_SLIP.ahead(data.ahead)];
  const wait = waitWords(data.estimatedWaitMinutes);
  if (wait.say === 'about') columns.push(MN_SLIP.wait(wait.minutes));
  if (data.application?.serviceNameMn) columns.push(data.application.serviceNameMn);
  return { kind: 'vertical', columns };
}

/**
 * An application's part of the slip: the service, then per case its number (as text and as a QR
 * code holding only the case number's progress reference) and the ID number's last 4 characters.
 */
function applicationBlocks(a: SlipApplication, language: PrintLanguage): Block[] {
  const t = slipText(language);
  const withQr = a.cases.length <= MAX_CASE_QRS;
  return [
    { kind: 'rule' },
    { kind: 'field', label: t.service, value: a.serviceName },
    ...a.cases.flatMap((c): Block[] => [
      { kind: 'field', label: t.caseNumber, value: c.caseNumber },
      { kind: 'field', label: t.idNumber, value: maskNumber(c.idNumber) },
      ...(withQr ? [{ kind: 'qr' as const, data: progressRef('case', c.caseNumber), caption: `${CASE_QR_CAPTION[language]}  ${c.caseNumber}` }] : []),
    ]),
  ];
}

/** The wait as the kiosk and the display say it (one rule: the domain's waitWords). */
function slipWait(data: TicketSlipData, t: ReturnType<typeof slipText>): string {
  const w = waitWords(data.estimatedWaitMinutes);
  return w.say === 'no_window' ? t.waitUnknown : w.say === 'no_wait' ? t.waitZero : t.wait(w.minutes);
}

/** The kiosk's ticket slip (80 mm roll): the number large, then the line, people ahead and wait. */
export function ticketSlip(data: TicketSlipData, font: FontChoice = 'cjk'): Promise<RenderedPdf> {
  const t = slipText(data.language);
  const ref = progressRef('ticket', `${data.serviceDay}/${data.number}`);
  const blocks: Block[] = [
    { kind: 'title', text: data.hallName },
    { kind: 'text', text: t.ticketTitle, align: 'center', size: 'small' },
    { kind: 'rule' },
    { kind: 'huge', text: data.number },
    { kind: 'text', text: t.line[data.line], align: 'center', size: 'large' },
    { kind: 'text', text: t.ahead(data.ahead), align: 'center' },
    { kind: 'text', text: slipWait(data, t), align: 'center' },
    ...(data.language === 'mn' ? [mongolianColumns(data)] : []),
    ...(data.application ? applicationBlocks(data.application, data.language) : []),
    { kind: 'rule' },
    { kind: 'field', label: t.terminal, value: data.terminalName },
    { kind: 'field', label: t.time, value: formatTime(data.printedAt, data.timeZone) },
    { kind: 'qr', data: ref, caption: `${t.queryRef}  ${data.serviceDay} ${data.number}` },
    { kind: 'text', text: t.listen, align: 'center', size: 'small' },
  ];
  return renderBlocks('roll80', { title: `${t.ticketTitle} ${data.number}`, createdAt: data.printedAt }, blocks, font);
}
