import type { BusinessLine } from '../../domain/business-lines.js';
import type { CatalogLanguage } from '../../domain/catalog/catalog-schema.js';
import type { ReportGrouping } from '../../domain/reports/report-figures.js';

/**
 * The words of exported and printed reports. They live host-side because the host writes the
 * files (the renderer's catalogs are not part of it), typed so a word missing in one language fails
 * the type check. A Mongolian reader gets the Chinese file, as with the printed notices: the
 * official wording, and spreadsheets do not set traditional Mongolian vertically.
 */
export interface ReportWords {
  columns: Record<string, string>;
  group: Record<ReportGrouping, string>;
  line: Record<BusinessLine, string>;
  window: (n: number) => string;
  hour: (h: number) => string;
  none: string;
  total: string;
  unitMinutes: string;
  unitPercent: string;
  dailyTitle: string;
  range: string;
}

const zh: ReportWords = {
  columns: {
    issued: '取号数',
    served: '办结服务数',
    waitMean: '平均等候',
    waitP50: '等候中位数',
    waitP90: '等候90分位',
    waitMax: '最长等候',
    serviceMean: '平均办理时长',
    serviceP90: '办理时长90分位',
    withinTarget: '目标时间内叫号率',
    noShows: '未到数',
    noShowRate: '未到率',
    transfers: '转移数',
    recalls: '重呼数',
    paused: '暂停时长',
    accepted: '受理件数',
    deferred: '容缺受理',
    refused: '不予受理',
    completed: '办结件数',
    completionRate: '办结率',
    timelyRate: '按时办结率',
    ratings: '评价数',
    satisfaction: '满意率',
    bad: '差评数',
    badHandled: '差评已整改',
    skipped: '未评价',
  },
  group: { total: '合计', day: '日期', line: '业务类别', service: '办理事项', window: '窗口', staff: '工作人员', hour: '时段' },
  line: { household: '户政业务', traffic: '交管业务', exit_entry: '出入境业务' },
  window: (n) => `${n}号窗口`,
  hour: (h) => `${String(h).padStart(2, '0')}:00–${String(h + 1).padStart(2, '0')}:00`,
  none: '（无）',
  total: '合计',
  unitMinutes: '分钟',
  unitPercent: '%',
  dailyTitle: '大厅运行日报',
  range: '统计范围',
};

const en: ReportWords = {
  columns: {
    issued: 'Tickets issued',
    served: 'Services finished',
    waitMean: 'Mean wait',
    waitP50: 'Median wait',
    waitP90: 'Wait, 90th percentile',
    waitMax: 'Longest wait',
    serviceMean: 'Mean service time',
    serviceP90: 'Service time, 90th percentile',
    withinTarget: 'Called within target',
    noShows: 'No-shows',
    noShowRate: 'No-show rate',
    transfers: 'Transfers',
    recalls: 'Recalls',
    paused: 'Time paused',
    accepted: 'Cases accepted',
    deferred: 'Accepted, material missing',
    refused: 'Refused',
    completed: 'Cases completed',
    completionRate: 'Completion rate',
    timelyRate: 'Completed on time',
    ratings: 'Ratings',
    satisfaction: 'Satisfied',
    bad: 'Poor ratings',
    badHandled: 'Poor ratings handled',
    skipped: 'Not rated',
  },
  group: { total: 'Total', day: 'Date', line: 'Business line', service: 'Service', window: 'Window', staff: 'Staff', hour: 'Hour' },
  line: { household: 'Household registration', traffic: 'Traffic management', exit_entry: 'Exit and entry' },
  window: (n) => `Window ${n}`,
  hour: (h) => `${String(h).padStart(2, '0')}:00–${String(h + 1).padStart(2, '0')}:00`,
  none: '(none)',
  total: 'Total',
  unitMinutes: 'min',
  unitPercent: '%',
  dailyTitle: 'Hall daily report',
  range: 'Period',
};

export function reportWords(language: CatalogLanguage): ReportWords {
  return language === 'en' ? en : zh;
}
