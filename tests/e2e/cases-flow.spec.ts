import type { Page } from '@playwright/test';
import { expect, test, type Hall } from './fixtures.js';
import { axe, clerkCalls, counterFor, CUPS, desk, printedText, PRINTER, queryProgress, tickPapers, workingDaysFromToday, zhDate } from './case-steps.js';
import { answerChoice, answerText, bindDevicesTo, removeCard, submitAndConfirm, tapCard, tickMaterials, toIdentify, ZH } from './kiosk-steps.js';
import { adminSection, clerkAt, signIn, wedgeScan } from './steps.js';

/**
 * Issue 12 end to end: an application pre-filled at the kiosk reaches each end state through the
 * clerk's case desk, every paper comes out of CUPS with its text read back, the counter screen
 * facing the applicant says what was decided, and the progress query shows each state.
 */
test.describe('case work from the kiosk to each end state', () => {
  // Skipped only on a workstation without CUPS and poppler; .ci/run installs and starts them (scripts/test-prerequisites.sh).
  test.skip(!CUPS, 'needs cupsd with the cups-pdf queue "PDF" and poppler-utils');
  test.use({ hubOptions: { args: ['--simulate-devices', ...PRINTER] } });
  test.setTimeout(120_000);

  async function kiosk(hall: Hall, name: string): Promise<Page> {
    const k = await hall.openScreen('kiosk', name);
    await bindDevicesTo(hall, name);
    await expect(k.getByRole('heading', { name: ZH.welcome })).toBeVisible();
    return k;
  }

  async function finishTicket(clerk: Page): Promise<void> {
    await clerk.getByRole('button', { name: '开始办理' }).click();
    await clerk.getByRole('button', { name: '办结', exact: true }).click();
    await expect(clerk.locator('.clerk-current__number')).toHaveCount(0);
  }

  test('accepted with its receipt, done, and handed over to an agent; every state in the progress query', async ({ hall }) => {
    const k = await kiosk(hall, '1号自助机');
    await toIdentify(k, '户政业务', '户口迁移（区内）');
    await tapCard(hall, 'tests:zeng-xiaohong');
    await answerText(k, '手机号码', '13912345678');
    await answerText(k, '迁入地址', '锡林浩特市额尔敦路12号');
    await answerChoice(k, '迁移原因', '工作调动');
    await tickMaterials(k, 'all');
    const { number, caseNumber } = await submitAndConfirm(k);
    await removeCard(hall);
    await k.getByRole('button', { name: ZH.done }).click();

    const counter = await counterFor(hall, '1号窗口');
    const clerk = await clerkCalls(hall, 'C701', '周警官', '1号窗口', number);
    const d = desk(clerk, caseNumber);
    await expect(d.getByText('待核验')).toBeVisible(); // 住所证明: fetched online, the check comes with the back office
    await expect(d.getByRole('button', { name: '受理', exact: true })).toBeDisabled();
    await axe(clerk, 'case desk, submitted');
    await tickPapers(clerk, caseNumber, ['本人居民身份证', '居民户口簿', '房屋产权人同意落户书面意见']);
    await d.getByRole('button', { name: '受理', exact: true }).click();
    const promised = workingDaysFromToday(3);
    await expect(d.getByRole('status')).toContainText(`已受理，承诺办结日期 ${zhDate(promised)}。`);
    await expect(d.getByRole('status')).toContainText('文书已送本窗口打印机（1 份）');
    await expect(d.getByText('周警官（C701）').first()).toBeVisible();
    await expect(counter.getByText('受理成功')).toBeVisible();
    await expect(counter.getByText(`承诺办结日期：${zhDate(promised)}`)).toBeVisible();
    await axe(counter, 'counter screen, accepted');
    await axe(clerk, 'case desk, accepted');

    const receipt = await printedText(hall.hub.dataDir, 'acceptance_receipt');
    for (const s of [
      '受理回执',
      caseNumber,
      '**************0424',
      '户口迁移（区内）',
      `${zhDate(promised)}前`,
      '3 个工作日',
      '房屋产权人同意落户书面意见',
      '周警官（工号 C701）',
    ])
      expect(receipt).toContain(s);
    expect(receipt).not.toContain('150102199003080424');

    // The result is ready: 办结, then collected by an agent with their own ID card.
    await d.getByRole('button', { name: '办结，待领取' }).click();
    await expect(d.getByText('已办结，待领取', { exact: true })).toBeVisible();
    await d.getByRole('button', { name: '证件领取' }).click();
    await d.getByRole('radio', { name: '受托人代领' }).check();
    await d.getByLabel('受托人姓名').fill('乌云其其格');
    await d.getByLabel('受托人身份证号码').fill('150102196203084522');
    await d.getByRole('button', { name: '确认领取并打印签收单' }).click();
    await expect(d.getByText('已领取', { exact: true })).toBeVisible();
    await expect(d.getByText(/受托人 乌云其其格 领取/)).toBeVisible();
    const collected = await printedText(hall.hub.dataDir, 'collection_receipt');
    for (const s of ['证件领取签收单', caseNumber, '**************0424', '乌云其其格（受托人）', '**************4522', '领取人签字'])
      expect(collected).toContain(s);
    await finishTicket(clerk);

    await queryProgress(k, caseNumber, '0424');
    await expect(k.locator('.progress__status')).toHaveText('已领取');
    const steps = k.locator('.progress__step-status');
    await expect(steps).toHaveText(['已提交，等待叫号', '已受理，正在办理', '已办结，待领取', '已领取']);
    await expect(k.getByText('无需再办理。')).toBeVisible();
    await axe(k, 'progress query with its history');
  });

  test('accepted with the marriage certificate to follow (kinship pledge), extended by the supervisor, supplied at another window by the receipt’s QR, done on the spot', async ({
    hall,
  }) => {
    const k = await kiosk(hall, '2号自助机');
    await toIdentify(k, '户政业务', '出生登记');
    await tapCard(hall, 'tests:shan-wenjie');
    await answerText(k, '新生儿姓名', '单小雨');
    await answerChoice(k, '新生儿性别', '女');
    await k.locator('input[type=date]').fill('2026-11-01');
    await k.getByRole('button', { name: ZH.continue, exact: true }).click();
    await answerText(k, '手机号码', '13912345678');
    await answerText(k, '另一方父母身份号码', '150102198707042464');
    await tickMaterials(k, ['本人居民身份证', '居民户口簿']);
    const { number, caseNumber } = await submitAndConfirm(k);
    await removeCard(hall);
    await k.getByRole('button', { name: ZH.done }).click();

    const counter = await counterFor(hall, '1号窗口');
    const a = await clerkCalls(hall, 'C711', '王警官', '1号窗口', number);
    const d = desk(a, caseNumber);
    await tickPapers(a, caseNumber, ['本人居民身份证', '居民户口簿']);
    await d.getByRole('button', { name: '容缺受理' }).click();
    await expect(d.getByText(/缺少以下材料，将按容缺受理：父母结婚证/)).toBeVisible();
    // The pledge is pre-filled from the catalog and the form: the relationship and the other parent's number.
    await expect(d.getByLabel('与申请人关系')).toHaveValue('夫妻');
    await expect(d.getByLabel('关系人身份证号码')).toHaveValue('150102198707042464');
    await axe(a, 'case desk, 容缺 form');
    await d.getByRole('button', { name: '确认容缺受理并打印告知单' }).click();
    await expect(d.getByRole('link', { name: '关系人姓名: 此项必填。' })).toBeVisible();
    await d.getByLabel('关系人姓名').fill('李娜');
    await d.getByRole('button', { name: '确认容缺受理并打印告知单' }).click();
    const by = workingDaysFromToday(10);
    await expect(d.getByRole('status')).toContainText(`已容缺受理，请于 ${zhDate(by)} 前补正。`);
    await expect(d.getByRole('status')).toContainText('（3 份）');
    await expect(counter.getByText(`请在 ${zhDate(by)} 前补交：父母结婚证`)).toBeVisible();
    await axe(counter, 'counter screen, supplement');

    const applicantCopy = await printedText(hall.hub.dataDir, 'supplement_notice', 0);
    const fileCopy = await printedText(hall.hub.dataDir, 'supplement_notice', 1);
    for (const s of ['容缺补正告知单', caseNumber, '**************0311', '父母结婚证', `${zhDate(by)}前`, '申请人签字']) {
      expect(applicantCopy).toContain(s);
      expect(fileCopy).toContain(s);
    }
    expect(applicantCopy).toContain('第一联 申请人留存');
    expect(fileCopy).toContain('第二联 窗口存档');
    const pledge = await printedText(hall.hub.dataDir, 'kinship_pledge');
    for (const s of ['亲属关系承诺书', caseNumber, '**************0311', '李娜', '夫妻', '**************2464', '承诺人签字']) expect(pledge).toContain(s);
    await finishTicket(a);

    // The supervisor gives two more working days (the applicant called).
    await hall.ensureAdmin();
    const admin = await hall.openScreen('admin');
    await signIn(admin, hall.admin.staffNo, hall.admin.pin);
    await adminSection(admin, '办件时限');
    const deadlines = admin.getByRole('region', { name: '办件时限' });
    await expect(deadlines.getByRole('row', { name: new RegExp(caseNumber) })).toContainText(`${zhDate(by)} 前补正`);
    await deadlines.getByRole('button', { name: `延期 ${caseNumber}` }).click();
    await deadlines.getByLabel('延长工作日数').fill('2');
    await deadlines.getByLabel('原因').fill('申请人来电说明结婚证在外地');
    await deadlines.getByRole('button', { name: '确认延期' }).click();
    const extended = workingDaysFromToday(12);
    await expect(deadlines.getByText(`${caseNumber} 的补正期限已延至 ${zhDate(extended)}。`)).toBeVisible();
    await axe(admin, 'case deadlines');

    // Back with the certificate at window 2: the receipt's QR on the window's scanner opens the case.
    const b = await clerkAt(hall, 'C712', '吴警官', '2号窗口');
    await wedgeScan(b, `YZ:C:${caseNumber}`);
    const d2 = desk(b, caseNumber);
    await expect(d2.getByText('待补交材料', { exact: true }).first()).toBeVisible();
    await expect(d2.getByText(zhDate(extended))).toBeVisible();
    await tickPapers(b, caseNumber, ['父母结婚证（可用亲属关系承诺书容缺）']);
    await d2.getByRole('button', { name: '补正材料已收齐' }).click();
    await expect(d2.getByRole('status')).toContainText('补正材料已收齐');
    // 首接责任: the first clerk still owns the case.
    await expect(d2.getByText('王警官（C711）').first()).toBeVisible();
    const receipt = await printedText(hall.hub.dataDir, 'acceptance_receipt');
    for (const s of ['受理回执', caseNumber, '**************0311', '当场办结', '父母结婚证']) expect(receipt).toContain(s);
    await d2.getByRole('button', { name: '当场办结' }).click();
    await expect(d2.getByText('已办结', { exact: true })).toBeVisible();

    await queryProgress(k, caseNumber, '0311');
    // The extension changed a date, not the state: four states.
    await expect(k.locator('.progress__step-status')).toHaveText(['已提交，等待叫号', '待补交材料', '已受理，正在办理', '已办结']);
  });

  test('refused with the hall’s reason and the clerk’s words: the notice with the recourse, the counter says why', async ({ hall }) => {
    const k = await kiosk(hall, '3号自助机');
    await toIdentify(k, '户政业务', '户籍证明');
    await tapCard(hall, 'tests:ou-zhiqiang');
    await answerText(k, '手机号码', '13812345678');
    await answerChoice(k, '用途', '就业');
    await tickMaterials(k, 'all');
    const { number, caseNumber } = await submitAndConfirm(k);
    await removeCard(hall);
    await k.getByRole('button', { name: ZH.done }).click();

    const counter = await counterFor(hall, '1号窗口');
    const clerk = await clerkCalls(hall, 'C721', '赵警官', '1号窗口', number);
    const d = desk(clerk, caseNumber);
    await d.getByRole('button', { name: '不予受理', exact: true }).click();
    await d.getByRole('radio', { name: '不符合申请条件' }).check();
    await d.getByLabel('补充说明').fill('户籍不在本辖区，请到户籍所在地派出所办理。');
    await axe(clerk, 'case desk, refusal form');
    await d.getByRole('button', { name: '确认不予受理并打印告知书' }).click();
    await expect(d.getByText('不予受理', { exact: true }).first()).toBeVisible();
    await expect(counter.getByText('不予受理：不符合申请条件')).toBeVisible();
    await expect(counter.getByText('户籍不在本辖区，请到户籍所在地派出所办理。')).toBeVisible();
    await axe(counter, 'counter screen, refused');
    const notice = await printedText(hall.hub.dataDir, 'rejection_notice');
    for (const s of ['不予受理告知书', caseNumber, '**************0137', '申请人不符合该事项规定的申请条件', '户籍不在本辖区', '行政复议', '行政诉讼'])
      expect(notice).toContain(s);
    expect(notice).not.toContain('150103197811200137');

    await queryProgress(k, caseNumber, '0137');
    await expect(k.locator('.progress__step-status')).toHaveText(['已提交，等待叫号', '不予受理']);
    await expect(k.getByText('请查看不予受理告知书，或到咨询台咨询。')).toBeVisible();
  });
});
