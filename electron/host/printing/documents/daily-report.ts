import { renderBlocks, type Block, type RenderedPdf } from '../layout.js';
import type { FontChoice } from '../fonts.js';
import { formatDateZh, formatTime } from './text.js';
import type { DailyReportData } from './types.js';

/** 大厅运行日报 (A4): the day's figures for the supervisor's file, in Chinese like the hall's other
 * official papers; the figures are worded before they reach here, so a reprint prints the same page. */
export function dailyReport(d: DailyReportData, font: FontChoice = 'cjk'): Promise<RenderedPdf> {
  const blocks: Block[] = [
    { kind: 'title', text: d.title ?? '大厅运行日报' },
    { kind: 'text', text: d.hallName, align: 'center' },
    { kind: 'field', label: '统计日期', value: formatDateZh(d.day) },
    { kind: 'rule' },
    ...d.summary.map((s): Block => ({ kind: 'field', label: s.label, value: s.value })),
    ...d.sections.flatMap((s): Block[] => [{ kind: 'rule' }, { kind: 'text', text: s.title, size: 'large' }, { kind: 'list', items: s.lines }]),
    { kind: 'rule' },
    { kind: 'text', text: `${d.terminalName}  打印时间 ${formatTime(d.printedAt, d.timeZone)}`, size: 'small' },
    { kind: 'signature', label: '值班长签字' },
  ];
  return renderBlocks('a4', { title: `${d.title ?? '大厅运行日报'} ${d.day}`, createdAt: d.printedAt }, blocks, font);
}
