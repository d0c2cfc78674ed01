import type { Page, WebSocket } from '@playwright/test';
import { expect, test } from './fixtures.js';
import { adminSection, callNext, clerkAt, done, startKiosk, takeTicket } from './steps.js';

/**
 * Each page keeps one WebSocket to the host, whatever it shows: queue state, calls, card reads,
 * scans, printer and device health and a window's 笔谈 all arrive on it. Counted from the browser's
 * side: the screen is opened again in a new tab of its terminal (same credential), watched from
 * before its first request, and the first tab is closed.
 */
async function watched(screen: Page): Promise<{ page: Page; opened: WebSocket[]; open: () => number }> {
  const page = await screen.context().newPage();
  const opened: WebSocket[] = [];
  const closed = new Set<WebSocket>();
  page.on('websocket', (ws) => {
    opened.push(ws);
    ws.on('close', () => closed.add(ws));
  });
  await page.goto(screen.url());
  await screen.close();
  await expect.poll(() => opened.length).toBeGreaterThan(0);
  return { page, opened, open: () => opened.filter((ws) => !closed.has(ws)).length };
}

test('the kiosk keeps one socket through a journey: queue, card reads and printer state on it', async ({ hall }) => {
  const { page: kiosk, ...sockets } = await watched(await hall.openScreen('kiosk'));
  await takeTicket(kiosk, '交管业务', { kind: 'normal' });
  await done(kiosk);
  await startKiosk(kiosk);
  await kiosk.getByRole('button', { name: '户政业务' }).click();
  await kiosk.getByRole('button', { name: /只取号，到窗口再办理/ }).click();
  await kiosk.getByRole('button', { name: '返回上一步' }).click();
  expect(sockets.open()).toBe(1);
  expect(sockets.opened).toHaveLength(1);
  expect(sockets.opened[0]?.url()).toMatch(/\/api\/events\?role=kiosk$/);
});

test('the admin screen keeps one socket across its panels, sign-in and sign-out', async ({ hall }) => {
  await hall.ensureAdmin();
  const { page: admin, ...sockets } = await watched(await hall.openScreen('admin'));
  await admin.getByLabel('工号', { exact: true }).fill(hall.admin.staffNo);
  await admin.getByLabel('密码', { exact: true }).fill(hall.admin.pin);
  await admin.getByRole('button', { name: '登录', exact: true }).click();
  await expect(admin.getByText(/已登录：/)).toBeVisible();
  for (const section of ['工作人员', '终端与设备', '打印机', '审计日志']) await adminSection(admin, section);
  await expect(admin.getByTestId('audit-chain')).toBeVisible();
  await admin.getByRole('button', { name: '退出登录' }).click();
  await expect(admin.getByText('已退出登录。')).toBeVisible();
  expect(sockets.open()).toBe(1);
  expect(sockets.opened).toHaveLength(1);
});

test('a clerk console follows its window on the page socket; the counter screen too', async ({ hall }) => {
  const kiosk = await hall.openScreen('kiosk');
  const number = await takeTicket(kiosk, '户政业务', { kind: 'normal' });
  const { page: clerk, ...clerkSockets } = await watched(await clerkAt(hall, 'C801', '孙警官', '1号窗口'));
  // A new tab asks again which window this sitting serves (the choice lives in the tab's session).
  await clerk.getByRole('button', { name: /^1号窗口/ }).click();
  await callNext(clerk, number);
  const display = await hall.openScreen('display');
  await display.goto(display.url().replace(/\/display$/, '/counter'));
  const { page: counter, ...counterSockets } = await watched(display);
  await counter.getByRole('button', { name: '1号窗口' }).click();
  await clerk.getByLabel('输入要显示给群众的文字').fill('请稍等');
  await clerk.getByRole('button', { name: '发送' }).click();
  await expect(counter.getByText('请稍等').first()).toBeVisible();
  // Leaving the window and choosing it again changes what the socket follows, not the socket.
  await clerk.getByRole('button', { name: '更换窗口' }).click();
  await clerk.getByRole('button', { name: /^1号窗口/ }).click();
  await expect(clerk.getByRole('heading', { name: '1号窗口', level: 1 })).toBeVisible();
  expect(clerkSockets.open()).toBe(1);
  expect(clerkSockets.opened).toHaveLength(1);
  expect(counterSockets.open()).toBe(1);
  expect(counterSockets.opened).toHaveLength(1);
});
