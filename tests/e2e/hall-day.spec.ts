import type { Browser, Page } from '@playwright/test';
import { axe, CUPS, desk, printedText } from './case-steps.js';
import { addDetectedReader, testDevice } from './device-steps.js';
import { expect, test } from './fixtures.js';
import { answerChoice, answerText, removeCard, submitAndConfirm, tapCard, tickMaterials, toIdentify, typeOnPad, typePinyin, ZH } from './kiosk-steps.js';
import { adminSection } from './steps.js';

/**
 * Issue 11's bar: a person sets up a hall and runs a day on the screens alone. From the hub's
 * first start (its banner's admin link and set-up code, as a newcomer reads them off the console):
 * the first administrator, a window, a clerk, terminals paired by the codes the admin screen gives,
 * the detected card reader bound to the kiosk, printers set, a citizen with a card and one without
 * (ID number on the keypad, name in pinyin), and the clerk's day at the window. By visible labels,
 * with no API call of the test's own. The card on the reader is put there with the device
 * simulator's CLI: the physical world, not our API.
 */
test.use({ hubOptions: { args: ['--simulate-devices'] } });

const NO_CARD_ID = '150102198506150311';

/** 终端与设备 → a pairing code for a terminal → that terminal's browser opens the link shown. */
async function pairOnScreen(admin: Page, browser: Browser, role: string, name: string): Promise<Page> {
  await adminSection(admin, '终端与设备');
  await admin.getByLabel('终端类型').selectOption(role);
  await admin.getByLabel('终端名称').fill(name);
  await admin.getByRole('button', { name: '生成配对码' }).click();
  // The link of this code (the one issued before stays on screen until the answer comes).
  const shown = admin.locator('.issued .facts__path');
  await expect(admin.locator('.issued')).toContainText(name);
  await expect(shown).toHaveText(new RegExp(`/pair\\?code=[0-9A-Z]{4}-[0-9A-Z]{4}&role=${role}$`));
  const link = (await shown.textContent())?.trim() ?? '';
  const page = await (await browser.newContext()).newPage();
  await page.goto(link);
  await page.waitForURL(new RegExp(`/${role}$`));
  return page;
}

async function setPrinter(admin: Page, terminal: string): Promise<void> {
  await adminSection(admin, '打印机');
  const row = admin.getByRole('region', { name: '打印机' }).getByRole('article', { name: new RegExp(terminal) });
  await row.getByLabel('打印方式').selectOption('cups');
  await row.getByLabel('队列名称').fill('PDF');
  await row.getByRole('button', { name: '保存设置' }).click();
  await expect(row.locator('[data-printer-status]')).toHaveText('正常', { timeout: 15_000 });
}

