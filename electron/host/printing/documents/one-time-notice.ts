import { renderBlocks, type Block, type RenderedPdf } from '../layout.js';
import type { FontChoice } from '../fonts.js';
import { formatTime, slipText } from './text.js';
import { maskNumber } from '../../../domain/identity/mask.js';
import { progressRef, type OneTimeNoticeData } from './types.js';

const item = (m: { name: string; note?: string | undefined }) => (m.note ? `${m.name}（${m.note}）` : m.name);

/** 一次性告知书 (80 mm roll): everything the service needs and what the citizen still lacks, told once. */
export function oneTimeNotice(data: OneTimeNoticeData, font: FontChoice = 'cjk'): Promise<RenderedPdf> {
  const t = slipText(data.language);
  const blocks: Block[] = [
    { kind: 'title', text: data.hallName },
    { kind: 'text', text: t.noticeTitle, align: 'center', size: 'large' },
    { kind: 'rule' },
    { kind: 'field', label: t.service, value: data.serviceName },
  ];
  if (data.caseNumber) blocks.push({ kind: 'field', label: t.caseNumber, value: data.caseNumber });
  if (data.idNumber) blocks.push({ kind: 'field', label: t.idNumber, value: maskNumber(data.idNumber) });
  blocks.push({ kind: 'text', text: t.required }, { kind: 'list', items: data.required.map(item) });
  // What is missing only once the citizen has said what they brought: a notice printed from the
  // service's page knows nothing of that, and must not say 材料齐全.
  if (data.missing !== undefined) {
    blocks.push({ kind: 'text', text: data.missing.length > 0 ? t.missing : t.nothingMissing });
    if (data.missing.length > 0) blocks.push({ kind: 'list', items: data.missing.map(item) });
  }
  if (data.feeYuan !== undefined) blocks.push({ kind: 'text', text: t.fee(data.feeYuan, data.feeNote) });
  blocks.push(
    { kind: 'text', text: t.timeLimit(data.timeLimitDays) },
    { kind: 'rule' },
    { kind: 'field', label: t.terminal, value: data.terminalName },
    { kind: 'field', label: t.time, value: formatTime(data.printedAt, data.timeZone) },
  );
  if (data.caseNumber) blocks.push({ kind: 'qr', data: progressRef('case', data.caseNumber), caption: `${t.caseNumber} ${data.caseNumber}` });
  blocks.push({ kind: 'text', text: t.footer, size: 'small' });
  return renderBlocks('roll80', { title: t.noticeTitle, createdAt: data.printedAt }, blocks, font);
}
