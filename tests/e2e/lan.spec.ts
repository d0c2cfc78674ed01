import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { appRoot } from '../../db/app-root.js';
import { AGENT_PING_MS, AGENT_SILENCE_MS } from '../../electron/domain/contract/agent-link.js';
import { canMakeNamespaces } from '../../scripts/lib/netns.js';
import { ADMIN, startLanHall, type LanHall } from './lan-hall.js';
import { answerChoice, submitAndConfirm, tickMaterials, toIdentify, typeOnPad, ZH } from './kiosk-steps.js';
import { adminSection, signInAdmin } from './steps.js';

/**
 * The hall on its LAN (issue 15), across real network hops: the hub, a kiosk and a clerk PC each
 * in their own network namespace on one bridge, each terminal with its agent (the built
 * `npm run terminal`) and its screen in a Chromium on that machine; cables pulled with
 * `ip link set … down`, the hub SIGKILLed, an agent frozen.
 */
const namespaces = canMakeNamespaces();
if (!namespaces && process.env['CI']) throw new Error('CI runs as root with iproute2 (ip netns): the LAN tests need network namespaces');
// Skipped only where network namespaces cannot be made (not root, no iproute2); under CI=true the line above throws instead.
test.skip(!namespaces, 'needs root and iproute2 to make network namespaces');
test.describe.configure({ timeout: 150_000 });

let hall: LanHall | null = null;
test.afterEach(async () => {
  const h = hall;
  hall = null;
  if (!h) return;
  const errors = [...h.pageErrors];
  await h.close();
  expect(errors).toEqual([]);
});

