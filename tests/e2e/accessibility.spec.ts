import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures.js';
import { adminSection, callNext, clerkAt, done, signInAdmin, startKiosk, takeTicket } from './steps.js';

/** axe-core over a screen as it stands; any violation fails with its rule ids and targets. */
async function expectNoViolations(page: Page, label: string): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice']).analyze();
  const summary = results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  expect(summary, `${label} has accessibility violations`).toEqual([]);
}

test('every screen passes axe, in each state a person meets', async ({ hall, browser }) => {
  const kiosk = await hall.openScreen('kiosk');
  await expect(kiosk.getByRole('heading', { name: '欢迎使用自助服务' })).toBeVisible();
  await expectNoViolations(kiosk, 'kiosk welcome (zh-CN)');
  await kiosk.getByRole('button', { name: 'English' }).click();
  await startKiosk(kiosk);
  await expect(kiosk.getByRole('button', { name: 'Household registration' })).toBeVisible();
  await expectNoViolations(kiosk, 'kiosk start (en)');
  await kiosk.getByRole('button', { name: 'Household registration' }).click();
  await kiosk.getByRole('button', { name: /Just take a ticket/ }).click();
  await expectNoViolations(kiosk, 'kiosk how-to-be-served (en)');
  await kiosk.getByRole('button', { name: 'Standard ticket', exact: true }).click();
  await expect(kiosk.locator('.ticket__number')).toHaveText('A001');
  await expectNoViolations(kiosk, 'kiosk ticket (en)');
  await kiosk.getByRole('button', { name: 'Done' }).click();
  expect(await takeTicket(kiosk, '户政业务', { kind: 'normal' })).toBe('A002');
  await expectNoViolations(kiosk, 'kiosk ticket (zh-CN)');
  await done(kiosk);

  const booth = await hall.openScreen('booth');
  await expect(booth.getByRole('heading', { name: '24小时自助服务' })).toBeVisible();
  await expectNoViolations(booth, 'booth start');

  const clerk = await clerkAt(hall, 'C201', '王警官', '1号窗口');
  await expectNoViolations(clerk, 'clerk console, idle');
  await callNext(clerk, 'A001');
  await expectNoViolations(clerk, 'clerk console, serving');

  const display = await hall.openScreen('display');
  await expect(display.locator('.display-current__number')).toHaveText('A001');
  await expectNoViolations(display, 'display with a call');

  const admin = await hall.openScreen('admin');
  await expect(admin.getByRole('heading', { name: '管理后台' })).toBeVisible();
  await expectNoViolations(admin, 'admin');

  const context = await browser.newContext();
  const stranger = await context.newPage();
  await stranger.goto(`${hall.hub.url}/`);
  await expectNoViolations(stranger, 'home');
  await stranger.goto(`${hall.hub.url}/clerk`);
  await expect(stranger.getByRole('heading', { name: '本屏幕尚未配对' })).toBeVisible();
  await expectNoViolations(stranger, 'unpaired screen');
  await stranger.goto(`${hall.hub.url}/no-such-screen`);
  await expect(stranger.getByRole('heading', { name: '页面不存在' })).toBeVisible();
  await expectNoViolations(stranger, 'not found');
  await context.close();
});

test('touch targets on the kiosk are at least 60 px and text at least 24 px', async ({ hall }) => {
  const kiosk = await hall.openScreen('kiosk');
  await startKiosk(kiosk);
  // Measured once the screen has its first queue state, in one snapshot of the page: measuring
  // button by button races React re-rendering a button between listing and measuring it.
  await expect(kiosk.getByText('等候 0 人').first()).toBeVisible();
  const boxes = await kiosk.evaluate(() =>
    Array.from(document.querySelectorAll('button'))
      .filter((b) => b.getClientRects().length > 0)
      .map((b) => ({ name: b.textContent?.trim() ?? '', side: Math.min(b.getBoundingClientRect().width, b.getBoundingClientRect().height) })),
  );
  expect(boxes.length).toBeGreaterThanOrEqual(5); // three business lines and the language switch
  for (const b of boxes) expect(b.side, `smallest side of button "${b.name}"`).toBeGreaterThanOrEqual(60);
  const bodySize = await kiosk.evaluate(() => parseFloat(getComputedStyle(document.querySelector('main')!).fontSize));
  expect(bodySize).toBeGreaterThanOrEqual(24);
});

test('the admin pairs a new display through the admin screen, and that link works', async ({ hall, browser }) => {
  await hall.ensureAdmin();
  const admin = await hall.openScreen('admin');
  await signInAdmin(admin, hall.admin);
  await adminSection(admin, '终端与设备');
  await admin.getByLabel('终端类型').selectOption('display');
  await admin.getByLabel('终端名称').fill('二楼大屏');
  await admin.getByRole('button', { name: '生成配对码' }).click();
  const link = await admin.locator('.issued .facts__path').textContent();
  expect(link).toMatch(/\/pair\?code=[0-9A-Z]{4}-[0-9A-Z]{4}&role=display/);
  const context = await browser.newContext();
  const tv = await context.newPage();
  await tv.goto(link!.trim());
  await tv.waitForURL(/\/display$/);
  await expect(tv.getByText('暂无叫号').first()).toBeVisible();
  await admin.getByRole('region', { name: '已配对终端' }).getByRole('button', { name: '刷新' }).click();
  await expect(admin.getByRole('rowheader', { name: '二楼大屏' })).toBeVisible();
  await context.close();
});
