import { AxeBuilder } from '@axe-core/playwright';
import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures.js';
import { adminSection } from './steps.js';

/**
 * A supervisor adjusts a service's fee and time limit on the admin screen; a kiosk opened after
 * the save shows the hall's values, on the service list and in the one-time notice.
 */
async function expectNoViolations(page: Page, label: string, include: string): Promise<void> {
  const r = await new AxeBuilder({ page }).include(include).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice']).analyze();
  expect(
    r.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
    `${label} has accessibility violations`,
  ).toEqual([]);
}

function service(panel: Locator, code: string): Locator {
  return panel.locator(`fieldset[data-service="${code}"]`);
}

test('a supervisor sets 户籍证明 to 10 yuan and 2 working days; the kiosk shows it', async ({ hall }) => {
  test.setTimeout(90_000);
  await hall.ensureAdmin();
  const admin = await hall.openScreen('admin');
  await admin.getByLabel('工号', { exact: true }).fill(hall.admin.staffNo);
  await admin.getByLabel('密码', { exact: true }).fill(hall.admin.pin);
  await admin.getByRole('button', { name: '登录', exact: true }).click();
  await expect(admin.getByText(/已登录：/)).toBeVisible();
  await adminSection(admin, '事项与收费');

  const panel = admin.getByTestId('catalog-panel');
  await expect(panel.getByRole('heading', { name: '收费与办理时限' })).toBeVisible();
  const cert = service(panel, 'household_certificate');
  await expect(cert.locator('legend')).toContainText('户籍证明');
  await expect(cert.locator('legend')).toContainText('户政业务');
  await expect(cert.getByText('目录默认：0 元')).toBeVisible();
  await expect(cert.getByRole('button', { name: /恢复默认/ })).toBeDisabled();
  await expectNoViolations(admin, 'catalog panel', '[data-testid="catalog-panel"]');

  // A bad value is caught at its field and in the summary, and nothing is saved.
  await cert.getByLabel('费用（元）').fill('10.555');
  await cert.getByLabel('办理时限（工作日）').fill('61');
  await panel.getByRole('button', { name: '保存', exact: true }).click();
  await expect(panel.locator('.error-summary')).toBeFocused();
  await expect(cert.getByText('请输入 0 到 10000 之间的金额，最多两位小数。')).toBeVisible();
  await expect(cert.getByText('请输入 0 到 60 之间的整数。')).toBeVisible();
  await expect(cert.getByLabel('费用（元）')).toHaveAttribute('aria-invalid', 'true');
  await expectNoViolations(admin, 'catalog panel with errors', '[data-testid="catalog-panel"]');

  // Reset puts the catalog's values back; then the real change.
  await cert.getByRole('button', { name: /恢复默认/ }).click();
  await expect(cert.getByLabel('费用（元）')).toHaveValue('0');
  await cert.getByLabel('费用（元）').fill('10');
  await cert.getByLabel('办理时限（工作日）').fill('2');
  await expect(cert.getByText('已调整')).toBeVisible();
  await panel.getByRole('button', { name: '保存', exact: true }).click();
  await expect(panel.getByText('已保存。新的办理和打印即按新数值执行。')).toBeVisible();
  await expect(panel.locator('.error-summary')).toHaveCount(0);

  // Saved on the host: a reload shows the hall's values with the catalog's beside them.
  await admin.reload();
  await expect(service(admin.getByTestId('catalog-panel'), 'household_certificate').getByLabel('费用（元）')).toHaveValue('10');
  await expect(service(admin.getByTestId('catalog-panel'), 'household_certificate').getByLabel('办理时限（工作日）')).toHaveValue('2');

  const kiosk = await hall.openScreen('kiosk');
  await kiosk.getByRole('button', { name: '开始办理', exact: true }).click();
  await kiosk.getByRole('button', { name: '户政业务' }).click();
  const button = kiosk.getByRole('button', { name: /户籍证明/ });
  await expect(button).toContainText('费用：10 元');
  await expect(button).toContainText('办理时限：2 个工作日');
  await button.click();
  await expect(kiosk.getByRole('heading', { name: '一次性告知' })).toBeVisible();
  const facts = kiosk.locator('.notice__facts');
  await expect(facts).toContainText('10 元');
  await expect(facts).toContainText('收费标准由本大厅核定');
  await expect(facts).toContainText('2 个工作日');
});
