import { expect, test } from './fixtures.js';
import { bindDevicesTo, removeCard, tapCard } from './kiosk-steps.js';
import { bookAppointment, callNext, clerkAt, done, takeTicket, toTicketClasses } from './steps.js';

/**
 * Issue 11 point 6, on the screens: the quick ticket's words, the wait it tells, an appointment
 * booked for a named person taken at the kiosk by that person only, and the counter screen that
 * an applicant cannot re-point to another window.
 */
test.use({ hubOptions: { args: ['--simulate-devices'] } });

test('a quick ticket says it was taken (nothing was submitted), and its wait is never "about 0 minutes" with people ahead', async ({ hall }) => {
  const clerk = await clerkAt(hall, 'C101', '张警官', '1号窗口');
  const kiosk = await hall.openScreen('kiosk', '取号机');
  await takeTicket(kiosk, '户政业务', { kind: 'normal' });
  await done(kiosk);
  await callNext(clerk, 'A001');
  await takeTicket(kiosk, '户政业务', { kind: 'normal' });
  await done(kiosk);
  await takeTicket(kiosk, '户政业务', { kind: 'normal' });
  await expect(kiosk.getByText('已为您取号。请取走号票，留意叫号。')).toBeVisible();
  await expect(kiosk.getByText('申请已提交', { exact: false })).toHaveCount(0);
  await expect(kiosk.locator('.ticket__ahead')).toContainText('1');
  await expect(kiosk.locator('.ticket__estimate')).toHaveText(/^预计等候约 [1-9]\d* 分钟$/);
});

test('an appointment booked for a named person: the code, then that person’s own card', async ({ hall }) => {
  const code = await bookAppointment(hall, { line: 'traffic', name: '曾晓红', idNumber: '150102199003080424' });
  const kiosk = await hall.openScreen('kiosk', '取号机');
  await bindDevicesTo(hall, '取号机');
  await toTicketClasses(kiosk, '交管业务');
  await kiosk.getByRole('button', { name: '我有预约', exact: true }).click();
  const pad = kiosk.getByRole('group', { name: '预约码键盘' });
  for (const ch of code) await pad.getByRole('button', { name: ch, exact: true }).click();
  await kiosk.getByRole('button', { name: '确认取号' }).click();
  // The code alone gives no priority ticket: the booked person shows their card (or types the number).
  await expect(kiosk.getByRole('heading', { name: '请核对预约人身份' })).toBeVisible();
  await tapCard(hall, 'resident');
  await expect(kiosk.getByRole('alert').filter({ hasText: '身份证与预约登记的预约人不符' })).toBeVisible();
  await removeCard(hall);
  await kiosk.waitForTimeout(400);
  await tapCard(hall, 'tests:zeng-xiaohong');
  await expect(kiosk.getByRole('heading', { name: '取号成功' })).toBeVisible();
  await expect(kiosk.locator('.ticket__number')).toHaveText(/^B\d{3}$/);
});

test('the counter screen facing the applicant offers no 更换窗口; staff choose its window at /counter/setup', async ({ hall }) => {
  await clerkAt(hall, 'C101', '张警官', '1号窗口');
  const counter = await hall.openScreen('display', '对客屏');
  await counter.goto(`${hall.hub.url}/counter`);
  await counter.getByRole('button', { name: '1号窗口' }).click();
  await expect(counter.getByRole('heading', { name: '1号窗口', level: 1 })).toBeVisible();
  await expect(counter.getByRole('button', { name: '更换窗口' })).toHaveCount(0);
  await counter.reload();
  await expect(counter.getByRole('heading', { name: '1号窗口', level: 1 })).toBeVisible();
  await counter.goto(`${hall.hub.url}/counter/setup`);
  await expect(counter.getByRole('heading', { name: '本屏幕面向哪个窗口？' })).toBeVisible();
  await counter.getByRole('button', { name: '2号窗口' }).click();
  await expect(counter).toHaveURL(/\/counter$/);
  await expect(counter.getByRole('heading', { name: '2号窗口', level: 1 })).toBeVisible();
});
