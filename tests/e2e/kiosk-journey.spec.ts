import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { findTexts } from '../support/folder-scan.js';
import { expect, test } from './fixtures.js';
import { bookAppointment, clerkAt, supervisorHeaders, wedgeScan } from './steps.js';
import { answerChoice, answerText, bindDevicesTo, EN, removeCard, submitAndConfirm, tapCard, tickMaterials, toIdentify, typeOnPad, ZH } from './kiosk-steps.js';

/**
 * The citizen's journey at the kiosk (issue 3), end to end against the built hub with simulated
 * devices: welcome → line → service → one-time notice → identify → questions → materials → check
 * → confirmation, in Chinese, English and Mongolian, standard and elderly mode; the idle wipe; a
 * tour group; the booth's progress query. axe runs on every page met.
 */
test.use({ hubOptions: { args: ['--simulate-devices'] } });

async function axe(page: Page, label: string): Promise<void> {
  const r = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice']).analyze();
  expect(
    r.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
    `${label} has accessibility violations`,
  ).toEqual([]);
}

async function openKiosk(hall: Parameters<Parameters<typeof test>[2]>[0]['hall'], name: string): Promise<Page> {
  const kiosk = await hall.openScreen('kiosk', name);
  await bindDevicesTo(hall, name);
  await expect(kiosk.getByRole('heading', { name: ZH.welcome })).toBeVisible();
  return kiosk;
}

test('household certificate with the ID card, in Chinese with voice: errors explained, one submit, wiped after', async ({ hall }) => {
  const kiosk = await openKiosk(hall, '1号自助机');
  await axe(kiosk, 'welcome');
  await kiosk.getByRole('button', { name: '开启语音' }).click();
  await expect(kiosk.locator('html')).toHaveAttribute('data-guidance', 'zh-CN/welcome');
  await kiosk.getByRole('button', { name: ZH.start, exact: true }).click();
  await expect(kiosk.locator('html')).toHaveAttribute('data-guidance', 'zh-CN/line');
  await axe(kiosk, 'business lines');
  await kiosk.getByRole('button', { name: '户政业务' }).click();
  await axe(kiosk, 'services');
  await kiosk.getByRole('button', { name: '户籍证明' }).click();
  await expect(kiosk.getByRole('heading', { name: '一次性告知' })).toBeVisible();
  await expect(kiosk.getByText('户籍信息（系统核验，无需提交）')).toBeVisible();
  await expect(kiosk.getByText('当场办结')).toBeVisible();
  await axe(kiosk, 'one-time notice');
  await kiosk.getByRole('button', { name: ZH.continueNotice }).click();
  await expect(kiosk.getByText('请将身份证放在读卡区', { exact: true })).toBeVisible();
  await axe(kiosk, 'identify');

  await tapCard(hall, 'resident');
  // Name, number and the rest came from the card: the first question is the phone.
  await expect(kiosk.getByRole('heading', { name: '手机号码' })).toBeVisible();
  await typeOnPad(kiosk, '数字键盘', '1391234567');
  await kiosk.getByRole('button', { name: ZH.continue, exact: true }).click();
  await expect(kiosk.getByRole('alert').getByText('手机号码应为 11 位数字')).toBeVisible();
  await expect(kiosk.locator('.field__error')).toHaveText('手机号码应为 11 位数字，以 13–19 开头');
  await axe(kiosk, 'question with an error');
  await typeOnPad(kiosk, '数字键盘', '8');
  await kiosk.getByRole('button', { name: ZH.continue, exact: true }).click();

  // An empty required choice is refused at the field.
  await expect(kiosk.getByRole('heading', { name: '用途' })).toBeVisible();
  await kiosk.getByRole('button', { name: ZH.continue, exact: true }).click();
  await expect(kiosk.locator('.field__error')).toHaveText('请选择“用途”');
  await answerChoice(kiosk, '用途', '就业');
  await tickMaterials(kiosk, ['本人居民身份证']);

  // Check answers: the number masked, each answer changeable, coming back here.
  await expect(kiosk.getByRole('heading', { name: ZH.check })).toBeVisible();
  await expect(kiosk.getByText('**************002X')).toBeVisible();
  await expect(kiosk.getByText('11010519491231002X')).toHaveCount(0);
  await expect(kiosk.getByText('您将通过绿色通道优先办理。')).toBeVisible(); // born 1949: over 70
  await axe(kiosk, 'check answers');
  await kiosk.getByRole('button', { name: '修改用途' }).click();
  await answerChoice(kiosk, '用途', '入学');
  await expect(kiosk.getByRole('heading', { name: ZH.check })).toBeVisible();
  await expect(kiosk.getByText('入学')).toBeVisible();

  // Two taps on submit: one application, one ticket.
  await kiosk.getByRole('button', { name: ZH.submit }).dblclick();
  await expect(kiosk.getByRole('heading', { name: ZH.confirmed })).toBeVisible();
  await expect(kiosk.locator('.ticket__number')).toHaveText('A001');
  await expect(kiosk.locator('.confirmation__case-number')).toHaveText(/^YZ\d{8}-\d{4,6}$/);
  await axe(kiosk, 'confirmation');
  const res = await fetch(`${hall.hub.url}/api/queue`, { headers: { authorization: `Bearer ${hall.adminToken}` } });
  expect(((await res.json()) as { waiting: Record<string, number> }).waiting.household).toBe(1);
  await removeCard(hall);

  await kiosk.getByRole('button', { name: ZH.done }).click();
  await expect(kiosk.getByRole('heading', { name: ZH.welcome })).toBeVisible();
  await expect(kiosk.getByRole('button', { name: '开启语音' })).toHaveAttribute('aria-pressed', 'false');
  expect(await kiosk.locator('body').innerText()).not.toContain('张晓明');
  // Nor is anything of hers in the hub's data folder in clear: not the card's number and name, nor the phone typed.
  expect(findTexts(hall.hub.dataDir, ['11010519491231002X', '张晓明', '13912345678'])).toEqual([]);
});

