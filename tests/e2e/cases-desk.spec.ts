import type { Page } from '@playwright/test';
import { addWorkingDays, workingCalendar } from '../../electron/domain/calendar/working-days.js';
import { serviceDay } from '../../electron/domain/service-day.js';
import { expect, test, type Hall } from './fixtures.js';
import { axe, desk, tickPapers, workingDaysFromToday, zhDate } from './case-steps.js';
import { bindDevicesTo, removeCard, tapCard } from './kiosk-steps.js';
import { adminSection, clerkAt, signIn, takeTicket } from './steps.js';

/**
 * The clerk's case desk beyond the happy paths: two clerks on one case at once, a walk-in started
 * from the ID card on the window's reader, the supervisor's calendar moving a promised date, and a
 * case handed to a colleague (首接责任). The windows have no printer here: the desk says so.
 */
const APPLICANT = '150102198506150311';
const transferForm = { name: '单文杰', idNumber: APPLICANT, phone: '13800138000', newAddress: '锡林浩特市额尔敦路12号', moveReason: 'work' };

/** Submits a pre-filled application from a kiosk page, as its journey does at the end. */
async function submitAtKiosk(kiosk: Page, materials: string[]): Promise<string> {
  return kiosk.evaluate(
    async ({ form, materials }) => {
      const res = await fetch('/api/applications', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-yizhan-role': 'kiosk' },
        body: JSON.stringify({ requestId: crypto.randomUUID(), serviceCode: 'hukou_transfer', form, materials }),
      });
      return ((await res.json()) as { application: { caseNumber: string } }).application.caseNumber;
    },
    { form: transferForm, materials },
  );
}

async function openByNumber(clerk: Page, caseNumber: string): Promise<void> {
  await clerk.getByLabel('申请编号', { exact: true }).fill(caseNumber);
  await clerk.getByRole('button', { name: '查找', exact: true }).click();
  await expect(desk(clerk, caseNumber).locator('.case-status')).toHaveText('已提交，等待叫号');
}

async function supervisorScreen(hall: Hall): Promise<Page> {
  await hall.ensureAdmin();
  const admin = await hall.openScreen('admin');
  await signIn(admin, hall.admin.staffNo, hall.admin.pin);
  return admin;
}

test('two clerks decide one case at the same moment: one wins, the other is told who has it', async ({ hall }) => {
  const kiosk = await hall.openScreen('kiosk');
  const caseNumber = await submitAtKiosk(kiosk, ['id_card', 'hukou_booklet']);
  const a = await clerkAt(hall, 'C801', '钱警官', '1号窗口');
  const b = await clerkAt(hall, 'C802', '孙警官', '2号窗口');
  await openByNumber(a, caseNumber);
  await openByNumber(b, caseNumber);

  // Both refuse, each for a reason of their own, pressing at once (a form stays open while the
  // other's decision arrives, so both presses reach the host).
  await desk(a, caseNumber).getByRole('button', { name: '不予受理', exact: true }).click();
  await desk(a, caseNumber).getByRole('radio', { name: '不符合申请条件' }).check();
  const confirmA = desk(a, caseNumber).getByRole('button', { name: '确认不予受理并打印告知书' });
  await desk(b, caseNumber).getByRole('button', { name: '不予受理', exact: true }).click();
  await desk(b, caseNumber).getByRole('radio', { name: '同一事项已在办理' }).check();
  const confirmB = desk(b, caseNumber).getByRole('button', { name: '确认不予受理并打印告知书' });
  await Promise.all([confirmA.click(), confirmB.click()]);

  const conflictA = desk(a, caseNumber).locator('.case-conflict');
  const conflictB = desk(b, caseNumber).locator('.case-conflict');
  await expect.poll(async () => (await conflictA.count()) + (await conflictB.count()), { timeout: 10_000 }).toBe(1);
  const [loser, winner] =
    (await conflictA.count()) === 1
      ? [a, { name: '孙警官', no: 'C802', reason: '同一事项已在办理' }]
      : [b, { name: '钱警官', no: 'C801', reason: '不符合申请条件' }];
  await expect(desk(loser, caseNumber).locator('.case-conflict')).toContainText(`此办件刚刚已由${winner.name}（${winner.no}）处理`);
  await expect(desk(loser, caseNumber).locator('.case-conflict')).toContainText('现在的状态是“不予受理”');
  await expect(desk(a, caseNumber).locator('.case-status')).toHaveText('不予受理');
  await expect(desk(b, caseNumber).locator('.case-status')).toHaveText('不予受理');
  await axe(loser, 'case desk told who has the case');
  // One step happened, not two: the history has the submission and the winner's decision.
  await expect(desk(a, caseNumber).locator('.case-history li')).toHaveCount(2);
  await expect(desk(a, caseNumber).locator('.case-history li').nth(1)).toContainText(winner.reason);
});

