import { randomUUID } from 'node:crypto';
import { PEOPLE } from '../../scripts/backoffice-sim/data.js';
import { startSimProcess, type SimProcess } from '../support/backoffice-sim.js';
import { axe, clerkCalls, desk, tickPapers } from './case-steps.js';
import { expect, test, type Hall } from './fixtures.js';
import { adminSection, signInAdmin, supervisorHeaders } from './steps.js';

const SECRET = 'e2e-traffic-credential';

/** A kiosk terminal's credential, paired through a code the supervisor issued. */
async function kioskToken(hall: Hall, headers: Record<string, string>): Promise<string> {
  const issued = await fetch(`${hall.hub.url}/api/pairing-codes`, { method: 'POST', headers, body: JSON.stringify({ role: 'kiosk', name: '1号自助机' }) });
  const { code } = (await issued.json()) as { code: string };
  const paired = await fetch(`${hall.hub.url}/api/pair`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ code }) });
  return /yz_kiosk=([^;]+)/.exec(paired.headers.get('set-cookie') ?? '')?.[1] ?? '';
}

async function link(hall: Hall, headers: Record<string, string>, baseUrl: string, credential: string): Promise<void> {
  const r = await fetch(`${hall.hub.url}/api/back-office/links/traffic`, {
    method: 'PUT',
    headers,
    body: JSON.stringify({ baseUrl, timeoutMs: 3_000, credential }),
  });
  expect(r.status, await r.clone().text()).toBe(200);
}

/**
 * Issue 13 through the screens: the clerk sees the traffic platform's online check on the case,
 * the outage line while the platform is down and its end, the supervisor's since-time and pace
 * (dashboard alert, back-office panel) during the outage and after, and a supervisor mends a dead letter on
 * the admin screen (the credential set there, the message sent again).
 */
test.describe('the back office seen from the hall', () => {
  test.setTimeout(120_000);
  let sim: SimProcess;
  test.beforeEach(async () => {
    sim = await startSimProcess(['--credential', SECRET]);
  });
  test.afterEach(async () => {
    await sim.stop();
  });

  test('verification on the case, the outage line and its end, a dead letter sent again by the supervisor', async ({ hall }) => {
    const sup = await supervisorHeaders(hall);
    await link(hall, sup, sim.url, SECRET);
    const kiosk = await kioskToken(hall, sup);
    const submitted = await fetch(`${hall.hub.url}/api/applications`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${kiosk}` },
      body: JSON.stringify({
        requestId: randomUUID(),
        serviceCode: 'licence_renewal',
        form: { name: '测试甲', idNumber: PEOPLE.complete, phone: '13800138000' },
        materials: ['id_card', 'driving_licence'],
      }),
    });
    expect(submitted.status).toBe(200);
    const { application, ticket } = (await submitted.json()) as { application: { caseNumber: string }; ticket: { number: string } };
    const caseNumber = application.caseNumber;

    // 数据跑路: the electronic medical certificate was found online while the applicant waited.
    const clerk = await clerkCalls(hall, 'C901', '李警官', '3号窗口', ticket.number);
    const d = desk(clerk, caseNumber);
    await expect(d.getByText('已核验')).toBeVisible();

    // The traffic platform goes down: accepting goes on, and the console says what waits.
    await sim.mode({ mode: 'down', on: 'cases' });
    await tickPapers(clerk, caseNumber, ['本人居民身份证', '机动车驾驶证']);
    await d.getByRole('button', { name: '受理', exact: true }).click();
    await expect(d.getByText('已受理，正在办理', { exact: true })).toBeVisible();
    await expect(clerk.getByText(/交管平台 自 \d\d:\d\d 起无法连接 · 1 条待发送 · 最早 \d+ 分钟/)).toBeVisible({ timeout: 15_000 });
    await axe(clerk, 'clerk console with the outage line');

    // The supervisor sees since when, on the dashboard and the back-office panel, and that nothing moves.
    const admin = await hall.openScreen('admin', '值班长 PC');
    await signInAdmin(admin, hall.admin);
    await adminSection(admin, '大厅看板');
    await expect(admin.getByText(/^后台系统自 \d\d:\d\d 起连接中断：交管平台$/)).toBeVisible();
    await adminSection(admin, '后台系统');
    const pace = admin.getByRole('region', { name: '各后台系统的发送进度' }).getByRole('row', { name: /交管平台/ });
    await expect(pace).toContainText(/自 \d\d:\d\d 起无法连接/);
    await expect(pace.getByRole('cell', { name: '1', exact: true })).toBeVisible();
    await expect(pace).toContainText('已停滞，没有消息发出');
    await axe(admin, 'admin back offices during an outage');

    await sim.mode({ mode: 'up' });
    await expect(clerk.getByText('交管平台 已恢复连接，全部已发送')).toBeVisible({ timeout: 30_000 });
    // Pushed to the panel: back since when, the one message sent counted in the pace.
    await expect(pace).toContainText(/\d\d:\d\d 起已恢复/);
    await expect(pace).toContainText(/每分钟 [1-9][\d.]* 条/);
    await expect(pace).toContainText('没有待发送的消息');
    expect((await sim.ledger()).entries.map((e) => [e.caseNumber, e.sequence])).toEqual([[caseNumber, 1]]);

    // A wrong credential: the platform refuses the status change, which is dead-lettered at once.
    await link(hall, sup, sim.url, 'not-the-credential');
    await d.getByRole('button', { name: '当场办结' }).click();
    await expect(clerk.getByText('交管平台：1 条发送失败，待主管处理')).toBeVisible({ timeout: 15_000 });

    const deadTable = admin.getByRole('region', { name: '发送失败（待处理）' });
    await expect(deadTable.getByText(caseNumber)).toBeVisible();
    await expect(deadTable.getByText('HTTP 401')).toBeVisible();
    const form = admin.getByRole('form', { name: '交管平台 连接设置' });
    await expect(form.getByText('已设置（不显示）。输入新值可替换。')).toBeVisible();
    await form.getByLabel('接口凭证').fill(SECRET);
    await form.getByRole('button', { name: '保存' }).click();
    await expect(form.getByText('交管平台 连接已保存。')).toBeVisible();
    await expect(form.getByLabel('接口凭证')).toHaveValue('');
    await axe(admin, 'admin back offices');
    await admin.getByRole('button', { name: `重新发送 ${caseNumber}` }).click();
    await expect(admin.getByText('没有发送失败的消息。')).toBeVisible();
    await expect.poll(async () => (await sim.ledger()).entries.map((e) => e.sequence), { timeout: 15_000 }).toEqual([1, 2]);
    await expect(clerk.getByText('交管平台：1 条发送失败，待主管处理')).toHaveCount(0);
  });
});