test('driving licence renewal through the keypad: the check digit is checked as typed', async ({ hall }) => {
  const kiosk = await openKiosk(hall, '2号自助机');
  await toIdentify(kiosk, '交管业务', '驾驶证期满换证');
  await kiosk.getByRole('button', { name: '手动输入身份证号码' }).click();
  await expect(kiosk.getByRole('heading', { name: '请输入公民身份号码' })).toBeVisible();
  await typeOnPad(kiosk, '身份证号码键盘', '150102198506150312');
  await expect(kiosk.locator('.field__error')).toHaveText('身份证号码校验位不对，请核对每一位');
  await axe(kiosk, 'keypad with a wrong check digit');
  await kiosk.getByRole('group', { name: '身份证号码键盘' }).getByRole('button', { name: '退格' }).click();
  await typeOnPad(kiosk, '身份证号码键盘', '1');
  await expect(kiosk.locator('.field__error')).toHaveCount(0);
  await kiosk.getByRole('button', { name: '确认', exact: true }).click();

  await answerText(kiosk, '姓名', '单文杰');
  await answerText(kiosk, '手机号码', '13912345678');
  await tickMaterials(kiosk, 'all');
  await expect(kiosk.getByText('**************0311')).toBeVisible();
  const { number } = await submitAndConfirm(kiosk);
  expect(number).toBe('B001');
  await expect(kiosk.getByText('预计办结')).toBeVisible();
});

test('a first passport in English and elderly mode: pinyin proposed, a missing photo receipt may follow later', async ({ hall }) => {
  const kiosk = await openKiosk(hall, '3号自助机');
  await kiosk.getByRole('button', { name: 'English' }).click();
  await kiosk.getByRole('radio', { name: /Easy mode/ }).check();
  await expect(kiosk.locator('.page--elderly')).toBeVisible();
  await axe(kiosk, 'welcome (en, elderly)');
  await toIdentify(kiosk, 'Exit-entry', 'Ordinary passport, first application', EN);
  const size = await kiosk.evaluate(() => parseFloat(getComputedStyle(document.querySelector('.journey-step__guide')!).fontSize));
  expect(size).toBeGreaterThanOrEqual(32);
  await axe(kiosk, 'identify (en, elderly)');

  await tapCard(hall, 'tests:shan-wenjie');
  await expect(kiosk.getByRole('heading', { name: /Name in pinyin/ })).toBeVisible();
  // 单 as a surname reads SHAN, not DAN.
  await expect(kiosk.getByLabel('Surname (pinyin)')).toHaveValue('SHAN');
  await expect(kiosk.getByLabel('Given name (pinyin)')).toHaveValue('WENJIE');
  await axe(kiosk, 'pinyin question (en, elderly)');
  await kiosk.getByRole('button', { name: EN.continue, exact: true }).click();
  await answerText(kiosk, 'Mobile phone', '13800001111', EN);
  await tickMaterials(kiosk, ['Your resident ID card'], EN);
  await expect(kiosk.getByText(/Accepted now; bring by \d{4}-\d{2}-\d{2}: Photo receipt/)).toBeVisible();
  await axe(kiosk, 'check answers (en, elderly)');
  const { number } = await submitAndConfirm(kiosk, EN);
  expect(number).toBe('C001');
  await expect(kiosk.getByText(/Bring by \d{4}-\d{2}-\d{2}: Photo receipt/)).toBeVisible();
  await axe(kiosk, 'confirmation (en, elderly)');
  await removeCard(hall);
});

