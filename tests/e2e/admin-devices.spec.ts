import { AxeBuilder } from '@axe-core/playwright';
import { expect, test } from './fixtures.js';
import { addDetectedReader, bindDevice, deviceRow, devicesPanel, SERIAL_SIM_READER, testDevice } from './device-steps.js';
import { removeCard, tapCard, toIdentify } from './kiosk-steps.js';
import { adminSection, signInAdmin } from './steps.js';

/**
 * Issue 11 point 2: the README's "bind the simulated reader to the kiosk on the Devices panel",
 * on the admin screen alone. The hub simulates its devices; its serial reader (a pseudo-terminal
 * the simulator answers on, read through the real serial transport) is chosen among what the
 * machine detects, bound to the kiosk, tested; a card put on it with `npm run sim` reaches the
 * kiosk; devices are switched off, removed, and every change is in the audit log in words.
 */
test.use({ hubOptions: { args: ['--simulate-devices'] } });

test('an administrator adds the detected reader, binds it to the kiosk, tests it; a card reaches the kiosk; a device is removed', async ({ hall }) => {
  const kiosk = await hall.openScreen('kiosk', '一号自助机');
  const admin = await hall.openScreen('admin', '值班台');
  await signInAdmin(admin, hall.admin);
  await adminSection(admin, '终端与设备');

  await addDetectedReader(admin);
  // The detected list now marks the port as taken.
  await devicesPanel(admin).getByRole('button', { name: '添加设备' }).click();
  await expect(admin.getByRole('group', { name: '本机检测到的设备' }).getByRole('radio', { name: new RegExp(SERIAL_SIM_READER) })).toBeDisabled();
  const axe = await new AxeBuilder({ page: admin }).include('[data-testid="devices-panel"]').withTags(['wcag2a', 'wcag2aa', 'wcag21aa']).analyze();
  expect(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  await admin.getByRole('button', { name: '取消' }).click();

  await bindDevice(admin, SERIAL_SIM_READER, '一号自助机（自助取号机）');
  await expect(deviceRow(admin, SERIAL_SIM_READER)).toContainText('一号自助机');
  await testDevice(admin, SERIAL_SIM_READER);

  await toIdentify(kiosk, '户政业务', '户籍证明');
  await tapCard(hall, 'resident');
  await expect(kiosk.getByRole('heading', { name: '手机号码' })).toBeVisible();
  await removeCard(hall);

  // Switched off, the reader says so when tested; switched on again it answers.
  const row = deviceRow(admin, SERIAL_SIM_READER);
  await row.getByRole('button', { name: `停用设备“${SERIAL_SIM_READER}”` }).click();
  await expect(row.getByText('已停用')).toBeVisible();
  await row.getByRole('button', { name: `测试设备“${SERIAL_SIM_READER}”` }).click();
  await expect(row.getByRole('status')).toHaveText('设备已停用，未测试。');
  await row.getByRole('button', { name: `启用设备“${SERIAL_SIM_READER}”` }).click();
  await testDevice(admin, SERIAL_SIM_READER);

  // The simulator's in-process scanner is removed (asked twice).
  const scanner = deviceRow(admin, '模拟扫码枪 Simulated scanner');
  await scanner.getByRole('button', { name: '删除设备“模拟扫码枪 Simulated scanner”' }).click();
  await scanner.getByRole('button', { name: '确定删除' }).click();
  await expect(devicesPanel(admin).getByRole('status').filter({ hasText: '设备已删除。' })).toBeVisible();
  await expect(scanner).toHaveCount(0);

  await adminSection(admin, '审计日志');
  const log = admin.locator('table');
  for (const words of ['新增设备', '绑定设备到终端', '停用设备', '启用设备', '删除设备'])
    await expect(log.getByText(words, { exact: true }).first()).toBeVisible();
});

test('a device typed by its port, and one by USB ids, are checked on the screen before they are sent', async ({ hall }) => {
  const admin = await hall.openScreen('admin', '值班台');
  await signInAdmin(admin, hall.admin);
  await adminSection(admin, '终端与设备');
  const panel = devicesPanel(admin);
  await panel.getByRole('button', { name: '添加设备' }).click();
  const form = panel.getByRole('form', { name: '添加设备' });
  await form.getByRole('radio', { name: '手工填写' }).check();
  await form.getByLabel('名称', { exact: true }).fill('窗口扫码枪');
  await form.getByLabel('类型', { exact: true }).selectOption({ label: '扫码枪' });
  await form.getByLabel('串口路径').fill('/etc/passwd');
  await form.getByRole('button', { name: '保存' }).click();
  await expect(form.getByRole('alert', { name: '提交前请先处理以下问题' })).toContainText('请填写串口路径，如 /dev/ttyUSB0 或 COM3。');
  await form.getByLabel('连接方式').selectOption({ label: 'HID' });
  await form.getByLabel('厂商 ID（VID）').fill('0c2e');
  await form.getByLabel('产品 ID（PID）').fill('xyz');
  await form.getByRole('button', { name: '保存' }).click();
  await expect(form.getByRole('alert', { name: '提交前请先处理以下问题' })).toContainText('请填写四位十六进制数，如 0c2e。');
  await form.getByLabel('产品 ID（PID）').fill('0b61');
  await form.getByRole('button', { name: '保存' }).click();
  const row = deviceRow(admin, '窗口扫码枪');
  await expect(row).toContainText('0c2e:0b61');
  // No such scanner on this machine: it says so, and its test says it is not connected.
  await expect(row.getByText('未连接')).toBeVisible({ timeout: 10_000 });
  await row.getByRole('button', { name: '测试设备“窗口扫码枪”' }).click();
  await expect(row.getByRole('status')).toHaveText('测试未通过：设备未连接。');
});
