import { renderBlocks, type Block, type RenderedPdf } from '../layout.js';
import type { FontChoice } from '../fonts.js';
import { caseFooter, caseHeader } from './case-header.js';
import type { RejectionNoticeData } from './types.js';

/** 不予受理告知书 (A4): the reason, its legal basis and the citizen's remedies. */
export function rejectionNotice(d: RejectionNoticeData, font: FontChoice = 'cjk'): Promise<RenderedPdf> {
  const blocks: Block[] = [
    ...caseHeader('不予受理告知书', d),
    { kind: 'text', text: '经审查，您提出的申请不予受理。理由如下：' },
    { kind: 'text', text: d.reason },
  ];
  if (d.legalBasis) blocks.push({ kind: 'field', label: '依据', value: d.legalBasis });
  blocks.push({ kind: 'text', text: '如对本决定不服，可以自收到本告知书之日起六十日内依法申请行政复议，或者在六个月内依法提起行政诉讼。' }, ...caseFooter(d));
  return renderBlocks('a4', { title: `不予受理告知书 ${d.caseNumber}`, createdAt: d.printedAt }, blocks, font);
}