test('a missing mandatory document gets the one-time notice instead of a ticket', async ({ hall }) => {
  const kiosk = await openKiosk(hall, '4号自助机');
  await toIdentify(kiosk, '户政业务', '户口迁移（区内）');
  await tapCard(hall, 'tests:zeng-xiaohong');
  await answerText(kiosk, '手机号码', '13912345678');
  await answerText(kiosk, '迁入地址', '呼和浩特市新城区兴安北路2号');
  await answerChoice(kiosk, '迁移原因', '购房');
  await tickMaterials(kiosk, ['本人居民身份证']);
  await expect(kiosk.getByRole('heading', { name: '缺少必须的材料，今天暂时无法受理' })).toBeVisible();
  await expect(kiosk.locator('.materials-list--missing')).toContainText('居民户口簿');
  await axe(kiosk, 'blocked');
  // This kiosk has no printer: it says so rather than pretending.
  await kiosk.getByRole('button', { name: '打印告知单' }).click();
  await expect(kiosk.getByText('暂时无法打印')).toBeVisible();
  await kiosk.getByRole('button', { name: '结束' }).click();
  await expect(kiosk.getByRole('heading', { name: ZH.welcome })).toBeVisible();
  await removeCard(hall);
});

test('left mid-way, the kiosk counts down and wipes everything the citizen entered', async ({ hall }) => {
  const kiosk = await openKiosk(hall, '5号自助机');
  const historyBefore = await kiosk.evaluate(() => history.length);
  await kiosk.clock.install();
  await kiosk.getByRole('button', { name: 'English' }).click();
  await toIdentify(kiosk, 'Exit-entry', 'Border-tourism travel document', EN);
  await tapCard(hall, 'tests:ou-zhiqiang');
  await expect(kiosk.getByLabel('Surname (pinyin)')).toHaveValue('OU');
  await removeCard(hall);

  // The last touch starts the 60 s (a tap on the title: it changes nothing), so that the real time
  // the steps above took on a busy machine does not count against the fake clock's minute.
  await kiosk.locator('.kiosk-header__title').click();
  await kiosk.clock.runFor(59_000);
  await expect(kiosk.getByRole('alertdialog')).toHaveCount(0);
  await kiosk.clock.runFor(2_000);
  await expect(kiosk.getByRole('alertdialog', { name: 'Are you still there?' })).toBeVisible();
  await axe(kiosk, 'idle countdown');
  await kiosk.clock.runFor(16_000);
  await expect(kiosk.getByRole('heading', { name: ZH.welcome })).toBeVisible();

  // Nothing of theirs remains: not on screen, not in storage, not in history, not in the JS heap.
  const page = await kiosk.evaluate(() => ({
    text: document.body.innerText,
    html: document.documentElement.outerHTML,
    local: localStorage.length,
    session: sessionStorage.length,
    history: history.length,
  }));
  for (const secret of ['区志强', '150103197811200137', 'ZHIQIANG']) {
    expect(page.text).not.toContain(secret);
    expect(page.html).not.toContain(secret);
  }
  expect(page.local + page.session).toBe(0);
  expect(page.history).toBe(historyBefore);
  const cdp = await kiosk.context().newCDPSession(kiosk);
  await cdp.send('HeapProfiler.enable');
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
  const chunks: string[] = [];
  cdp.on('HeapProfiler.addHeapSnapshotChunk', (e) => chunks.push(e.chunk));
  await cdp.send('HeapProfiler.takeHeapSnapshot', { reportProgress: false });
  const snapshot = chunks.join('');
  expect(snapshot.length).toBeGreaterThan(100_000);
  for (const secret of ['区志强', '150103197811200137', 'ZHIQIANG']) expect(snapshot.includes(secret), `heap holds ${secret}`).toBe(false);
});

