import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import i18next from 'i18next';
import { detailText, type DetailLookups } from '../../renderer/src/screens/admin/audit-text.js';

const zh = JSON.parse(readFileSync(new URL('../../renderer/src/i18n/locales/zh-CN.json', import.meta.url), 'utf8')) as Record<string, unknown>;
const i18n = i18next.createInstance();
await i18n.init({ showSupportNotice: false, lng: 'zh-CN', resources: { 'zh-CN': { translation: zh } }, interpolation: { escapeValue: false } });
const t = (key: string, values?: Record<string, string | number>) => i18n.t(key, values);

const look: DetailLookups = {
  service: (code) => ({ household_certificate: '户籍证明', hukou_move_local: '户口迁移（区内）' })[code] ?? null,
  material: (service, code) => (service === 'hukou_move_local' && code === 'owner_consent' ? '房屋产权人同意落户书面意见' : null),
};

describe('the audit detail in words', () => {
  it('reads the parts the host writes, in the supervisor’s language', () => {
    expect(detailText('window 3; green', t, look)).toBe('3号窗口；绿色通道优先');
    expect(detailText('window 1; recall 2', t, look)).toBe('1号窗口；第 2 次重呼');
    expect(detailText('household_certificate; promised 2026-12-08', t, look)).toBe('户籍证明；承诺办结 2026-12-08');
    expect(detailText('household_certificate; completed', t, look)).toBe('户籍证明；已办结');
    expect(detailText('hukou_move_local; missing owner_consent, photo; by 2026-12-10; kinship pledge', t, look)).toBe(
      '户口迁移（区内）；容缺：房屋产权人同意落户书面意见、photo；补交期限 2026-12-10；附亲属关系承诺书',
    );
    expect(detailText('A household/traffic; B exit_entry', t, look)).toBe('A 岗：户政业务、交管业务；B 岗：出入境业务');
  });

  it('leaves what it does not know as written (a newer host, free text), and nothing as nothing', () => {
    expect(detailText('', t, look)).toBe('');
    expect(detailText('older than 180 days: applications 3', t, look)).toBe('older than 180 days: applications 3');
    expect(detailText('some_new_code; window 2', t, look)).toBe('some_new_code；2号窗口');
  });
});
