import { renderBlocks, type Block, type RenderedPdf } from '../layout.js';
import type { FontChoice } from '../fonts.js';
import { caseFooter, caseHeader } from './case-header.js';
import { formatTime } from './text.js';
import type { WithdrawalNoticeData } from './types.js';

/** 撤回申请确认书 (A4): the case ends without a decision, at the applicant's request (signed) or
 * because the 容缺 material did not come in time. */
export function withdrawalNotice(d: WithdrawalNoticeData, font: FontChoice = 'cjk'): Promise<RenderedPdf> {
  const applicant = d.by === 'applicant';
  const blocks: Block[] = [
    ...caseHeader(applicant ? '撤回申请确认书' : '逾期未补正终止办理告知书', d),
    { kind: 'field', label: '终止时间', value: formatTime(d.withdrawnAt, d.timeZone) },
    {
      kind: 'text',
      text: applicant
        ? '本人自愿撤回上述申请。已提交的材料原件当面退还，本次申请终止办理；如需办理，可重新提出申请。'
        : '您的申请按容缺方式受理后，未在补正期限内补齐材料，视为撤回申请，本次申请终止办理；如需办理，可重新提出申请。',
    },
    ...caseFooter(d),
    ...(applicant ? [{ kind: 'signature' as const, label: '申请人签字' }] : []),
  ];
  return renderBlocks('a4', { title: `撤回申请确认书 ${d.caseNumber}`, createdAt: d.printedAt }, blocks, font);
}