test('a tour group of three: each member reads their own card, one ticket for all', async ({ hall }) => {
  const kiosk = await openKiosk(hall, '6号自助机');
  await toIdentify(kiosk, '出入境业务', '边境旅游出入境证件');
  const members = [
    { card: 'tests:shan-wenjie', surname: 'SHAN', phone: '13900000001' },
    { card: 'tests:zeng-xiaohong', surname: 'ZENG', phone: '13900000002' },
    { card: 'tests:ou-zhiqiang', surname: 'OU', phone: '13900000003' },
  ];
  for (const [i, m] of members.entries()) {
    if (i > 0) {
      await kiosk.getByRole('button', { name: '添加同团成员' }).click();
      await expect(kiosk.getByRole('heading', { name: `请第 ${i + 1} 位同团成员验证身份` })).toBeVisible();
    }
    await tapCard(hall, m.card);
    await expect(kiosk.getByLabel('姓（拼音）')).toHaveValue(m.surname);
    await kiosk.getByRole('button', { name: ZH.continue, exact: true }).click();
    await answerText(kiosk, '手机号码', m.phone);
    if (i === 0) {
      await answerChoice(kiosk, '出境口岸', '满洲里口岸（俄罗斯）');
      await expect(kiosk.getByRole('heading', { name: '出行日期' })).toBeVisible();
      await kiosk.getByRole('button', { name: /^明天/ }).click();
      await kiosk.getByRole('button', { name: ZH.continue, exact: true }).click();
      await answerChoice(kiosk, '出行方式', '旅行社团队');
      await expect(kiosk.getByRole('heading', { name: '团队编号' })).toBeVisible();
      await typeOnPad(kiosk, '字母键盘', 'NM-2026-118');
      await kiosk.getByRole('button', { name: ZH.continue, exact: true }).click();
    }
    await tickMaterials(kiosk, 'all');
    await expect(kiosk.getByRole('heading', { name: ZH.check })).toBeVisible();
    await removeCard(hall);
  }
  await expect(kiosk.getByRole('heading', { name: '第 3 位' })).toBeVisible();
  // A member who turns out not to travel is taken off the list, and can be added back.
  await kiosk.getByRole('button', { name: '移除第 3 位' }).click();
  await expect(kiosk.getByRole('heading', { name: '第 3 位' })).toHaveCount(0);
  await kiosk.getByRole('button', { name: '添加同团成员' }).click();
  await tapCard(hall, 'tests:ou-zhiqiang');
  await expect(kiosk.getByLabel('姓（拼音）')).toHaveValue('OU');
  await kiosk.getByRole('button', { name: ZH.continue, exact: true }).click();
  await answerText(kiosk, '手机号码', '13900000003');
  await tickMaterials(kiosk, 'all');
  await removeCard(hall);
  await expect(kiosk.getByRole('heading', { name: '第 3 位' })).toBeVisible();
  await axe(kiosk, 'check answers, group of three');
  await kiosk.getByRole('button', { name: ZH.submit }).click();
  await expect(kiosk.getByRole('heading', { name: ZH.confirmed })).toBeVisible();
  await expect(kiosk.getByText('团体 3 人，共用一个号码')).toBeVisible();
  await expect(kiosk.locator('.confirmation__case-number')).toHaveCount(3);
  await expect(kiosk.locator('.ticket__number')).toHaveText('C001');
});