test.describe('with the simulated card reader', () => {
  test.use({ hubOptions: { args: ['--simulate-devices'] } });

  test('a walk-in started at the window from the ID card on its reader, with the kiosk’s checks, then found again by the card', async ({ hall }) => {
    const kiosk = await hall.openScreen('kiosk', '1号自助机');
    const number = await takeTicket(kiosk, '户政业务', { kind: 'normal' });
    const clerk = await clerkAt(hall, 'C811', '李警官', '1号窗口');
    await bindDevicesTo(hall, '1号窗口 PC');
    await clerk.getByRole('button', { name: '呼叫下一位' }).click();
    await expect(clerk.locator('.clerk-current__number')).toHaveText(number);
    await expect(clerk.getByText('本号码没有预填申请')).toBeVisible();

    await clerk.getByRole('button', { name: '窗口录入新申请' }).click();
    const form = clerk.getByRole('region', { name: '窗口录入申请' });
    await form.getByLabel('办理事项').selectOption({ label: '户籍证明' });
    await tapCard(hall, 'resident');
    await expect(form.getByLabel('姓名')).toHaveValue('张晓明');
    await expect(form.getByLabel('公民身份号码')).toHaveValue('11010519491231002X');
    await removeCard(hall);
    await form.getByLabel('手机号码').fill('1391234');
    await form.getByRole('button', { name: '保存申请' }).click();
    await expect(form.getByRole('link', { name: /手机号码: 手机号码应为 11 位数字/ })).toBeVisible();
    await axe(clerk, 'walk-in form with an error');
    await form.getByLabel('手机号码').fill('13912345678');
    await form.getByLabel('用途').selectOption({ label: '就业' });
    // A mandatory paper missing is refused as at the kiosk.
    await form.getByRole('button', { name: '保存申请' }).click();
    await expect(form.getByText('缺少必需材料：本人居民身份证。')).toBeVisible();
    await form.getByRole('checkbox', { name: '本人居民身份证' }).check();
    await form.getByRole('button', { name: '保存申请' }).click();

    // It joined the ticket being served: the desk shows it under the ticket's applications.
    const panel = clerk.getByRole('region', { name: '申请信息' });
    const caseNumber = ((await panel.locator('.case-desk__number').textContent()) ?? '').trim();
    expect(caseNumber).toMatch(/^YZ\d{8}-\d{4}$/);
    const d = desk(clerk, caseNumber);
    await expect(d.getByText('绿色通道')).toBeVisible(); // born 1949
    await tickPapers(clerk, caseNumber, ['本人居民身份证']);
    await d.getByRole('button', { name: '受理', exact: true }).click();
    await expect(d.getByRole('status')).toContainText('本窗口未设置打印机，文书没有打印。');
    await d.getByRole('button', { name: '当场办结' }).click();
    await expect(d.locator('.case-status')).toHaveText('已办结');
    await axe(clerk, 'case desk, completed');

    // Later, the same person's card on the reader lists their cases.
    await tapCard(hall, 'resident');
    const finder = clerk.getByRole('region', { name: '按申请编号查找' });
    await expect(finder.getByRole('row', { name: new RegExp(caseNumber) })).toContainText('已办结');
    await expect(finder.getByRole('row', { name: new RegExp(caseNumber) })).toContainText('张*明');
    await removeCard(hall);
  });
});

