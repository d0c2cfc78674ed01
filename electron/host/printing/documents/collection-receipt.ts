import { renderBlocks, type Block, type RenderedPdf } from '../layout.js';
import type { FontChoice } from '../fonts.js';
import { maskNumber } from '../../../domain/identity/mask.js';
import { caseFooter, caseHeader } from './case-header.js';
import { formatTime } from './text.js';
import type { CollectionReceiptData } from './types.js';

/** 证件领取签收单 (A4): who collected the result of a case, and when; the collector signs it. */
export function collectionReceipt(d: CollectionReceiptData, font: FontChoice = 'cjk'): Promise<RenderedPdf> {
  const agent = d.collector.kind === 'agent' ? d.collector : null;
  const blocks: Block[] = [
    ...caseHeader('证件领取签收单', d),
    { kind: 'field', label: '领取时间', value: formatTime(d.collectedAt, d.timeZone) },
    { kind: 'field', label: '领取人', value: agent ? `${agent.name}（受托人）` : `${d.applicantName}（申请人本人）` },
    ...(agent ? [{ kind: 'field' as const, label: '领取人身份证号', value: maskNumber(agent.idNumber) }] : []),
    { kind: 'gap' },
    {
      kind: 'text',
      text: agent ? '受托人已出示本人居民身份证及申请人的委托材料，当面核对无误后领取。' : '申请人已出示本人居民身份证，当面核对证件信息无误后领取。',
    },
    ...caseFooter(d),
    { kind: 'signature', label: '领取人签字' },
  ];
  return renderBlocks('a4', { title: `证件领取签收单 ${d.caseNumber}`, createdAt: d.printedAt }, blocks, font);
}