test('in Mongolian the kiosk writes top to bottom in its own font, and passes axe', async ({ hall }) => {
  const kiosk = await openKiosk(hall, '7号自助机');
  await kiosk.getByRole('button', { name: 'ᠮᠣᠩᠭᠣᠯ' }).click();
  await expect(kiosk.locator('html')).toHaveAttribute('lang', 'mn');
  const mode = await kiosk.evaluate(() => getComputedStyle(document.querySelector('.kiosk-step-title')!).writingMode);
  expect(mode).toMatch(/^vertical/);
  expect(await kiosk.evaluate(() => document.fonts.check('32px "Noto Sans Mongolian"', 'ᠮᠣᠩᠭᠣᠯ'))).toBe(true);
  await axe(kiosk, 'welcome (mn)');
  await kiosk.locator('.kiosk-step-nav .btn--primary').click();
  await axe(kiosk, 'business lines (mn)');
  await kiosk.locator('.line-button--traffic').click();
  await axe(kiosk, 'services (mn)');
  await kiosk.locator('.service-button').first().click();
  await axe(kiosk, 'notice (mn)');
  await kiosk.locator('.kiosk-step-nav .btn--primary').click();
  await axe(kiosk, 'identify (mn)');
});

test('the booth offers only what needs no clerk, and answers a progress query', async ({ hall }) => {
  const kiosk = await openKiosk(hall, '8号自助机');
  await toIdentify(kiosk, '交管业务', '驾驶证期满换证');
  await tapCard(hall, 'tests:zeng-xiaohong');
  await answerText(kiosk, '手机号码', '13912345678');
  await tickMaterials(kiosk, 'all');
  const { caseNumber } = await submitAndConfirm(kiosk);
  await removeCard(hall);

  const booth = await hall.openScreen('booth', '24小时自助区');
  await expect(booth.getByText(/大厅开放时间：周一至周五 09:00–17:00/)).toBeVisible();
  await booth.getByRole('button', { name: ZH.start, exact: true }).click();
  await booth.getByRole('button', { name: '户政业务' }).click();
  await expect(booth.getByRole('button', { name: /户口迁移/ })).toBeDisabled();
  await expect(booth.getByRole('button', { name: /户籍证明/ })).toBeEnabled();
  await expect(booth.getByRole('button', { name: /只取号/ })).toHaveCount(0);
  await axe(booth, 'booth services');
  await booth.getByRole('button', { name: '返回上一步' }).click();
  await booth.getByRole('button', { name: '返回上一步' }).click();

  await booth.getByRole('button', { name: '查询办理进度' }).click();
  // A malformed number is told as such, not as an empty box.
  await booth.getByLabel('申请编号（如 YZ20261124-0001）').fill('YZ123');
  await booth.getByLabel('身份证号码后 4 位').fill('12');
  await booth.getByRole('button', { name: '查询', exact: true }).click();
  await expect(booth.locator('.error-summary')).toContainText('申请编号的格式如 YZ20261124-0001，在号票或回执上可以找到');
  await expect(booth.locator('.error-summary')).toContainText('请填写身份证号码的最后 4 位，最后一位可以是 X');
  await booth.getByLabel('申请编号（如 YZ20261124-0001）').fill(caseNumber);
  await booth.getByLabel('身份证号码后 4 位').fill('0000');
  await booth.getByRole('button', { name: '查询', exact: true }).click();
  await expect(booth.locator('.error-summary').getByText('没有找到这个申请')).toBeVisible();
  await expect(booth.locator('.field__error')).toContainText('没有找到这个申请');
  await axe(booth, 'progress query, not found');
  await booth.getByLabel('身份证号码后 4 位').fill('0424');
  await booth.getByRole('button', { name: '查询', exact: true }).click();
  await expect(booth.locator('.progress__status')).toHaveText('已提交，等待叫号');
  await expect(booth.getByText('请留意叫号，到窗口办理。')).toBeVisible();
  await axe(booth, 'progress query, found');

  // The hall closed today (the supervisor's hours leave today out): the booth still takes the
  // application, but gives no queue ticket for a day whose windows will not open.
  const headers = await supervisorHeaders(hall);
  const settings = (await (await fetch(`${hall.hub.url}/api/settings`, { headers })).json()) as Record<string, unknown>;
  const today = new Date(Date.now() + 8 * 3_600_000).getUTCDay() || 7;
  const days = [1, 2, 3, 4, 5, 6, 7].filter((d) => d !== today);
  const put = await fetch(`${hall.hub.url}/api/settings`, {
    method: 'PUT',
    headers,
    body: JSON.stringify({ ...settings, openingHours: { days, open: '09:00', close: '17:00' } }),
  });
  expect(put.status).toBe(200);
  await booth.reload();
  await bindDevicesTo(hall, '24小时自助区');
  await expect(booth.getByText(/大厅现在已关闭/)).toBeVisible();
  await toIdentify(booth, '户政业务', '户籍证明');
  await tapCard(hall, 'tests:shan-wenjie');
  await answerText(booth, '手机号码', '13912345678');
  await answerChoice(booth, '用途', '就业');
  await tickMaterials(booth, 'all');
  await booth.getByRole('button', { name: ZH.submit }).click();
  await expect(booth.getByRole('heading', { name: ZH.confirmed })).toBeVisible();
  await expect(booth.getByText(/大厅现在已关闭，下次开放/)).toBeVisible();
  await expect(booth.getByText('申请已记录。请记下申请编号，大厅开放后凭申请编号到窗口办理，无需重新填写。')).toBeVisible();
  await expect(booth.locator('.ticket__number')).toHaveCount(0);
  await expect(booth.locator('.confirmation__case-number')).toHaveText(/^YZ\d{8}-\d{4,6}$/);
  await axe(booth, 'booth confirmation, hall closed');
  await removeCard(hall);

  // Next morning the applicant brings the case number to a window: the clerk opens it by number.
  const nightCase = (await booth.locator('.confirmation__case-number').textContent())?.trim() ?? '';
  const clerk = await clerkAt(hall, 'C201', '赵警官', '1号窗口');
  await clerk.getByLabel('申请编号', { exact: true }).fill(nightCase.toLowerCase());
  await clerk.getByRole('button', { name: '查找', exact: true }).click();
  const found = clerk.getByRole('article', { name: nightCase });
  await expect(found.getByText('150102198506150311')).toBeVisible();
  await expect(found.getByText('就业')).toBeVisible();
  await axe(clerk, 'clerk case lookup');
  await clerk.getByLabel('申请编号', { exact: true }).fill('YZ20991231-0001');
  await clerk.getByRole('button', { name: '查找', exact: true }).click();
  await expect(clerk.getByText('没有这个申请编号。')).toBeVisible();
});

