import { AxeBuilder } from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { appRoot } from '../../db/app-root.js';
import { redeemLink, startHubProcess, type HubProcess } from '../../scripts/lib/hub-process.js';
import { adminSection, signInAdmin, wedgeScan } from './steps.js';

const run = promisify(execFile);

/** The real CLI a person uses (`npm run sim -- …`), against the hub's data folder. */
async function sim(hub: HubProcess, ...args: string[]): Promise<string> {
  const { stdout } = await run(process.execPath, [join(appRoot(), 'out', 'scripts', 'sim.js'), '--data-dir', hub.dataDir, ...args]);
  return stdout;
}

let hub: HubProcess;
let pageErrors: string[];

test.beforeEach(async () => {
  hub = await startHubProcess({ args: ['--simulate-devices'] });
  pageErrors = [];
});
test.afterEach(async () => {
  const code = await hub.stop();
  hub.removeDataDir();
  expect(code, hub.output()).toBe(0);
  expect(pageErrors).toEqual([]);
});

async function openAdmin(page: Page): Promise<void> {
  page.on('pageerror', (e) => pageErrors.push(e.message));
  const token = await redeemLink(hub.links.admin!);
  // Pairing a terminal and binding a device are configuration changes: the first administrator,
  // set up with the banner's code, signs in for them.
  const admin = { staffNo: 'S001', pin: '135790' };
  const setup = await fetch(`${hub.url}/api/staff/setup`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ setupCode: hub.setupCode, name: '管理员', ...admin }),
  });
  expect(setup.status).toBe(200);
  const session = /yz_staff_[a-z]+=([^;]+)/.exec(setup.headers.get('set-cookie') ?? '')?.[1] ?? '';
  const res = await fetch(`${hub.url}/api/pairing-codes`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, 'x-yizhan-staff': session },
    body: JSON.stringify({ role: 'admin', name: 'device test' }),
  });
  const { code } = (await res.json()) as { code: string };
  await page.goto(`${hub.url}/pair?code=${code}&role=admin`);
  await page.waitForURL(/\/admin$/);
  await signInAdmin(page, admin);
  await adminSection(page, '终端与设备');
}

function deviceRow(page: Page, kind: '身份证阅读器' | '扫码枪') {
  return page.locator('[data-testid="devices-panel"] tbody tr').filter({ hasText: kind });
}

test('a simulated card put on the reader shows masked on the admin test area', async ({ page }) => {
  await openAdmin(page);
  const reader = deviceRow(page, '身份证阅读器');
  await expect(reader.getByText('已连接')).toBeVisible();
  await reader.getByRole('button', { name: '在本屏测试' }).click();
  await expect(reader.getByText('本屏')).toBeVisible();

  expect(await sim(hub, 'card', 'put', 'resident')).toMatch(/^ok/);
  await expect(page.getByTestId('device-card-name')).toHaveText('张*明');
  await expect(page.getByTestId('device-card-id')).toHaveText('**************002X');
  await expect(page.getByTestId('device-last-card')).not.toContainText('张晓明');
  await expect(page.getByTestId('device-last-card')).not.toContainText('11010519491231002X');

  await sim(hub, 'card', 'remove');
  await page.waitForTimeout(400);
  await sim(hub, 'card', 'put', 'bad-check-digit');
  await expect(page.getByTestId('device-card-failure')).toContainText('该证件数据校验未通过');
  await expect(page.getByTestId('device-card-failure')).toContainText('手工录入');

  const axe = await new AxeBuilder({ page }).include('[data-testid="devices-panel"]').withTags(['wcag2a', 'wcag2aa', 'wcag21aa']).analyze();
  expect(axe.violations.map((v) => v.id)).toEqual([]);
});

test('a code typed at scanner speed is a scan; typed by a person it is not', async ({ page }) => {
  await openAdmin(page);
  await expect(page.getByTestId('device-last-scan')).toContainText('尚未扫码');
  await page.locator('h1').click();
  await wedgeScan(page, 'YZ2026112400042');
  await expect(page.getByTestId('device-scan-text')).toHaveText('YZ2026112400042');
  await expect(page.getByTestId('device-last-scan')).toContainText('键盘模式');

  await page.keyboard.type('SLOW1234567', { delay: 150 });
  await page.keyboard.press('Enter');
  await page.waitForTimeout(300);
  await expect(page.getByTestId('device-scan-text')).toHaveText('YZ2026112400042');

  // The HID POS scanner path: simulated reports through the host to this screen.
  const scanner = deviceRow(page, '扫码枪');
  await scanner.getByRole('button', { name: '在本屏测试' }).click();
  await expect(scanner.getByText('本屏')).toBeVisible();
  await sim(hub, 'scan', 'RCPT-2026-000917');
  await expect(page.getByTestId('device-scan-text')).toHaveText('RCPT-2026-000917');
  await expect(page.getByTestId('device-last-scan')).toContainText('HID POS');
});
