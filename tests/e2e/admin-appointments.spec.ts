import { expect, test } from './fixtures.js';
import { adminSection, signInAdmin, toTicketClasses } from './steps.js';

/** A supervisor books, moves and cancels appointments on the screen; the cancelled code is refused at the kiosk. */
test('bookings are listed, moved and cancelled on the admin screen; a cancelled code gives no ticket', async ({ hall }) => {
  await hall.ensureAdmin();
  const admin = await hall.openScreen('admin');
  await signInAdmin(admin, hall.admin);
  await adminSection(admin, '预约');
  const tomorrow = new Date(Date.now() + 8 * 3_600_000 + 86_400_000).toISOString().slice(0, 10);
  const codes: string[] = [];
  for (const time of ['10:00', '11:00']) {
    await admin.getByLabel('日期', { exact: true }).first().fill(tomorrow);
    await admin.getByLabel('时间', { exact: true }).first().fill(time);
    await admin.getByRole('button', { name: '登记预约' }).click();
    await expect(admin.getByTestId('appointment-code')).not.toHaveText(codes.at(-1) ?? '');
    codes.push(((await admin.getByTestId('appointment-code').textContent()) ?? '').trim());
  }
  const list = admin.getByTestId('appointment-list');
  for (const code of codes) await expect(list.getByRole('row', { name: new RegExp(code) })).toBeVisible();

  // The first moves to 15:30 on the traffic line, with the same code.
  const [moved, dropped] = codes as [string, string];
  await list.getByRole('button', { name: `预约 ${moved} 改期` }).click();
  const form = list.getByRole('form', { name: `预约 ${moved} 改期` });
  await form.getByLabel('时间').fill('15:30');
  await form.getByLabel('业务').selectOption('traffic');
  await form.getByRole('button', { name: '保存改期' }).click();
  await expect(list.getByRole('row', { name: new RegExp(`15:30.*交管业务.*${moved}`) })).toBeVisible();

  await list.getByRole('button', { name: `取消预约 ${dropped}` }).click();
  await list.getByRole('button', { name: '确认取消' }).click();
  await expect(list.getByRole('row', { name: new RegExp(`${dropped}.*已取消`) })).toBeVisible();

  const kiosk = await hall.openScreen('kiosk');
  await toTicketClasses(kiosk, '户政业务');
  await kiosk.getByRole('button', { name: '我有预约', exact: true }).click();
  const pad = kiosk.getByRole('group', { name: '预约码键盘' });
  for (const ch of dropped) await pad.getByRole('button', { name: ch, exact: true }).click();
  await kiosk.getByRole('button', { name: '确认取号' }).click();
  await expect(kiosk.getByText('预约码无效或已使用')).toBeVisible();
});
