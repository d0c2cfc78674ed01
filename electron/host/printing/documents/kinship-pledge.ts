import { renderBlocks, type Block, type RenderedPdf } from '../layout.js';
import type { FontChoice } from '../fonts.js';
import { caseFooter, caseHeader } from './case-header.js';
import { maskNumber } from '../../../domain/identity/mask.js';
import type { KinshipPledgeData } from './types.js';

/** 亲属关系承诺书 (A4), pre-filled: replaces a missing kinship proof with a signed pledge. */
export function kinshipPledge(d: KinshipPledgeData, font: FontChoice = 'cjk'): Promise<RenderedPdf> {
  const blocks: Block[] = [
    ...caseHeader('亲属关系承诺书', d),
    { kind: 'field', label: '关系人', value: d.relativeName },
    { kind: 'field', label: '关系人身份证号', value: d.relativeIdNumber ? maskNumber(d.relativeIdNumber) : '＿＿＿＿＿＿＿＿＿＿＿＿（手写填写）' },
    { kind: 'field', label: '与申请人关系', value: d.relationship },
    { kind: 'gap' },
    {
      kind: 'text',
      text:
        `本人${d.applicantName}郑重承诺：本人与${d.relativeName}系${d.relationship}关系，所述情况真实无误。` +
        '如有虚假，本人愿承担由此引起的一切法律责任，并接受相关部门依法作出的处理。',
    },
    ...caseFooter(d),
    { kind: 'signature', label: '承诺人签字（按手印）' },
    { kind: 'signature', label: '日期' },
  ];
  return renderBlocks('a4', { title: `亲属关系承诺书 ${d.caseNumber}`, createdAt: d.printedAt }, blocks, font);
}
