import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { LINE_LETTER } from '../../electron/domain/business-lines.js';
import type { BusinessLine } from '../../electron/domain/business-lines.js';
import { callTokens } from '../../renderer/src/screens/display/voice/tokens.js';
import { redeemLink } from '../../scripts/lib/hub-process.js';
import { expect, STAFF_PIN, test } from './fixtures.js';
import type { Hall } from './fixtures.js';
import { adminSection, supervisorHeaders } from './steps.js';

/** axe-core over the page, or one part of it. */
async function expectNoViolations(page: Page, label: string, include?: string): Promise<void> {
  let axe = new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice']);
  if (include) axe = axe.include(include);
  const results = await axe.analyze();
  const summary = results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  expect(summary, `${label} has accessibility violations`).toEqual([]);
}

/** A terminal credential of the given role, paired through the API (as a script would). */
async function terminal(hall: Hall, role: 'kiosk' | 'clerk'): Promise<string> {
  const res = await fetch(`${hall.hub.url}/api/pairing-codes`, {
    method: 'POST',
    headers: await supervisorHeaders(hall),
    body: JSON.stringify({ role, name: `${role} (api)` }),
  });
  const { code } = (await res.json()) as { code: string };
  return redeemLink(`${hall.hub.url}/pair?code=${code}&role=${role}`);
}