test('a hall set up and run for a day on its screens alone', async ({ hall, browser }) => {
  // Skipped only on a workstation without CUPS and poppler; .ci/run installs and starts them (scripts/test-prerequisites.sh).
  test.skip(!CUPS, 'needs cupsd with the cups-pdf queue "PDF" and poppler-utils');
  test.setTimeout(240_000);

  // The first administrator, from the banner's link and set-up code.
  const admin = await hall.openBannerAdmin();
  await expect(admin.getByRole('heading', { name: '创建第一个管理员账号' })).toBeVisible();
  await admin.getByLabel('初始化码').fill(hall.hub.setupCode!);
  await admin.getByLabel('工号', { exact: true }).fill('S001');
  await admin.getByLabel('姓名', { exact: true }).fill('王主任');
  await admin.getByLabel('密码', { exact: true }).fill('135792');
  await admin.getByLabel('再次输入密码').fill('135792');
  await admin.getByRole('button', { name: '创建管理员' }).click();
  await expect(admin.getByText('已登录：王主任（工号 S001，管理员）')).toBeVisible();

  // Window 1 serves household registration first and traffic as its backup line.
  await adminSection(admin, '窗口');
  await admin.getByRole('button', { name: '编辑 1 号窗口' }).click();
  await admin.getByRole('group', { name: 'B 岗业务（补位）' }).getByRole('checkbox', { name: '交管业务' }).check();
  await admin.getByRole('button', { name: '保存', exact: true }).last().click();
  await expect(admin.getByText('窗口已保存。')).toBeVisible();

  // A clerk, with the one-time code they will set their PIN with.
  await adminSection(admin, '工作人员');
  await admin.getByLabel('工号', { exact: true }).fill('C101');
  await admin.getByLabel('姓名', { exact: true }).fill('张警官');
  await admin.getByLabel('角色').selectOption('clerk');
  await admin.getByRole('button', { name: '新增并生成激活码' }).click();
  const code = (await admin.getByTestId('enrollment-code').textContent())?.trim() ?? '';
  expect(code.length).toBeGreaterThan(3);

  // The hall's terminals, each paired from the admin screen.
  const kiosk = await pairOnScreen(admin, browser, 'kiosk', '1号自助机');
  const clerk = await pairOnScreen(admin, browser, 'clerk', '1号窗口电脑');
  const display = await pairOnScreen(admin, browser, 'display', '大厅屏');
  await admin.getByRole('region', { name: '已配对终端' }).getByRole('button', { name: '刷新' }).click();
  for (const name of ['1号自助机', '1号窗口电脑', '大厅屏']) await expect(admin.getByRole('rowheader', { name })).toBeVisible();

  // The card reader the machine detects, sending its reads to the kiosk, tested.
  await adminSection(admin, '终端与设备');
  await addDetectedReader(admin, '1号自助机（自助取号机）');
  await testDevice(admin, '模拟身份证阅读器（串口）');

  // Printers: the kiosk's slips and the window's papers through CUPS.
  await setPrinter(admin, '1号自助机');
  await setPrinter(admin, '1号窗口电脑');

  // The clerk sets their PIN with the code and takes window 1.
  await clerk.getByRole('button', { name: '第一次使用？用主管给您的激活码设置密码' }).click();
  await clerk.getByLabel('工号').fill('C101');
  await clerk.getByLabel('激活码').fill(code);
  await clerk.getByLabel('新密码', { exact: true }).fill('246810');
  await clerk.getByLabel('再次输入新密码').fill('246810');
  await clerk.getByRole('button', { name: '设置密码并登录' }).click();
  await expect(clerk.getByRole('heading', { name: '请选择您的窗口' })).toBeVisible();
  await clerk.getByRole('button', { name: /^1号窗口/ }).click();
  await expect(clerk.getByRole('heading', { name: '1号窗口', level: 1 })).toBeVisible();

  // A citizen with her card: a household move pre-filled at the kiosk.
  await toIdentify(kiosk, '户政业务', '户口迁移（区内）');
  await tapCard(hall, 'tests:zeng-xiaohong');
  await answerText(kiosk, '手机号码', '13912345678');
  await answerText(kiosk, '迁入地址', '锡林浩特市额尔敦路12号');
  await answerChoice(kiosk, '迁移原因', '工作调动');
  await tickMaterials(kiosk, 'all');
  const withCard = await submitAndConfirm(kiosk);
  await removeCard(hall);
  await kiosk.getByRole('button', { name: ZH.done }).click();

  // A citizen without a card: the ID number on the keypad, the name in pinyin.
  await toIdentify(kiosk, '户政业务', '户籍证明');
  await kiosk.getByRole('button', { name: '手动输入身份证号码' }).click();
  await typeOnPad(kiosk, '身份证号码键盘', NO_CARD_ID);
  await kiosk.getByRole('button', { name: '确认', exact: true }).click();
  await expect(kiosk.getByRole('heading', { name: '姓名' })).toBeVisible();
  await kiosk.getByRole('button', { name: '拼音', exact: true }).click();
  await typePinyin(kiosk, 'li', '李');
  await typePinyin(kiosk, 'ming', '明');
  await expect(kiosk.getByRole('textbox', { name: '姓名' })).toHaveValue('李明');
  await kiosk.getByRole('button', { name: ZH.continue, exact: true }).click();
  await expect(kiosk.getByRole('heading', { name: '手机号码' })).toBeVisible();
  await typeOnPad(kiosk, '数字键盘', '13912345678');
  await kiosk.getByRole('button', { name: ZH.continue, exact: true }).click();
  await kiosk.getByRole('radio', { name: '就业' }).check();
  await kiosk.getByRole('button', { name: ZH.continue, exact: true }).click();
  await tickMaterials(kiosk, 'all');
  const withoutCard = await submitAndConfirm(kiosk);
  await kiosk.getByRole('button', { name: ZH.done }).click();

  // The clerk's day: the first citizen is called (the display shows it), her papers checked, the
  // case accepted with its receipt printed at the window, and finished.
  await clerk.getByRole('button', { name: '呼叫下一位' }).click();
  await expect(clerk.locator('.clerk-current__number')).toHaveText(withCard.number);
  await expect(display.locator('.display-current__number')).toHaveText(withCard.number);
  const first = desk(clerk, withCard.caseNumber);
  for (const paper of ['本人居民身份证', '居民户口簿', '房屋产权人同意落户书面意见'])
    await first.getByRole('checkbox', { name: `已核对原件：${paper}` }).check();
  await first.getByRole('button', { name: '受理', exact: true }).click();
  await expect(first.getByRole('status')).toContainText('文书已送本窗口打印机（1 份）');
  expect(await printedText(hall.hub.dataDir, 'acceptance_receipt')).toContain(withCard.caseNumber);
  await clerk.getByRole('button', { name: '开始办理' }).click();
  await clerk.getByRole('button', { name: '办结', exact: true }).click();
  await expect(clerk.locator('.clerk-current__number')).toHaveCount(0);

  // The second: the name written in pinyin reached the clerk; the certificate is done on the spot.
  await clerk.getByRole('button', { name: '呼叫下一位' }).click();
  await expect(clerk.locator('.clerk-current__number')).toHaveText(withoutCard.number);
  await expect(clerk.getByRole('region', { name: '申请信息' }).getByText('李明', { exact: true })).toBeVisible();
  const second = desk(clerk, withoutCard.caseNumber);
  for (const box of await second.getByRole('checkbox', { name: /^已核对原件：/ }).all()) await box.check();
  await second.getByRole('button', { name: '受理', exact: true }).click();
  await second.getByRole('button', { name: '当场办结' }).click();
  await expect(second.getByText('已办结', { exact: false }).first()).toBeVisible();
  await axe(clerk, 'clerk at the end of a case');
  await clerk.getByRole('button', { name: '开始办理' }).click();
  await clerk.getByRole('button', { name: '办结', exact: true }).click();
  await clerk.getByRole('button', { name: '呼叫下一位' }).click();
  await expect(clerk.getByText('目前没有人在等候')).toBeVisible();

  // The supervisor, who stayed on the printers page, sees the day's slips come in without a reload,
  // and reads the day back in words.
  const kioskPrinter = admin.getByRole('region', { name: '打印机' }).getByRole('article', { name: /1号自助机/ });
  for (const n of [withCard.number, withoutCard.number]) await expect(kioskPrinter.getByRole('row', { name: new RegExp(n) })).toBeVisible();
  const windowPrinter = admin.getByRole('region', { name: '打印机' }).getByRole('article', { name: /1号窗口电脑/ });
  await expect(windowPrinter.getByRole('row', { name: new RegExp(withCard.caseNumber) })).toBeVisible();
  // The supervisor reads the day back in words.
  await adminSection(admin, '审计日志');
  const log = admin.locator('table');
  await expect(log.getByText('受理', { exact: true }).first()).toBeVisible();
  // Its details in words, not the codes the host writes (window 1; normal).
  await expect(log.getByRole('cell', { name: '1号窗口；按取号顺序' }).first()).toBeVisible();
  await expect(log.getByRole('cell', { name: /^户口迁移（区内）；承诺办结 \d{4}-\d{2}-\d{2}$/ })).toBeVisible();
  await admin.getByLabel('操作类别').selectOption({ label: '设备' });
  await admin.getByRole('button', { name: '筛选', exact: true }).click();
  await expect(log.getByText('新增设备', { exact: true }).first()).toBeVisible();
  await admin.getByLabel('操作类别').selectOption({ label: '终端' });
  await admin.getByRole('button', { name: '筛选', exact: true }).click();
  await expect(log.getByRole('row', { name: /1号自助机/ }).first()).toBeVisible();
  await expect(admin.getByTestId('audit-chain')).toHaveText('哈希链完整');
});
