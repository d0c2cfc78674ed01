import { renderBlocks, type Block, type RenderedPdf } from '../layout.js';
import type { FontChoice } from '../fonts.js';
import { formatTime, MN_SLIP, slipText } from './text.js';
import { progressRef, type TicketSlipData } from './types.js';

/** For a Mongolian speaker: number, people ahead and wait again, in traditional Mongolian. */
function mongolianColumns(data: TicketSlipData): Block {
  const columns = [MN_SLIP.number(data.number), MN_SLIP.ahead(data.ahead)];
  if (data.estimatedWaitMinutes !== undefined) columns.push(MN_SLIP.wait(data.estimatedWaitMinutes));
  return { kind: 'vertical', columns };
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
    { kind: 'text', text: data.estimatedWaitMinutes === undefined ? t.waitUnknown : t.wait(data.estimatedWaitMinutes), align: 'center' },
    ...(data.language === 'mn' ? [mongolianColumns(data)] : []),
    { kind: 'rule' },
    { kind: 'field', label: t.terminal, value: data.terminalName },
    { kind: 'field', label: t.time, value: formatTime(data.printedAt, data.timeZone) },
    { kind: 'qr', data: ref, caption: `${t.queryRef}  ${data.serviceDay} ${data.number}` },
    { kind: 'text', text: t.listen, align: 'center', size: 'small' },
  ];
  return renderBlocks('roll80', { title: `${t.ticketTitle} ${data.number}`, createdAt: data.printedAt }, blocks, font);
}