test('an appointment QR code scanned by a keyboard-wedge scanner, then the booked person’s own card', async ({ hall }) => {
  const code = await bookAppointment(hall, { line: 'traffic', name: '曾晓红', idNumber: '150102199003080424' });

  const kiosk = await openKiosk(hall, '9号自助机');
  await toIdentify(kiosk, '交管业务', '驾驶证期满换证');
  await kiosk.getByRole('button', { name: '扫描预约二维码' }).click();
  await expect(kiosk.getByText('请将预约二维码对准扫描窗口。', { exact: true })).toBeVisible();
  // A scanner types the code far faster than a person, and ends with Enter.
  await wedgeScan(kiosk, `YZ-APPT:${code}`);
  // Booked for a named person (issue 11): the code alone identifies nobody; their card is asked.
  await expect(kiosk.getByText(`预约 ${code} 是为预约人本人登记的`, { exact: false })).toBeVisible();
  await tapCard(hall, 'resident');
  await expect(kiosk.getByRole('alert').filter({ hasText: '这张身份证与预约登记的预约人不符' })).toBeVisible();
  await removeCard(hall);
  await kiosk.waitForTimeout(400);
  await tapCard(hall, 'tests:zeng-xiaohong');
  // The card held the name and ID number: the first question is the phone.
  await answerText(kiosk, '手机号码', '13912345678');
  await tickMaterials(kiosk, 'all');
  await expect(kiosk.getByText('**************0424')).toBeVisible();
  await submitAndConfirm(kiosk);
  await expect(kiosk.locator('.ticket__class--green, .ticket__class--appointment')).toHaveCount(0);
  const again = await fetch(`${hall.hub.url}/api/appointments/${code}`, { headers: { authorization: `Bearer ${hall.adminToken}` } });
  expect(again.status).not.toBe(200); // used (409), or not for admins (403): either way not offered twice
});

