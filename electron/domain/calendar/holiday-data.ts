/**
 * The statutory holidays and make-up working days (调休) as the State Council publishes them each
 * year, shipped as data. Time limits (承诺时限) and 容缺 deadlines count working days against this
 * calendar; a supervisor corrects or completes it on the admin screen (calendar_days overrides).
 */
export interface HolidayPeriod {
  /** First and last day off, YYYY-MM-DD, both included. */
  from: string;
  to: string;
  name: string;
}

export interface ShippedYear {
  year: number;
  /** The full arrangement with its 调休 was published (else only the statutory days themselves). */
  published: boolean;
  /** Where the dates come from, for the supervisor who checks them. */
  source: string;
  holidays: readonly HolidayPeriod[];
  /** Weekend days that are working days (调休上班). */
  workdays: readonly { day: string; name: string }[];
}

export const SHIPPED_CALENDAR: readonly ShippedYear[] = [
  {
    year: 2026,
    published: true,
    // As published in full by Xinhua on 2025-11-04 (e.g. politics.gmw.cn/2025-11/04/content_38391083.htm).
    source: '国务院办公厅关于2026年部分节假日安排的通知（2025年11月4日）',
    holidays: [
      { from: '2026-01-01', to: '2026-01-03', name: '元旦' },
      { from: '2026-02-15', to: '2026-02-23', name: '春节' },
      { from: '2026-04-04', to: '2026-04-06', name: '清明节' },
      { from: '2026-05-01', to: '2026-05-05', name: '劳动节' },
      { from: '2026-06-19', to: '2026-06-21', name: '端午节' },
      { from: '2026-09-25', to: '2026-09-27', name: '中秋节' },
      { from: '2026-10-01', to: '2026-10-07', name: '国庆节' },
    ],
    workdays: [
      { day: '2026-01-04', name: '元旦调休上班' },
      { day: '2026-02-14', name: '春节调休上班' },
      { day: '2026-02-28', name: '春节调休上班' },
      { day: '2026-05-09', name: '劳动节调休上班' },
      { day: '2026-09-20', name: '国庆节调休上班' },
      { day: '2026-10-10', name: '国庆节调休上班' },
    ],
  },
  {
    year: 2027,
    // The State Council publishes each year's arrangement in November or December of the year
    // before; 2027's was not out when this was written. These are the statutory days themselves
    // (全国年节及纪念日放假办法, 2024 revision: 元旦 1, 春节 4 from New Year's Eve, 清明 1,
    // 劳动节 2, 端午 1, 中秋 1, 国庆 3), lunar dates from the Purple Mountain Observatory's
    // calendar. The supervisor adds the bridging days off and the make-up working days once the
    // notice is published.
    published: false,
    source: '全国年节及纪念日放假办法（法定假日；2027年调休安排尚未公布）',
    holidays: [
      { from: '2027-01-01', to: '2027-01-01', name: '元旦' },
      { from: '2027-02-05', to: '2027-02-08', name: '春节' },
      { from: '2027-04-05', to: '2027-04-05', name: '清明节' },
      { from: '2027-05-01', to: '2027-05-02', name: '劳动节' },
      { from: '2027-06-09', to: '2027-06-09', name: '端午节' },
      { from: '2027-09-15', to: '2027-09-15', name: '中秋节' },
      { from: '2027-10-01', to: '2027-10-03', name: '国庆节' },
    ],
    workdays: [],
  },
];
