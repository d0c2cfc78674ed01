import { expect, test } from './fixtures.js';
import { clerkAt, signIn } from './steps.js';

/**
 * AB角 on the screens: window 1 is 李警官's; 王警官 at another PC cannot serve it, but once 李警官
 * takes a break 王警官 takes it over explicitly, and 李警官's console says so and lets go.
 */
test('a colleague takes over a paused window; the first clerk’s console lets it go', async ({ hall }) => {
  const first = await clerkAt(hall, 'C811', '李警官', '1号窗口');
  await hall.createStaff('C812', '王警官');
  const second = await hall.openScreen('clerk', '2号窗口 PC');
  await signIn(second, 'C812');
  await second.getByRole('button', { name: /^1号窗口/ }).click();
  await expect(second.getByRole('alert').filter({ hasText: '该窗口正由其他工作人员使用' })).toBeVisible();
  // While 李警官 serves, a clerk's take-over is refused in words.
  await second.getByRole('button', { name: '接替1号窗口（AB角）' }).click();
  await expect(second.getByRole('alert').filter({ hasText: '该窗口正由其他工作人员使用' })).toBeVisible();

  await first.getByRole('button', { name: '暂停' }).click();
  await expect(first.getByText(/暂停中/).first()).toBeVisible();
  await second.getByRole('button', { name: '接替1号窗口（AB角）' }).click();
  await expect(second.getByRole('heading', { name: '1号窗口', level: 1 })).toBeVisible();
  await expect(second.getByText(/王警官/).first()).toBeVisible();

  await expect(first.getByText('您的窗口已由其他工作人员接替。请选择窗口。')).toBeVisible();
  await expect(first.getByRole('heading', { name: '请选择您的窗口' })).toBeVisible();
});