test('the supervisor’s calendar moves the promised date; the owner hands the case to a colleague', async ({ hall }) => {
  const admin = await supervisorScreen(hall);
  await adminSection(admin, '工作日历');
  const calendar = admin.getByRole('region', { name: '工作日历（节假日与调休）' });
  await calendar.getByRole('button', { name: '2026' }).click();
  await expect(calendar.getByRole('row', { name: /2026-10-10/ })).toContainText('调休上班');
  await expect(calendar.getByRole('row', { name: /2026-10-01/ })).toContainText('国庆节');
  await calendar.getByRole('button', { name: '2027' }).click();
  await expect(calendar.getByText(/2027 年：.*调休安排尚未公布/)).toBeVisible();
  await axe(admin, 'calendar, 2027 unpublished');

  // The next working day becomes a local holiday.
  const today = serviceDay(Date.now());
  const next = workingDaysFromToday(1);
  const edit = calendar.getByRole('form', { name: '修改某一天' });
  await edit.getByLabel('日期').fill(next);
  await edit.getByLabel('类型').selectOption({ label: '放假' });
  await edit.getByLabel('名称').fill('本地假日');
  await edit.getByRole('button', { name: '保存' }).click();
  await expect(calendar.getByText(`已保存：${next} 放假`)).toBeVisible();
  await expect(calendar.getByRole('row', { name: new RegExp(next) })).toContainText('本大厅修改');

  const kiosk = await hall.openScreen('kiosk');
  const caseNumber = await submitAtKiosk(kiosk, ['id_card', 'hukou_booklet', 'transfer_consent']);
  const a = await clerkAt(hall, 'C821', '周警官', '1号窗口');
  await hall.createStaff('C822', '吴警官');
  await openByNumber(a, caseNumber);
  await tickPapers(a, caseNumber, ['本人居民身份证', '居民户口簿', '房屋产权人同意落户书面意见']);
  await desk(a, caseNumber).getByRole('button', { name: '受理', exact: true }).click();
  const promised = addWorkingDays(today, 3, workingCalendar([{ day: next, kind: 'holiday', name: '本地假日' }]));
  expect(promised).not.toBe(workingDaysFromToday(3));
  await expect(desk(a, caseNumber).getByRole('status')).toContainText(`已受理，承诺办结日期 ${zhDate(promised)}。`);

  const mine = a.getByRole('region', { name: '我的办件' });
  await expect(mine.getByRole('row', { name: new RegExp(caseNumber) })).toContainText('单*杰');
  await desk(a, caseNumber)
    .getByRole('button', { name: `转交 ${caseNumber}` })
    .click();
  await desk(a, caseNumber).getByLabel('转交给').selectOption({ label: '吴警官（C822）' });
  await desk(a, caseNumber).getByLabel('转交原因').fill('本人明日起休假');
  await axe(a, 'transfer form');
  await desk(a, caseNumber).getByRole('button', { name: '确认转交' }).click();
  await expect(desk(a, caseNumber).getByRole('status')).toContainText('已转交给 吴警官。');
  await expect(desk(a, caseNumber).getByText('吴警官（C822）').first()).toBeVisible();
  await expect(mine.getByText('目前没有由您负责的在办办件。')).toBeVisible();
  // The supervisor sees it among the open cases, owned by the colleague now.
  await adminSection(admin, '办件时限');
  await expect(admin.getByRole('region', { name: '办件时限' }).getByRole('row', { name: new RegExp(caseNumber) })).toContainText('吴警官（C822）');
});