const slipsOf = (dir: string) => (existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.pdf')) : []);
const banner = (page: Page) => page.locator('.connection-banner');

/** Records what a page's WebSocket receives: every frame, and the card reads among them. */
function frames(page: Page): { all: string[]; cards: string[] } {
  const seen = { all: [] as string[], cards: [] as string[] };
  page.on('websocket', (ws) =>
    ws.on('framereceived', (f) => {
      if (typeof f.payload !== 'string') return;
      seen.all.push(f.payload);
      if (f.payload.includes('"device.card"')) seen.cards.push(f.payload);
    }),
  );
  return seen;
}

/** A household certificate from the card on the kiosk's own reader, up to "check your answers". */
async function journeyToCheck(h: LanHall, kiosk: Page, kioskData: string): Promise<void> {
  await toIdentify(kiosk, '户政业务', '户籍证明');
  await simOn(h, 'kiosk', kioskData, 'card', 'put', 'resident');
  await expect(kiosk.getByRole('heading', { name: '手机号码' })).toBeVisible();
  await typeOnPad(kiosk, '数字键盘', '13912345678');
  await kiosk.getByRole('button', { name: ZH.continue, exact: true }).click();
  await answerChoice(kiosk, '用途', '就业');
  await tickMaterials(kiosk, ['本人居民身份证']);
  await expect(kiosk.getByRole('heading', { name: ZH.check })).toBeVisible();
}

/** `npm run sim` on that machine, against its agent's simulator. */
async function simOn(h: LanHall, machine: string, dataDir: string, ...args: string[]): Promise<void> {
  const { execFileSync } = await import('node:child_process');
  const out = execFileSync(
    h.lan.wrap(machine)[0] ?? 'ip',
    [...h.lan.wrap(machine).slice(1), process.execPath, join(appRoot(), 'out', 'scripts', 'sim.js'), '--data-dir', dataDir, ...args],
    {
      encoding: 'utf8',
    },
  );
  expect(out).toMatch(/^ok/);
}

test("a card on the kiosk's reader reaches that kiosk's screen and no other; its slip comes out of the kiosk's printer", async () => {
  const h = (hall = await startLanHall(['kiosk', 'clerk']));
  // The kiosk machine's printer (a folder: the namespaces share the disk, not the network).
  const kioskPrinter = join(h.hubData, 'kiosk-printer');
  const kioskAgent = await h.agent('kiosk', 'kiosk', '1号自助机', ['--simulate-devices', '--printer', `folder:${kioskPrinter}`]);
  const clerkAgent = await h.agent('clerk', 'clerk', '1号窗口');
  let toKiosk = { all: [] as string[], cards: [] as string[] };
  let toClerk = { all: [] as string[], cards: [] as string[] };
  const kiosk = await h.screen('kiosk', kioskAgent, (p) => (toKiosk = frames(p)));
  const clerk = await h.screen('clerk', clerkAgent, (p) => (toClerk = frames(p)));
  await expect(kiosk.getByRole('heading', { name: ZH.welcome })).toBeVisible();
  await expect(clerk.getByLabel('工号', { exact: true })).toBeVisible();

  await journeyToCheck(h, kiosk, kioskAgent.dataDir);
  // The masked number on the kiosk (what came from its reader), never the whole one.
  await expect(kiosk.getByText('**************002X')).toBeVisible();
  await submitAndConfirm(kiosk);
  expect(toKiosk.cards.length).toBeGreaterThanOrEqual(1);
  // The clerk's screen was listening all along (the new ticket's queue state reached it), and
  // no card read did.
  await expect.poll(() => toClerk.all.filter((f) => f.includes('"queue.state"')).length).toBeGreaterThan(0);
  expect(toClerk.cards).toEqual([]);

  await expect.poll(() => slipsOf(kioskPrinter).length, { timeout: 15_000 }).toBe(1);
  expect(slipsOf(join(h.hubData, 'hub-printer'))).toEqual([]);
  const [job] = h.db<{ state: string; printer: string }>(`SELECT state, printer FROM print_jobs`);
  expect(job?.printer).toContain(`folder:${kioskPrinter}`);
});

test("the kiosk's cable pulled during a submission and plugged back: the screen says so and recovers, one application and one ticket exist", async () => {
  const h = (hall = await startLanHall(['kiosk']));
  const kioskAgent = await h.agent('kiosk', 'kiosk', '1号自助机', ['--simulate-devices']);
  const kiosk = await h.screen('kiosk', kioskAgent);
  await expect(kiosk.getByRole('heading', { name: ZH.welcome })).toBeVisible();
  await journeyToCheck(h, kiosk, kioskAgent.dataDir);

  // The hub is frozen for a moment so that the submission reaches it and its answer cannot
  // get back: the cable is pulled between the two.
  const hubPid = h.hub.child.pid ?? 0;
  process.kill(hubPid, 'SIGSTOP');
  const sent = kiosk.waitForRequest((r) => r.url().endsWith('/api/applications') && r.method() === 'POST');
  await kiosk.getByRole('button', { name: ZH.submit }).click();
  await sent;
  h.lan.cut('kiosk');
  process.kill(hubPid, 'SIGCONT');
  const cutAt = Date.now();

  // Within seconds the screen says plainly that it is reconnecting, and offers nothing meanwhile.
  await expect(banner(kiosk)).toContainText('正在重新连接', { timeout: 12_000 });
  expect(Date.now() - cutAt).toBeLessThan(12_000);
  await expect(kiosk.getByRole('alert').filter({ hasText: '您已填写的内容会保留' })).toBeVisible();
  await expect(kiosk.locator('main.kiosk-main')).toHaveAttribute('inert', '');
  // The answer is lost (the request times out): the kiosk tells the citizen it will complete once.
  await expect(banner(kiosk)).toContainText('连接恢复后会自动完成，不会重复办理', { timeout: 20_000 });
  // The hub has the application already (it answered into the cut cable).
  expect(h.db<{ n: number }>(`SELECT count(*) AS n FROM applications`)[0]?.n).toBe(1);

  h.lan.restore('kiosk');
  await expect(kiosk.getByRole('heading', { name: ZH.confirmed })).toBeVisible({ timeout: 30_000 });
  await expect(banner(kiosk)).toContainText('只办理了一次');
  await expect(kiosk.locator('.connection-banner-slot')).toHaveAttribute('data-connection', 'open');
  expect(h.db<{ n: number }>(`SELECT count(*) AS n FROM applications`)[0]?.n).toBe(1);
  expect(h.db<{ n: number }>(`SELECT count(*) AS n FROM tickets`)[0]?.n).toBe(1);
  const shown = (await kiosk.locator('.ticket__number').textContent())?.trim();
  expect(h.db<{ number: string }>(`SELECT number FROM tickets`)[0]?.number).toBe(shown);
});

test('the hub SIGKILLed and restarted: every terminal reconnects by itself, pending print jobs print once', async () => {
  const h = (hall = await startLanHall(['kiosk', 'clerk']));
  // The kiosk machine's printer (a folder: the namespaces share the disk, not the network).
  const kioskPrinter = join(h.hubData, 'kiosk-printer');
  const kioskAgent = await h.agent('kiosk', 'kiosk', '1号自助机', ['--printer', `folder:${kioskPrinter}`]);
  const clerkAgent = await h.agent('clerk', 'clerk', '1号窗口');
  const kiosk = await h.screen('kiosk', kioskAgent);
  const clerk = await h.screen('clerk', clerkAgent);
  // This PC's own clock is 3 h 17 min slow: the display shows the hub's time all the same.
  const display = await h.pairedScreen('clerk', 'display', '大厅叫号屏', (p) => p.clock.install({ time: Date.now() - (3 * 60 + 17) * 60_000 }));
  const hubTime = (at: number) => new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', timeZone: 'Asia/Shanghai' }).format(at);
  await expect(display.locator('.display-clock')).toHaveText(new RegExp(`^(${hubTime(Date.now())}|${hubTime(Date.now() + 60_000)})$`));
  await expect(kiosk.getByRole('heading', { name: ZH.welcome })).toBeVisible();
  const kioskToken = kioskAgent.credential().token;
  const take = () =>
    fetch(`${h.url}/api/tickets`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${kioskToken}` },
      body: JSON.stringify({ line: 'traffic' }),
    }).then((r) => expect(r.status).toBe(200));
  await take();
  await expect.poll(() => slipsOf(kioskPrinter).length, { timeout: 15_000 }).toBe(1);
  const traffic = display.locator('.display-waiting__item[data-line="traffic"] .display-waiting__count');
  await expect(traffic).toHaveText('1 人');

  // Slips for a kiosk whose cable is out wait at the hub; then the hub dies.
  h.lan.cut('kiosk');
  for (let i = 0; i < 3; i++) await take();
  await expect(traffic).toHaveText('4 人');
  await h.restartHub(async () => {
    // With the hub gone the display keeps its last state under the notice, not a blank page.
    await expect(banner(display)).toContainText('正在重新连接');
    await expect(traffic).toHaveText('4 人');
    await expect(banner(clerk)).toContainText('正在重新连接');
    h.lan.restore('kiosk');
  });

  // Every screen and agent is back by itself.
  for (const page of [kiosk, clerk, display])
    await expect(page.locator('.connection-banner-slot')).toHaveAttribute('data-connection', 'open', { timeout: 20_000 });
  await kioskAgent.connected(2);
  await clerkAgent.connected(2);
  await expect.poll(() => slipsOf(kioskPrinter).length, { timeout: 30_000 }).toBe(4);
  await expect
    .poll(() => h.db<{ state: string }>(`SELECT state FROM print_jobs`).map((j) => j.state), { timeout: 15_000 })
    .toEqual(['completed', 'completed', 'completed', 'completed']);
  // Once each: four tickets, four papers, four titles.
  expect(new Set(slipsOf(kioskPrinter)).size).toBe(4);
  await new Promise((r) => setTimeout(r, 2_000));
  expect(slipsOf(kioskPrinter)).toHaveLength(4);
});

test('a terminal whose agent stops shows as offline on the admin screen within a heartbeat', async ({ page: admin }) => {
  const h = (hall = await startLanHall(['clerk']));
  const clerkPrinter = join(h.hubData, 'clerk-printer');
  const clerkAgent = await h.agent('clerk', 'clerk', '3号窗口', ['--simulate-devices', '--printer', `folder:${clerkPrinter}`]);
  await admin.context().addCookies([{ name: 'yz_admin', value: h.adminToken, url: h.url, httpOnly: true, sameSite: 'Strict' }]);
  await admin.goto(`${h.url}/admin`);
  await signInAdmin(admin, ADMIN);
  await adminSection(admin, '打印机');
  await expect(admin.locator('article.printer').filter({ hasText: '3号窗口' })).toContainText(`终端本机打印机：folder:${clerkPrinter}`);
  // The machine as its agent reported it: role, version, its devices and printer with their state.
  await adminSection(admin, '终端与设备');
  const row = admin.getByTestId('terminals-panel').locator('tr').filter({ hasText: '3号窗口' });
  await expect(row.locator('[data-presence]')).toHaveText('在线');
  await expect(row).toContainText('0.1.0');
  await expect(row).toContainText('模拟身份证阅读器');
  await expect(row).toContainText(`agent:folder:${clerkPrinter}`);
  const devices = admin.getByTestId('devices-panel').locator('tbody tr').filter({ hasText: '终端本机设备' });
  await expect(devices).toHaveCount(2);
  await expect(devices.first()).toContainText('已连接');

  // Frozen: no close, no word; only the heartbeat can tell.
  const pid = clerkAgent.child.pid ?? 0;
  process.kill(pid, 'SIGSTOP');
  const stoppedAt = Date.now();
  try {
    await expect(row.locator('[data-presence]')).toHaveText(/离线/, { timeout: AGENT_SILENCE_MS + 2 * AGENT_PING_MS + 2_000 });
    expect(Date.now() - stoppedAt).toBeLessThan(AGENT_SILENCE_MS + 2 * AGENT_PING_MS + 2_000);
    // Its devices are out of reach with it.
    await expect(devices.first()).toContainText('不可用');
  } finally {
    process.kill(pid, 'SIGCONT');
  }
  await expect(row.locator('[data-presence]')).toHaveText('在线', { timeout: 15_000 });
  // Stopped for good (SIGTERM): offline at once.
  await clerkAgent.stop();
  await expect(row.locator('[data-presence]')).toHaveText(/离线/, { timeout: 3_000 });
});
