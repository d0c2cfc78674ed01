import { expect, test } from './fixtures.js';
import { axe, counterFor, queryProgress } from './case-steps.js';
import { expectToFit } from './fit-check.js';
import { adminSection, callNext, clerkAt, signInAdmin, takeTicket } from './steps.js';

/**
 * 好差评 as the hall lives it: the clerk finishes a service, the counter screen facing the applicant
 * asks for the rating, a 不满意 with its reason becomes a rectification item, and the supervisor
 * assigns it, records the callback, the fix and the answer, and closes it.
 */
test('a 差评 on the counter screen after 办结 is handled to the end by the supervisor', async ({ hall }) => {
  const kiosk = await hall.openScreen('kiosk');
  const number = await takeTicket(kiosk, '户政业务', { kind: 'normal' });
  const counter = await counterFor(hall, '1号窗口');
  const clerk = await clerkAt(hall, 'C701', '王芳', '1号窗口');
  await hall.createStaff('C702', '李强');

  // The supervisor watches the hall live: the call moves the dashboard without a reload.
  const admin = await hall.openScreen('admin');
  await signInAdmin(admin, hall.admin);
  await adminSection(admin, '大厅看板');
  const window1 = admin.getByRole('table', { name: '窗口' }).getByRole('row', { name: /^1号窗口/ });
  await expect(window1).toContainText('王芳');
  await expect(admin.getByRole('table', { name: '各业务等候' })).toContainText('户政业务');
  await axe(admin, 'admin hall dashboard');
  await callNext(clerk, number);
  await expect(window1).toContainText(`${number} · 已呼叫`);
  await expect(admin.getByText('现在没有人等候。')).toBeVisible();

  await clerk.getByRole('button', { name: '开始办理' }).click();
  await expect(clerk.getByText(`${number} 开始办理`)).toBeVisible();
  await clerk.getByRole('button', { name: '办结' }).click();
  await expect(clerk.getByText(`${number} 已办结`)).toBeVisible();

  // The counter screen asks, pushed: five labelled buttons.
  const rating = counter.getByRole('region', { name: '请为本次服务评价' });
  await expect(rating).toBeVisible();
  await expect(rating.getByText(`${number} 号已办结`)).toBeVisible();
  // Spoken too: the guidance clip of the question (then of the reasons).
  await expect(counter.locator('html')).toHaveAttribute('data-guidance', 'zh-CN/rating');
  const levels = rating.getByRole('group', { name: '评价等级' }).getByRole('button');
  await expect(levels).toHaveText(['非常满意', '满意', '基本满意', '不满意', '非常不满意'].map((l, i) => new RegExp(`^${i + 1}.*${l}$`)));
  await axe(counter, 'counter screen asking for a rating');
  for (const size of [
    { width: 1280, height: 800 },
    { width: 1024, height: 768 },
  ]) {
    await counter.setViewportSize(size);
    await expectToFit(counter, `counter-rating-${size.width}x${size.height}`, { still: true });
  }

  await rating.getByRole('button', { name: '不满意', exact: true }).click();
  await expect(rating.getByRole('heading', { name: /哪里让您不满意/ })).toBeVisible();
  await expect(counter.locator('html')).toHaveAttribute('data-guidance', 'zh-CN/ratingReason');
  // Sending without a reason is refused on the screen.
  await rating.getByRole('button', { name: '提交评价' }).click();
  await expect(rating.getByText('请至少选一个原因。')).toBeVisible();
  await rating.getByRole('button', { name: '办理太慢' }).click();
  await expect(rating.getByRole('button', { name: '办理太慢' })).toHaveAttribute('aria-pressed', 'true');
  await axe(counter, 'counter screen asking for a 差评 reason');
  await rating.getByRole('button', { name: '提交评价' }).click();
  await expect(counter.getByRole('status').filter({ hasText: '5 个工作日内' })).toBeVisible();
  await expect(rating).toBeHidden();

  // The 差评 shows on the dashboard at once; the supervisor finds the item, assigns it and handles it.
  await expect(admin.getByText('1 个新差评待指派')).toBeVisible();
  await expect(admin.getByText(/今日已办结/)).toBeVisible();
  await adminSection(admin, '差评整改');
  const table = admin.getByRole('table');
  await expect(table.getByRole('row').filter({ hasText: number })).toContainText('办理太慢');
  await expect(table.getByRole('row').filter({ hasText: number })).toContainText('待指派');
  await axe(admin, 'admin 差评整改 list');
  await admin.getByRole('button', { name: `处理 ${number}` }).click();
  const detail = admin.getByRole('region', { name: `${number} 号的差评` });
  await detail.getByLabel('指派给').selectOption({ label: '李强 (C702)' });
  await detail.getByRole('button', { name: '指派', exact: true }).click();
  await expect(detail.getByRole('status')).toHaveText('已保存，当前状态：已指派');
  await detail.getByLabel('回访结果').fill('电话回访，群众说等了四十分钟');
  await detail.getByRole('button', { name: '记录回访' }).click();
  await expect(detail.getByRole('status')).toHaveText('已保存，当前状态：已回访');
  await detail.getByLabel('整改措施').fill('高峰时段加开 2 号窗口');
  await detail.getByRole('button', { name: '记录整改' }).click();
  await expect(detail.getByRole('status')).toHaveText('已保存，当前状态：已整改');
  await detail.getByLabel('答复群众').fill('已电话答复并致歉');
  await detail.getByRole('button', { name: '记录答复' }).click();
  await expect(detail.getByRole('status')).toHaveText('已保存，当前状态：已答复');
  await axe(admin, 'admin 差评整改 detail');
  await detail.getByRole('button', { name: '整改办结' }).click();
  await expect(detail.getByRole('status')).toHaveText('已保存，当前状态：已办结');
  // Closed items leave the open list; they stay under "all".
  await expect(admin.getByText('没有这样的差评。')).toBeVisible();
  await admin.getByRole('button', { name: '全部', exact: true }).click();
  await expect(table.getByRole('row').filter({ hasText: number })).toContainText('已办结');
});