test('an expired card or a card that fails its checks is explained, and the keypad is offered', async ({ hall }) => {
  const kiosk = await openKiosk(hall, '10号自助机');
  await toIdentify(kiosk, '出入境业务', '普通护照首次申领');
  await tapCard(hall, 'expired');
  await expect(
    kiosk.getByRole('alert').getByText('这张身份证已于 2020-01-01 过期，不能用于办理本业务。请先换领身份证，或手动输入号码由窗口核验。'),
  ).toBeVisible();
  await axe(kiosk, 'identify, expired card');
  await removeCard(hall);
  await tapCard(hall, 'bad-check-digit');
  await expect(kiosk.getByRole('alert').getByText('未能读取证件，请重新放置，或手动输入号码。')).toBeVisible();
  await removeCard(hall);
  await kiosk.getByRole('button', { name: '手动输入身份证号码' }).click();
  await expect(kiosk.getByRole('heading', { name: '请输入公民身份号码' })).toBeVisible();

  // Renewing an expired card is exactly what the expired card is for.
  await kiosk.getByRole('button', { name: '返回上一步' }).click();
  await kiosk.getByRole('button', { name: '返回上一步' }).click();
  await kiosk.getByRole('button', { name: '返回上一步' }).click();
  await kiosk.getByRole('button', { name: '返回上一步' }).click();
  await kiosk.getByRole('button', { name: '户政业务' }).click();
  await kiosk.getByRole('button', { name: '居民身份证换领' }).click();
  await kiosk.getByRole('button', { name: ZH.continueNotice }).click();
  await tapCard(hall, 'expired');
  await expect(kiosk.getByRole('heading', { name: '手机号码' })).toBeVisible();
  await removeCard(hall);
});

test('every button on the journey pages is at least 60 px, and text at least 24 px', async ({ hall }) => {
  const kiosk = await openKiosk(hall, '11号自助机');
  const measure = async (page: string) => {
    const found = await kiosk.evaluate(() => ({
      buttons: Array.from(document.querySelectorAll('main button, main input[type=radio], main input[type=checkbox], main a'))
        .filter((b) => b.getClientRects().length > 0)
        .map((b) => {
          // A radio or check box is hit through its whole label row.
          const target = b.closest('label') ?? b;
          const r = target.getBoundingClientRect();
          return { name: (target.textContent ?? '').trim().slice(0, 20), side: Math.min(r.width, r.height) };
        }),
      smallest: Math.min(
        ...Array.from(document.querySelectorAll('main p, main li, main label, main dd, main dt'))
          .filter((e) => e.getClientRects().length > 0 && (e.textContent ?? '').trim() !== '')
          .map((e) => parseFloat(getComputedStyle(e).fontSize)),
      ),
    }));
    for (const b of found.buttons) expect(b.side, `${page}: "${b.name}"`).toBeGreaterThanOrEqual(44);
    for (const b of found.buttons.filter((x) => !/^(修改|Change)$/.test(x.name))) expect(b.side, `${page}: "${b.name}"`).toBeGreaterThanOrEqual(60);
    expect(found.smallest, `${page}: smallest text`).toBeGreaterThanOrEqual(24);
  };
  await measure('welcome');
  await toIdentify(kiosk, '出入境业务', '普通护照首次申领');
  await measure('identify');
  await kiosk.getByRole('button', { name: '手动输入身份证号码' }).click();
  await measure('ID keypad');
  await typeOnPad(kiosk, '身份证号码键盘', '150102198506150311');
  await kiosk.getByRole('button', { name: '确认', exact: true }).click();
  await answerText(kiosk, '姓名', '单文杰');
  await expect(kiosk.getByLabel('姓（拼音）')).toHaveValue('SHAN');
  await measure('pinyin with letter keypad');
  await kiosk.getByRole('button', { name: ZH.continue, exact: true }).click();
  await answerText(kiosk, '民族', '汉');
  await expect(kiosk.getByRole('heading', { name: '手机号码' })).toBeVisible();
  await measure('phone with digit keypad');
});

