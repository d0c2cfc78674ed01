/**
 * The hall's reasons for 不予受理, each with the wording printed on the refusal notice (official
 * Chinese) and, where one applies to every service, its legal basis. The clerk picks one and adds
 * what this case needs in free text; the screens show the reason as `cases.refusal.<code>`.
 */
export const REFUSAL_REASON_CODES = ['not_our_authority', 'not_eligible', 'false_materials', 'document_restricted', 'duplicate', 'other'] as const;
export type RefusalReasonCode = (typeof REFUSAL_REASON_CODES)[number];

export const REFUSAL_REASONS: Readonly<Record<RefusalReasonCode, { notice: string; legalBasis?: string }>> = {
  not_our_authority: {
    notice: '申请事项依法不属于本机关职权范围，请向有关行政机关申请。',
    legalBasis: '《中华人民共和国行政许可法》第三十二条第一款第（二）项',
  },
  not_eligible: { notice: '申请人不符合该事项规定的申请条件。' },
  false_materials: { notice: '申请人隐瞒有关情况或者提供虚假材料。', legalBasis: '《中华人民共和国行政许可法》第七十八条' },
  document_restricted: { notice: '申请人的相关证件处于暂扣、吊销、注销或者限制状态，暂不能办理。' },
  duplicate: { notice: '同一事项已经受理或者正在办理，不得重复申请。' },
  other: { notice: '依法不予受理的其他情形。' },
};
