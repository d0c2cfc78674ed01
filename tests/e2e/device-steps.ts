import type { Page } from '@playwright/test';
import { expect } from './fixtures.js';

/**
 * The README's step "bind the simulated reader to the kiosk on the Devices panel", done on the
 * admin screen (终端与设备) by its labels: add the reader chosen among what the machine detects,
 * send its reads to the kiosk, and test it.
 */
export const SERIAL_SIM_READER = '模拟身份证阅读器（串口）';

export function devicesPanel(admin: Page) {
  return admin.getByTestId('devices-panel');
}

export function deviceRow(admin: Page, name: string) {
  return devicesPanel(admin)
    .locator('tbody tr')
    .filter({ has: admin.getByRole('rowheader', { name, exact: true }) });
}

/** 添加设备 → choose the simulator's serial reader among the detected devices → save. */
export async function addDetectedReader(admin: Page, sendTo?: string): Promise<void> {
  const panel = devicesPanel(admin);
  await panel.getByRole('button', { name: '添加设备' }).click();
  const form = panel.getByRole('form', { name: '添加设备' });
  const detected = form.getByRole('group', { name: '本机检测到的设备' });
  await detected.getByRole('radio', { name: new RegExp(`^串口 /dev/pts/\\d+ · ${SERIAL_SIM_READER}`) }).check();
  await expect(form.getByLabel('名称', { exact: true })).toHaveValue(SERIAL_SIM_READER);
  await expect(form.getByLabel('类型', { exact: true })).toHaveValue('id_reader');
  await expect(form.getByLabel('串口路径')).toHaveValue(/^\/dev\/pts\/\d+$/);
  if (sendTo) await form.getByLabel('读取结果发往').selectOption({ label: sendTo });
  await form.getByRole('button', { name: '保存' }).click();
  await expect(panel.getByRole('status').filter({ hasText: '设备已保存。' })).toBeVisible();
  await expect(deviceRow(admin, SERIAL_SIM_READER)).toBeVisible();
}

/** 修改 → 读取结果发往 → the terminal (its option reads "name（role）") → save. */
export async function bindDevice(admin: Page, device: string, terminalOption: string): Promise<void> {
  const panel = devicesPanel(admin);
  await deviceRow(admin, device)
    .getByRole('button', { name: `修改设备“${device}”` })
    .click();
  const form = panel.getByRole('form', { name: `修改设备“${device}”` });
  await form.getByLabel('读取结果发往').selectOption({ label: terminalOption });
  await form.getByRole('button', { name: '保存' }).click();
  await expect(panel.getByRole('status').filter({ hasText: '设备已保存。' })).toBeVisible();
}

/** 测试 on the device's row, expecting it to answer. */
export async function testDevice(admin: Page, device: string): Promise<void> {
  const row = deviceRow(admin, device);
  await expect(row.getByText('已连接')).toBeVisible({ timeout: 10_000 });
  await row.getByRole('button', { name: `测试设备“${device}”` }).click();
  await expect(row.getByRole('status')).toHaveText('测试通过：设备应答正常。', { timeout: 10_000 });
}