test('一事一评: a service not rated at the counter is rated later from the receipt at the kiosk, and only once', async ({ hall }) => {
  const kiosk = await hall.openScreen('kiosk');
  // A pre-filled application from the kiosk page, as its journey sends it at the end.
  const { caseNumber, ticket } = await kiosk.evaluate(async () => {
    const form = { name: '单文杰', idNumber: '150102198506150311', phone: '13800138000', newAddress: '锡林浩特市额尔敦路12号', moveReason: 'work' };
    const res = await fetch('/api/applications', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-yizhan-role': 'kiosk' },
      body: JSON.stringify({
        requestId: crypto.randomUUID(),
        serviceCode: 'hukou_transfer',
        form,
        materials: ['id_card', 'hukou_booklet', 'transfer_consent'],
      }),
    });
    const b = (await res.json()) as { application: { caseNumber: string }; ticket: { number: string } };
    return { caseNumber: b.application.caseNumber, ticket: b.ticket.number };
  });
  const clerk = await clerkAt(hall, 'C703', '赵敏', '1号窗口');
  await callNext(clerk, ticket);
  await clerk.getByRole('button', { name: '开始办理' }).click();
  await expect(clerk.getByText(`${ticket} 开始办理`)).toBeVisible();
  await clerk.getByRole('button', { name: '办结' }).click();
  await expect(clerk.getByText(`${ticket} 已办结`)).toBeVisible();

  await queryProgress(kiosk, caseNumber, '0311');
  await kiosk.getByRole('button', { name: '为本次服务评价' }).click();
  const rate = kiosk.getByRole('region', { name: '请为本次服务评价' });
  await expect(rate.getByRole('group', { name: '评价等级' }).getByRole('button')).toHaveCount(5);
  await axe(kiosk, 'kiosk rating from the receipt');
  await rate.getByRole('button', { name: '满意', exact: true }).click();
  await expect(rate.getByRole('status')).toHaveText('谢谢您的评价！');

  // A second rating of the same service is refused.
  await kiosk.getByRole('button', { name: '再查一个' }).click();
  await kiosk.getByLabel('申请编号（如 YZ20261124-0001）').fill(caseNumber);
  await kiosk.getByLabel('身份证号码后 4 位').fill('0311');
  await kiosk.getByRole('button', { name: '查询', exact: true }).click();
  await kiosk.getByRole('button', { name: '为本次服务评价' }).click();
  await kiosk.getByRole('button', { name: '非常满意', exact: true }).click();
  await expect(kiosk.getByRole('alert')).toContainText('这次服务已经评价过了');
});
