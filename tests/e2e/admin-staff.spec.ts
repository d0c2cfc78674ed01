import { expect, test } from './fixtures.js';
import { adminSection, clerkAt, signInAdmin, takeTicket } from './steps.js';

/**
 * A supervisor disables a clerk who has left: the clerk's console, open at a window, is back at
 * the sign-in page at its next step, and the PIN no longer opens it. Re-enabled, they work again;
 * a role change shows in the list. All on the screens.
 */
test('a supervisor disables, re-enables and promotes a clerk on the admin screen', async ({ hall }) => {
  const kiosk = await hall.openScreen('kiosk');
  await takeTicket(kiosk, '户政业务', { kind: 'normal' });
  const clerk = await clerkAt(hall, 'C701', '周警官', '1号窗口');

  const admin = await hall.openScreen('admin');
  await signInAdmin(admin, hall.admin);
  await adminSection(admin, '工作人员');
  const row = admin.getByRole('region', { name: '工作人员' }).getByRole('row', { name: /C701/ });
  await row.getByRole('button', { name: '停用「周警官」的账号' }).click();
  await row.getByRole('button', { name: '确认停用' }).click();
  await expect(row.getByText('已停用')).toBeVisible();

  // The clerk's next step finds the session gone: the console asks for the PIN, which is refused.
  await clerk.getByRole('button', { name: '呼叫下一位' }).click();
  await expect(clerk.getByRole('heading', { name: '工作人员登录' })).toBeVisible();
  await clerk.getByLabel('工号').fill('C701');
  const pad = clerk.getByRole('group', { name: '密码数字键盘' });
  for (const d of '246810') await pad.getByRole('button', { name: d, exact: true }).click();
  await clerk.getByRole('button', { name: '登录', exact: true }).click();
  await expect(clerk.getByRole('alert').filter({ hasText: '工号或密码不正确' })).toBeVisible();

  await row.getByRole('button', { name: '恢复启用' }).click();
  await expect(row.getByText('正常')).toBeVisible();
  await row.getByLabel('「周警官」的角色').selectOption('supervisor');
  await row.getByRole('button', { name: '更改角色' }).click();
  await expect(row.getByRole('cell', { name: '主管', exact: true })).toBeVisible();
});