test('axe finds nothing on any journey page, in each language and mode', async ({ hall }) => {
  test.setTimeout(180_000);
  const kiosk = await openKiosk(hall, '12号自助机');
  const primary = kiosk.locator('.kiosk-step-nav .btn--primary');
  let n = 0;
  for (const language of ['中文', 'ᠮᠣᠩᠭᠣᠯ', 'English']) {
    for (const elderly of [false, true]) {
      const mode = `${language}${elderly ? ', elderly' : ''}`;
      await kiosk.getByRole('button', { name: new RegExp(`${language}$`) }).click();
      if (elderly) await kiosk.locator('input[type=radio]').nth(1).check();
      await axe(kiosk, `welcome (${mode})`);
      await primary.click();
      await axe(kiosk, `lines (${mode})`);
      await kiosk.locator('.line-button--household').click();
      await axe(kiosk, `services (${mode})`);
      await kiosk.locator('.service-button').nth(5).click(); // 出生登记: every kind of question
      await axe(kiosk, `notice (${mode})`);
      await primary.click();
      await axe(kiosk, `identify (${mode})`);
      await kiosk.locator('.identify__other .btn').first().click();
      await kiosk.locator('#id-typed').fill(`15010219900101${String(100 + n++).slice(-3)}`);
      await axe(kiosk, `keypad, 17 typed (${mode})`);
      // A birth date in the future is caught as it is typed.
      await kiosk.locator('#id-typed').fill('15010220990101001');
      await expect(kiosk.locator('.field__error')).toBeVisible();
      await axe(kiosk, `keypad, future birth date (${mode})`);
      await kiosk.locator('#id-typed').fill('150102198506150311');
      await primary.click();
      // childName (text), childGender (choice), childBirthDate (date), name, phone, otherParentIdNumber (optional).
      await kiosk.locator('.journey-step__body input').first().fill('单小杰');
      await primary.click();
      await axe(kiosk, `choice question (${mode})`);
      await kiosk.locator('input[type=radio]').first().check();
      await primary.click();
      await kiosk.locator('input[type=date]').fill('2099-01-01');
      await primary.click();
      await expect(kiosk.locator('.error-summary')).toBeVisible();
      await axe(kiosk, `date question with an error (${mode})`);
      await kiosk.locator('input[type=date]').fill('2026-11-01');
      await primary.click();
      await kiosk.locator('.journey-step__body input').first().fill('单文杰');
      await primary.click();
      await kiosk.locator('.journey-step__body input').first().fill('13912345678');
      await primary.click();
      await axe(kiosk, `optional ID number question (${mode})`);
      await primary.click();
      await axe(kiosk, `materials (${mode})`);
      for (const box of await kiosk.getByRole('checkbox').all()) await box.check();
      await primary.click();
      await axe(kiosk, `check answers (${mode})`);
      await primary.click();
      await expect(kiosk.locator('.confirmation__case-number')).toBeVisible();
      await axe(kiosk, `confirmation (${mode})`);
      await primary.click();
      await expect(kiosk.locator('.welcome')).toBeVisible();
    }
  }
});

test('axe finds nothing on the booth and the quick-ticket pages in Mongolian and English', async ({ hall }) => {
  const booth = await hall.openScreen('booth', '13号自助机');
  for (const language of ['ᠮᠣᠩᠭᠣᠯ', 'English']) {
    await booth.getByRole('button', { name: new RegExp(`${language}$`) }).click();
    await axe(booth, `booth welcome (${language})`);
    await booth.locator('.kiosk-step-nav .btn').first().click(); // the progress query
    await axe(booth, `progress query (${language})`);
    await booth.locator('.kiosk-step-nav .btn--primary').click();
    await expect(booth.locator('.error-summary')).toBeVisible();
    await axe(booth, `progress query with errors (${language})`);
    await booth.locator('.kiosk-back').click();
    await booth.locator('.kiosk-step-nav .btn--primary').click();
    await booth.locator('.line-button--traffic').click();
    await axe(booth, `booth services (${language})`);
    await booth.locator('.kiosk-back').click();
    await booth.locator('.kiosk-back').click();
  }
  const kiosk = await hall.openScreen('kiosk', '14号自助机');
  for (const language of ['ᠮᠣᠩᠭᠣᠯ', 'English']) {
    await kiosk.getByRole('button', { name: new RegExp(`${language}$`) }).click();
    await kiosk.locator('.kiosk-step-nav .btn--primary').click();
    await kiosk.locator('.line-button--exit_entry').click();
    await kiosk.locator('.service-button--quick').click();
    await axe(kiosk, `quick ticket classes (${language})`);
    await kiosk.locator('.class-picker button').first().click();
    await expect(kiosk.locator('.ticket__number')).toHaveText(/^C\d{3}$/);
    await axe(kiosk, `quick ticket (${language})`);
    await kiosk.locator('.ticket .btn--primary').click();
    await expect(kiosk.locator('.welcome')).toBeVisible();
  }
});