async function post(hall: Hall, path: string, token: string, body: unknown = {}, staff?: string): Promise<Response> {
  const res = await fetch(`${hall.hub.url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, ...(staff ? { 'x-yizhan-staff': staff } : {}) },
    body: JSON.stringify(body),
  });
  expect(res.status, `${path}: ${await res.clone().text()}`).toBe(200);
  return res;
}

/** A signed-in clerk at window 1 (opened), and a kiosk; returns the line window 1 serves first. */
async function arrangeWindow(hall: Hall) {
  await hall.createStaff('C101', '窗口甲', 'clerk');
  const clerk = await terminal(hall, 'clerk');
  const kiosk = await terminal(hall, 'kiosk');
  const signIn = await post(hall, '/api/staff/sign-in', clerk, { staffNo: 'C101', pin: STAFF_PIN });
  const staff = /yz_staff_[a-z]+=([^;]+)/.exec(signIn.headers.get('set-cookie') ?? '')?.[1];
  if (!staff) throw new Error('no staff session');
  const windows = (await (await fetch(`${hall.hub.url}/api/windows`, { headers: { authorization: `Bearer ${hall.adminToken}` } })).json()) as {
    windows: { id: number; number: number; primary: BusinessLine[] }[];
  };
  const w = windows.windows.find((x) => x.number === 1)!;
  await post(hall, `/api/windows/${w.id}/open`, clerk, {}, staff);
  const line = w.primary[0]!;
  return {
    letter: LINE_LETTER[line],
    issue: () => post(hall, '/api/tickets', kiosk, { line }),
    action: (a: 'call-next' | 'start' | 'recall') => post(hall, `/api/windows/${w.id}/${a}`, clerk, {}, staff),
  };
}

const played = (page: Page) => page.locator('#voice-log li').allTextContents();

test('the display shows a call at once and announces every call whole, in order', async ({ hall }) => {
  test.setTimeout(120_000);
  const display = await hall.openScreen('display');
  await expect(display.locator('#voice-log')).toHaveAttribute('data-state', 'idle');
  const win = await arrangeWindow(hall);
  await win.issue();
  await win.issue();

  const first = `${win.letter}001`;
  const second = `${win.letter}002`;
  const started = Date.now();
  await win.action('call-next');
  await expect(display.locator('.display-current__number')).toHaveText(first, { timeout: 2000 });
  // Pushed, not polled: well inside a second even on a loaded CI machine (200 ms on a hall PC).
  expect(Date.now() - started).toBeLessThan(1500);

  // A second call while the first is still being spoken: it waits its turn, nothing is cut.
  await win.action('start');
  await win.action('call-next');
  await expect(display.locator('.display-current__number')).toHaveText(second);
  const one = ['chime', ...callTokens({ number: first, windowNumber: 1 }, 'zh-CN')];
  const two = ['chime', ...callTokens({ number: second, windowNumber: 1 }, 'zh-CN')];
  expect(one).toEqual(['chime', '请', win.letter, '零', '零', '一', '号', '到', '一', '号', '窗口', '办理']);
  await expect.poll(() => played(display), { timeout: 40_000 }).toEqual([...one, ...two]);
  await expect(display.locator('#voice-log li[data-result="played"]')).toHaveCount(one.length + two.length);
  await expect(display.locator('#voice-log')).toHaveAttribute('data-state', 'idle');

  // A recall is marked on screen, flashes again and is announced again.
  await win.action('recall');
  await expect(display.getByTestId('recall-marker')).toBeVisible();
  await expect(display.locator('.display-current--flash')).toBeVisible();
  const again = ['chime', ...callTokens({ number: second, windowNumber: 1 }, 'zh-CN', true)];
  await expect.poll(() => played(display), { timeout: 30_000 }).toEqual([...one, ...two, ...again]);
  await expect(display.getByText(/约 \d+ 分钟|无需等候|暂无开放窗口/).first()).toBeVisible();
  await expectNoViolations(display, 'display after a recall');
});

test('a notice saved on the admin screen scrolls on the display without a reload', async ({ hall }) => {
  await hall.ensureAdmin();
  const display = await hall.openScreen('display');
  await expect(display.locator('#voice-log')).toBeAttached();
  await expect(display.getByTestId('display-notice')).toHaveCount(0);

  const admin = await hall.openScreen('admin');
  await admin.getByLabel('工号', { exact: true }).fill(hall.admin.staffNo);
  await admin.getByLabel('密码', { exact: true }).fill(hall.admin.pin);
  await admin.getByRole('button', { name: '登录', exact: true }).click();
  await expect(admin.getByText(/已登录：/)).toBeVisible();
  await adminSection(admin, '大厅设置');
  const notice = '今日 12:00–13:00 出入境窗口照常办理。';
  await admin.getByLabel('叫号屏滚动通知').fill(notice);
  await admin.getByRole('button', { name: '保存', exact: true }).first().click();
  await expect(admin.getByText('已保存。叫号屏和窗口已立即按新设置运行。')).toBeVisible();
  await expect(display.getByTestId('display-notice')).toHaveText(notice);
  await expectNoViolations(display, 'display with a notice');
});

test('a new hall: first administrator, sign-in, settings, windows, staff and appointments through the admin screen', async ({ hall }) => {
  test.setTimeout(120_000);
  expect(hall.hub.setupCode).toBeTruthy();
  const admin = await hall.openBannerAdmin();
  await expect(admin.getByRole('heading', { name: '创建第一个管理员账号' })).toBeVisible();
  await admin.getByRole('button', { name: '创建管理员' }).click();
  // GOV.UK pattern: the summary takes focus and links to each field.
  await expect(admin.locator('.error-summary')).toBeFocused();
  await expect(admin.getByRole('link', { name: /初始化码: 此项必填/ })).toBeVisible();
  await expectNoViolations(admin, 'admin setup with errors');
  await admin.getByLabel('初始化码').fill(hall.hub.setupCode!);
  await admin.getByLabel('工号', { exact: true }).fill('S900');
  await admin.getByLabel('姓名', { exact: true }).fill('王主任');
  await admin.getByLabel('密码', { exact: true }).fill('135792');
  await admin.getByLabel('再次输入密码').fill('135792');
  await admin.getByRole('button', { name: '创建管理员' }).click();
  // Setting up signs the new administrator in: the screen says so, and does not ask for the PIN again.
  await expect(admin.getByText('管理员账号已创建，您已登录。')).toBeVisible();
  await expect(admin.getByText('已登录：王主任（工号 S900，管理员）')).toBeVisible();
  await admin.getByRole('button', { name: '退出登录' }).click();
  await expect(admin.getByText('已退出登录。')).toBeVisible();

  // A wrong PIN is refused in words, then the right one signs in.
  await admin.getByLabel('工号', { exact: true }).fill('S900');
  await admin.getByLabel('密码', { exact: true }).fill('000000');
  await admin.getByRole('button', { name: '登录', exact: true }).click();
  await expect(admin.getByText(/工号或密码不正确/)).toBeVisible();
  await admin.getByLabel('密码', { exact: true }).fill('135792');
  await admin.getByRole('button', { name: '登录', exact: true }).click();
  await expect(admin.getByText('已登录：王主任（工号 S900，管理员）')).toBeVisible();
  await adminSection(admin, '审计日志');
  await expect(admin.getByTestId('audit-chain')).toHaveText('哈希链完整');
  await adminSection(admin, '大厅设置');
  await expectNoViolations(admin, 'admin signed in');

  // Settings: a value out of range is caught at the field and in the summary.
  await admin.getByLabel('重呼次数上限（次）').fill('99');
  await admin.getByRole('button', { name: '保存', exact: true }).first().click();
  await expect(admin.getByRole('link', { name: /重呼次数上限.*请输入 0 到 10 之间的整数/ })).toBeVisible();
  await expectNoViolations(admin, 'settings with an error');
  await admin.getByLabel('重呼次数上限（次）').fill('3');
  await admin.getByLabel('英语').check();
  await admin.getByRole('button', { name: '保存', exact: true }).first().click();
  await expect(admin.getByText('已保存。叫号屏和窗口已立即按新设置运行。')).toBeVisible();

  // Windows: window 1 gets a new name and a backup line.
  await adminSection(admin, '窗口');
  await admin.getByRole('button', { name: '编辑 1 号窗口' }).click();
  await admin.getByLabel('窗口名称').fill('综合窗口');
  // Window 1 serves household (A) out of the box; traffic becomes its backup (B) line.
  const primary = admin.getByRole('group', { name: 'A 岗业务（优先）' });
  const backup = admin.getByRole('group', { name: 'B 岗业务（补位）' });
  await expect(primary.getByRole('checkbox', { name: '户政业务' })).toBeChecked();
  await backup.getByRole('checkbox', { name: '交管业务' }).check();
  // A line is never both: ticking household as B takes it out of A, and back.
  await backup.getByRole('checkbox', { name: '户政业务' }).check();
  await expect(primary.getByRole('checkbox', { name: '户政业务' })).not.toBeChecked();
  await primary.getByRole('checkbox', { name: '户政业务' }).check();
  await expect(backup.getByRole('checkbox', { name: '户政业务' })).not.toBeChecked();
  await expectNoViolations(admin, 'window form');
  await admin.getByRole('button', { name: '保存', exact: true }).last().click();
  await expect(admin.getByText('窗口已保存。')).toBeVisible();
  await expect(admin.getByRole('row', { name: /综合窗口 户政业务 交管业务/ })).toBeVisible();

  // Staff: a new clerk gets a one-time enrolment code that works.
  await adminSection(admin, '工作人员');
  await admin.getByLabel('工号', { exact: true }).fill('C300');
  await admin.getByLabel('姓名', { exact: true }).fill('李四');
  await admin.getByLabel('角色').selectOption('clerk');
  await admin.getByRole('button', { name: '新增并生成激活码' }).click();
  const code = (await admin.getByTestId('enrollment-code').textContent())?.trim() ?? '';
  expect(code.length).toBeGreaterThan(3);
  await expect(admin.getByRole('row', { name: /C300.*李四.*待设置密码/ })).toBeVisible();
  await expectNoViolations(admin, 'staff code issued');
  const enrolled = await fetch(`${hall.hub.url}/api/staff/enroll`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${hall.adminToken}` },
    body: JSON.stringify({ staffNo: 'C300', code, pin: '8642' }),
  });
  expect(enrolled.status).toBe(200);

  // Appointments: tomorrow 10:00 hall time.
  const tomorrow = new Date(Date.now() + 8 * 3_600_000 + 86_400_000).toISOString().slice(0, 10);
  await adminSection(admin, '预约');
  const booking = admin.getByRole('region', { name: '登记预约' });
  await booking.getByLabel('日期', { exact: true }).fill(tomorrow);
  await booking.getByLabel('时间', { exact: true }).fill('10:00');
  await admin.getByRole('button', { name: '登记预约' }).click();
  await expect(admin.getByTestId('appointment-code')).not.toBeEmpty();
  await expectNoViolations(admin, 'appointment booked');

  await admin.getByRole('button', { name: '退出登录' }).click();
  await expect(admin.getByText('已退出登录。')).toBeVisible();
});
