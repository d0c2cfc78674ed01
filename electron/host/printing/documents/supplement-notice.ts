import { renderBlocks, type Block, type RenderedPdf } from '../layout.js';
import type { FontChoice } from '../fonts.js';
import { caseFooter, caseHeader } from './case-header.js';
import { formatDateZh } from './text.js';
import type { SupplementNoticeData } from './types.js';

/** 容缺补正告知单 (A4): accepted with non-essential material missing; what to bring, and by when. */
export function supplementNotice(d: SupplementNoticeData, font: FontChoice = 'cjk'): Promise<RenderedPdf> {
  const deadline = formatDateZh(d.deadline);
  const copy = d.copy === 'file' ? '第二联 窗口存档' : d.copy === 'applicant' ? '第一联 申请人留存' : null;
  const blocks: Block[] = [
    ...caseHeader('容缺补正告知单', d),
    ...(copy ? [{ kind: 'text' as const, text: copy, align: 'center' as const, size: 'small' as const }] : []),
    { kind: 'text', text: '您申请的事项已按容缺办理方式受理。以下材料尚需补正：' },
    { kind: 'list', items: d.missing.map((m) => (m.note ? `${m.name}（${m.note}）` : m.name)) },
    { kind: 'field', label: '补正期限', value: `${deadline}前` },
    { kind: 'text', text: `请于${deadline}前将上述材料送交任一受理窗口。逾期未补正的，视为撤回申请。` },
    ...caseFooter(d),
    { kind: 'signature', label: '申请人签字' },
  ];
  return renderBlocks('a4', { title: `容缺补正告知单 ${d.caseNumber}`, createdAt: d.printedAt }, blocks, font);
}
