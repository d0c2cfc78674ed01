import { expect, test } from './fixtures.js';

/**
 * The walking skeleton as people use it: a citizen takes tickets at the kiosk, a clerk calls them at
 * a window, and the hall display shows each call without reloading. Three terminals, each its own
 * browser context paired through a link from the admin, driven by what is on screen.
 */
test('a ticket goes from the kiosk to a clerk window to the call display', async ({ hall }) => {
  const display = await hall.openScreen('display', 'Hall TV');
  const kiosk = await hall.openScreen('kiosk', 'Kiosk 1');
  const clerk = await hall.openScreen('clerk', 'Window PC 1');

  await expect(display.getByText('暂无叫号').first()).toBeVisible();

  // Citizen 1: household registration.
  await kiosk.getByRole('button', { name: '户政业务' }).click();
  await expect(kiosk.getByRole('heading', { name: '取号成功' })).toBeVisible();
  await expect(kiosk.getByText('A001')).toBeVisible();
  await expect(kiosk.getByText('您前面没有人在等候，请留意叫号')).toBeVisible();
  await kiosk.getByRole('button', { name: '完成' }).click();

  // Citizen 2: household again — one person ahead.
  await kiosk.getByRole('button', { name: '户政业务' }).click();
  await expect(kiosk.getByText('A002')).toBeVisible();
  await expect(kiosk.getByText('您前面还有 1 人')).toBeVisible();
  await kiosk.getByRole('button', { name: '完成' }).click();

  // Citizen 3: traffic, in English.
  await kiosk.getByRole('button', { name: 'English' }).click();
  await kiosk.getByRole('button', { name: 'Traffic management' }).click();
  await expect(kiosk.getByText('B001')).toBeVisible();
  await kiosk.getByRole('button', { name: 'Done' }).click();
  // The next citizen finds the kiosk in Chinese again.
  await expect(kiosk.getByRole('button', { name: '出入境业务' })).toBeVisible();

  // Citizen 4: exit-entry.
  await kiosk.getByRole('button', { name: '出入境业务' }).click();
  await expect(kiosk.getByText('C001')).toBeVisible();
  await kiosk.getByRole('button', { name: '完成' }).click();

  // The display counts who is waiting, pushed as tickets are issued.
  await expect(display.locator('.display-waiting')).toContainText('2');

  // Window 1 serves household registration.
  await clerk.getByRole('button', { name: /^1号窗口/ }).click();
  await clerk.getByRole('button', { name: '呼叫下一位' }).click();
  await expect(clerk.getByText('已呼叫 A001')).toBeVisible();

  const displayUrl = display.url();
  await expect(display.locator('.display-current__number')).toHaveText('A001');
  await expect(display.getByText('请到 1号窗口')).toBeVisible();
  // Seen by those who cannot hear: the current-call area flashes for a fresh call.
  await expect(display.locator('.display-current--flash')).toBeVisible();

  await clerk.getByRole('button', { name: '呼叫下一位' }).click();
  await expect(clerk.getByText('已呼叫 A002')).toBeVisible();
  await expect(display.locator('.display-current__number')).toHaveText('A002');
  // A001 moves to the recent calls.
  await expect(display.locator('.display-recent')).toContainText('A001');

  // Nobody else waits for household: the clerk is told so.
  await clerk.getByRole('button', { name: '呼叫下一位' }).click();
  await expect(clerk.getByText('目前没有人在等候')).toBeVisible();

  // All of this without the display reloading.
  expect(display.url()).toBe(displayUrl);
  const navigations = await display.evaluate(() => performance.getEntriesByType('navigation').length);
  expect(navigations).toBe(1);
});

test('a double tap at the kiosk takes one ticket', async ({ hall }) => {
  const kiosk = await hall.openScreen('kiosk');
  await kiosk.getByRole('button', { name: '交管业务' }).dblclick();
  await expect(kiosk.getByText('B001')).toBeVisible();
  const res = await fetch(`${hall.hub.url}/api/queue`, { headers: { authorization: `Bearer ${hall.adminToken}` } });
  const queue = (await res.json()) as { waiting: Record<string, number> };
  expect(queue.waiting.traffic).toBe(1);
});

test('an unpaired browser sees a pairing page, and a wrong code is explained', async ({ hall, browser }) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${hall.hub.url}/kiosk`);
  await expect(page.getByRole('heading', { name: '本屏幕尚未配对' })).toBeVisible();
  await page.getByLabel('配对码').fill('ABCD-EFGH');
  await page.getByRole('button', { name: '配对', exact: true }).click();
  await expect(page.getByText('配对码无效或已过期')).toBeVisible();
  await context.close();
});
