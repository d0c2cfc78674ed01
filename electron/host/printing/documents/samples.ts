import type { DocumentRequest } from './types.js';

/**
 * Realistic sample data for every document (invented people; the ID numbers carry valid check
 * digits). Used by the tests, the render script and the benchmark, so all three look at the same
 * paper.
 */
const at = Date.UTC(2026, 4, 18, 1, 30); // 2026-05-18 09:30 in Asia/Shanghai
const hall = { hallName: '一站式公安政务服务大厅', printedAt: at, timeZone: 'Asia/Shanghai' };
const window = { ...hall, language: 'zh-CN' as const, terminalName: '5号窗口', clerkName: '王警官（警号 015321）' };
const applicant = { applicantName: '巴特尔', idNumber: '150102198807153017' };

export const SAMPLE_DOCUMENTS: Readonly<Record<DocumentRequest['kind'], DocumentRequest>> = {
  ticket_slip: {
    kind: 'ticket_slip',
    data: {
      ...hall,
      language: 'zh-CN',
      terminalName: '1号自助取号机',
      number: 'C007',
      line: 'exit_entry',
      serviceDay: '2026-05-18',
      ahead: 6,
      estimatedWaitMinutes: 18,
    },
  },
  one_time_notice: {
    kind: 'one_time_notice',
    data: {
      ...hall,
      language: 'zh-CN',
      terminalName: '1号自助取号机',
      serviceName: '边境旅游通行证（赴俄边境游）',
      caseNumber: 'YZ-20260518-0042',
      idNumber: applicant.idNumber,
      required: [{ name: '居民身份证原件' }, { name: '近期免冠彩色照片', note: '可在大厅照相点拍摄' }, { name: '旅行社团队名单', note: '团队办理时' }],
      missing: [{ name: '近期免冠彩色照片', note: '可在大厅照相点拍摄' }],
      timeLimitDays: 0,
    },
  },
  acceptance_receipt: {
    kind: 'acceptance_receipt',
    data: {
      ...window,
      ...applicant,
      caseNumber: 'YZ-20260518-0042',
      serviceName: '普通护照首次申领',
      acceptedAt: at + 12 * 60_000,
      materials: ['居民身份证原件', '出入境证件数字相片回执（照相点）', '户口簿'],
      timeLimitDays: 7,
      feeYuan: 120,
      promisedBy: '2026-05-27',
    },
  },
  supplement_notice: {
    kind: 'supplement_notice',
    data: {
      ...window,
      ...applicant,
      caseNumber: 'YZ-20260518-0043',
      serviceName: '户口迁移（区内迁移）',
      missing: [{ name: '房屋所有权证复印件', note: '原件核对后退还' }, { name: '迁入地户主同意书' }],
      deadline: '2026-05-25',
      copy: 'applicant',
    },
  },
  kinship_pledge: {
    kind: 'kinship_pledge',
    data: {
      ...window,
      ...applicant,
      caseNumber: 'YZ-20260518-0044',
      serviceName: '投靠亲属落户',
      relativeName: '乌云其其格',
      relativeIdNumber: '150102196203084527',
      relationship: '母子',
    },
  },
  rejection_notice: {
    kind: 'rejection_notice',
    data: {
      ...window,
      ...applicant,
      caseNumber: 'YZ-20260518-0045',
      serviceName: '机动车驾驶证补领',
      reason: '申请人驾驶证处于暂扣状态，暂扣期满前不能补领。',
      legalBasis: '《机动车驾驶证申领和使用规定》',
    },
  },
  collection_receipt: {
    kind: 'collection_receipt',
    data: {
      ...window,
      ...applicant,
      caseNumber: 'YZ-20260518-0042',
      serviceName: '普通护照首次申领',
      collectedAt: at + 9 * 86_400_000,
      collector: { kind: 'agent', name: '乌云其其格', idNumber: '150102196203084527' },
    },
  },
  withdrawal_notice: {
    kind: 'withdrawal_notice',
    data: { ...window, ...applicant, caseNumber: 'YZ-20260518-0046', serviceName: '户口迁移（区内迁移）', withdrawnAt: at + 20 * 60_000, by: 'applicant' },
  },
  daily_report: {
    kind: 'daily_report',
    data: {
      ...hall,
      terminalName: '值班长工作站',
      day: '2026-05-18',
      summary: [
        { label: '取号数', value: '412' },
        { label: '平均等候', value: '11.6 分钟' },
        { label: '满意率', value: '97.8%' },
      ],
      sections: [{ title: '按窗口', lines: ['1号窗口：取号 88，办结 85，平均等候 9.2 分钟，满意率 98.1%，差评 0'] }],
    },
  },
};
