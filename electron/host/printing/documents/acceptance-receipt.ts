import { renderBlocks, type Block, type RenderedPdf } from '../layout.js';
import type { FontChoice } from '../fonts.js';
import { caseFooter, caseHeader } from './case-header.js';
import { formatDateZh, formatTime } from './text.js';
import type { AcceptanceReceiptData } from './types.js';

/** 受理回执 (A4): the citizen's proof that the application was accepted, and when it will be done. */
export function acceptanceReceipt(d: AcceptanceReceiptData, font: FontChoice = 'cjk'): Promise<RenderedPdf> {
  const blocks: Block[] = [
    ...caseHeader('受理回执', d),
    { kind: 'field', label: '受理时间', value: formatTime(d.acceptedAt, d.timeZone) },
    { kind: 'field', label: '办理时限', value: d.timeLimitDays === 0 ? '当场办结' : `${d.timeLimitDays} 个工作日` },
    ...(d.promisedBy && d.timeLimitDays > 0 ? [{ kind: 'field' as const, label: '承诺办结日期', value: `${formatDateZh(d.promisedBy)}前` }] : []),
    { kind: 'field', label: '收费', value: d.feeYuan === 0 ? '不收费' : `${d.feeYuan.toFixed(2)} 元` },
    { kind: 'text', text: '已收材料：' },
    { kind: 'list', items: d.materials.length > 0 ? d.materials : ['无'] },
    { kind: 'gap' },
    { kind: 'text', text: '您的申请已受理。请凭本回执查询办理进度、领取证件；如有疑问，请咨询受理窗口。' },
    ...caseFooter(d),
  ];
  return renderBlocks('a4', { title: `受理回执 ${d.caseNumber}`, createdAt: d.printedAt }, blocks, font);
}
