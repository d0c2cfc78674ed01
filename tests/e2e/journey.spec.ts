import { expect, test } from './fixtures.js';
import { callNext, clerkAt, done, supervisorHeaders, takeTicket, toTicketClasses } from './steps.js';

/**
 * The walking skeleton as people use it: a citizen takes tickets at the kiosk, a clerk calls them at
 * a window, and the hall display shows each call without reloading. Three terminals, each its own
 * browser context paired through a link from the admin, driven by what is on screen.
 */
test('a ticket goes from the kiosk to a clerk window to the call display', async ({ hall }) => {
  const display = await hall.openScreen('display', 'Hall TV');
  const kiosk = await hall.openScreen('kiosk', 'Kiosk 1');

  await expect(display.getByText('暂无叫号').first()).toBeVisible();

  // Citizen 1: household registration.
  expect(await takeTicket(kiosk, '户政业务', { kind: 'normal' })).toBe('A001');
  await expect(kiosk.getByText('您前面没有人在等候，请留意叫号')).toBeVisible();
  await done(kiosk);

  // Citizen 2: household again — one person ahead.
  expect(await takeTicket(kiosk, '户政业务', { kind: 'normal' })).toBe('A002');
  await expect(kiosk.getByText('您前面还有 1 人')).toBeVisible();
  await done(kiosk);

  // Citizen 3: traffic, in English.
  await kiosk.getByRole('button', { name: 'English' }).click();
  await toTicketClasses(kiosk, 'Traffic management');
  await kiosk.getByRole('button', { name: 'Standard ticket', exact: true }).click();
  await expect(kiosk.locator('.ticket__number')).toHaveText('B001');
  await kiosk.getByRole('button', { name: 'Done' }).click();
  // The next citizen finds the kiosk in Chinese again.
  await expect(kiosk.getByRole('heading', { name: '欢迎使用自助服务' })).toBeVisible();

  // Citizen 4: exit-entry.
  expect(await takeTicket(kiosk, '出入境业务', { kind: 'normal' })).toBe('C001');
  await done(kiosk);

  // The display counts who is waiting, pushed as tickets are issued.
  await expect(display.locator('.display-waiting')).toContainText('2');

  // A clerk signs in at window 1, which serves household registration.
  const clerk = await clerkAt(hall, 'C101', '李警官', '1号窗口');
  const displayUrl = display.url();
  await callNext(clerk, 'A001');
  await expect(display.locator('.display-current__number')).toHaveText('A001');
  await expect(display.getByText('请到 1号窗口')).toBeVisible();
  // Seen by those who cannot hear: the current-call area flashes for a fresh call.
  await expect(display.locator('.display-current--flash')).toBeVisible();

  // Served, then the next one.
  await clerk.getByRole('button', { name: '开始办理' }).click();
  await callNext(clerk, 'A002');
  await expect(display.locator('.display-current__number')).toHaveText('A002');
  // A001 moves to the recent calls.
  await expect(display.locator('.display-recent')).toContainText('A001');

  // Nobody else waits for household: the clerk is told so.
  await clerk.getByRole('button', { name: '开始办理' }).click();
  await clerk.getByRole('button', { name: '呼叫下一位' }).click();
  await expect(clerk.getByText('目前没有人在等候')).toBeVisible();

  // All of this without the display reloading.
  expect(display.url()).toBe(displayUrl);
  const navigations = await display.evaluate(() => performance.getEntriesByType('navigation').length);
  expect(navigations).toBe(1);
});

test('a double tap at the kiosk takes one ticket', async ({ hall }) => {
  const kiosk = await hall.openScreen('kiosk');
  await toTicketClasses(kiosk, '交管业务');
  await kiosk.getByRole('button', { name: '普通取号', exact: true }).dblclick();
  await expect(kiosk.locator('.ticket__number')).toHaveText('B001');
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

test('one browser holds the clerk and admin screens of a single machine, both signed in', async ({ hall }) => {
  await hall.ensureAdmin();
  // The clerk screen, then the admin screen paired in the same browser (one cookie jar).
  const clerk = await clerkAt(hall, 'C501', '赵警官', '1号窗口');
  const res = await fetch(`${hall.hub.url}/api/pairing-codes`, {
    method: 'POST',
    headers: await supervisorHeaders(hall),
    body: JSON.stringify({ role: 'admin', name: 'same PC' }),
  });
  const { code } = (await res.json()) as { code: string };
  const admin = await clerk.context().newPage();
  await admin.goto(`${hall.hub.url}/pair?code=${code}&role=admin`);
  await admin.waitForURL(/\/admin$/);
  await admin.getByLabel('工号', { exact: true }).fill(hall.admin.staffNo);
  await admin.getByLabel('密码', { exact: true }).fill(hall.admin.pin);
  await admin.getByRole('button', { name: '登录', exact: true }).click();
  await expect(admin.getByText(/已登录：/)).toBeVisible();

  // The supervisor's sign-in did not sign the clerk out: the console still acts as the clerk.
  await clerk.getByRole('button', { name: '呼叫下一位' }).click();
  await expect(clerk.getByText('目前没有人在等候')).toBeVisible();
  await clerk.reload();
  await expect(clerk.getByRole('button', { name: '呼叫下一位' })).toBeVisible();
  // And the admin screen still answers as the administrator.
  await admin.reload();
  await expect(admin.getByText(/已登录：/)).toBeVisible();
});
