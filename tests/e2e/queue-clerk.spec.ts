import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test, STAFF_PIN } from './fixtures.js';
import { bookAppointment, callNext, clerkAt, done, signIn, takeTicket, toTicketClasses } from './steps.js';

/**
 * The queue as the hall lives it: citizens choose how they are served at the kiosk, clerks sign in
 * with their PIN and serve windows by the calling policy, and a deaf applicant talks with the clerk
 * in writing on the counter screen. Driven by what people see: labels, roles and visible text.
 */

/** Serves the called ticket to the end: start, then finish. */
async function serve(clerk: Page, number: string): Promise<void> {
  await clerk.getByRole('button', { name: '开始办理' }).click();
  await expect(clerk.getByText(`${number} 开始办理`)).toBeVisible();
  await clerk.getByRole('button', { name: '办结' }).click();
  await expect(clerk.getByText(`${number} 已办结`)).toBeVisible();
}

/** An appointment for now, booked through the API by a signed-in administrator. */
async function expectNoViolations(page: Page, label: string): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice']).analyze();
  const summary = results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  expect(summary, `${label} has accessibility violations`).toEqual([]);
}

test('tickets of every class are called by two windows in the policy order', async ({ hall }) => {
  const code = await bookAppointment(hall, { line: 'household' });
  const kiosk = await hall.openScreen('kiosk');

  expect(await takeTicket(kiosk, '户政业务', { kind: 'normal' })).toBe('A001');
  await expect(kiosk.getByText('普通取号')).toBeVisible();
  // No window is open yet, so there is no honest estimate.
  await expect(kiosk.getByText('暂无开放窗口，请留意叫号')).toBeVisible();
  await done(kiosk);
  expect(await takeTicket(kiosk, '户政业务', { kind: 'group', n: 3 })).toBe('A002');
  await expect(kiosk.getByText('团体 3 人')).toBeVisible();
  await done(kiosk);
  expect(await takeTicket(kiosk, '户政业务', { kind: 'appointment', code })).toBe('A003');
  await expect(kiosk.getByText('我有预约')).toBeVisible();
  await done(kiosk);
  expect(await takeTicket(kiosk, '户政业务', { kind: 'green' })).toBe('A004');
  await done(kiosk);
  expect(await takeTicket(kiosk, '交管业务', { kind: 'normal' })).toBe('B001');
  await done(kiosk);

  // A used appointment code is refused, and said so in words.
  await toTicketClasses(kiosk, '户政业务');
  await kiosk.getByRole('button', { name: '我有预约', exact: true }).click();
  await kiosk.getByLabel('预约码（字母和数字）').fill(code);
  await kiosk.getByRole('button', { name: '确认取号' }).click();
  await expect(kiosk.getByText('预约码无效或已使用')).toBeVisible();
  await kiosk.getByRole('button', { name: '返回上一步' }).click();
  await kiosk.getByRole('button', { name: '返回上一步' }).click();
  await expect(kiosk.getByRole('heading', { name: '请选择要办理的事项' })).toBeVisible();
  await kiosk.getByRole('button', { name: '返回上一步' }).click();
  await kiosk.getByRole('button', { name: '返回上一步' }).click();
  await expect(kiosk.getByRole('heading', { name: '欢迎使用自助服务' })).toBeVisible();

  const one = await clerkAt(hall, 'C101', '张警官', '1号窗口');
  const six = await clerkAt(hall, 'C106', '李警官', '6号窗口');
  await expect(one.getByText('开放中 · 张警官')).toBeVisible();

  // Green channel first, then the due appointment, then first come first served.
  await callNext(one, 'A004');
  await expect(one.locator('.class-badge')).toHaveText('绿色通道');
  await callNext(six, 'A003');
  await expect(six.locator('.class-badge')).toHaveText('预约');
  await serve(one, 'A004');
  await callNext(one, 'A001');
  await expect(one.locator('.class-badge')).toHaveText('普通');
  await serve(six, 'A003');
  await callNext(six, 'A002');
  await expect(six.locator('.class-badge')).toHaveText('团体 3人');
  // Called but not started: the next call is refused with what to do instead.
  await six.getByRole('button', { name: '呼叫下一位' }).click();
  await expect(six.getByText('当前号码已呼叫但尚未开始办理')).toBeVisible();
  await serve(six, 'A002');
  await callNext(six, 'B001');
  await serve(one, 'A001');
  await one.getByRole('button', { name: '呼叫下一位' }).click();
  await expect(one.getByText('目前没有人在等候')).toBeVisible();

  // With windows open the kiosk can estimate the wait: nobody ahead is no wait, one ahead is minutes.
  await takeTicket(kiosk, '出入境业务', { kind: 'normal' });
  await expect(kiosk.locator('.ticket__estimate')).toHaveText('无需等候，请留意叫号');
  await done(kiosk);
  await takeTicket(kiosk, '出入境业务', { kind: 'normal' });
  await expect(kiosk.locator('.ticket__estimate')).toHaveText(/^预计等候约 [1-9]\d* 分钟$/);
});

test('a transfer to another line keeps the ticket its place in that queue', async ({ hall }) => {
  const kiosk = await hall.openScreen('kiosk');
  expect(await takeTicket(kiosk, '户政业务', { kind: 'normal' })).toBe('A001');
  await done(kiosk);
  expect(await takeTicket(kiosk, '交管业务', { kind: 'normal' })).toBe('B001');
  await done(kiosk);
  const one = await clerkAt(hall, 'C101', '张警官', '1号窗口');
  const three = await clerkAt(hall, 'C103', '王警官', '3号窗口');

  // A001 needs traffic business after all: transferred, it goes before B001, issued later.
  await callNext(one, 'A001');
  await one.getByRole('button', { name: '开始办理' }).click();
  await one.getByRole('button', { name: '转移' }).click();
  const dialog = one.getByRole('dialog', { name: '转移 A001' });
  await dialog.getByRole('radio', { name: '交管业务' }).check();
  await dialog.getByRole('button', { name: '确认转移' }).click();
  await expect(one.getByText('A001 已转至 交管业务，保留原排队位置')).toBeVisible();
  await expect(one.getByRole('dialog')).toHaveCount(0);
  await expect(one.getByText('暂无正在办理的号码')).toBeVisible();
  await callNext(three, 'A001');
  await serve(three, 'A001');
  await callNext(three, 'B001');
});

test('a no-show is recalled up to the limit, then reinstated in its place; a break stops calls', async ({ hall }) => {
  const kiosk = await hall.openScreen('kiosk');
  for (const expected of ['A001', 'A002']) {
    expect(await takeTicket(kiosk, '户政业务', { kind: 'normal' })).toBe(expected);
    await done(kiosk);
  }
  const one = await clerkAt(hall, 'C101', '张警官', '1号窗口');

  // A001 does not come: recalled twice (the limit), then a no-show.
  await callNext(one, 'A001');
  const recall = one.getByRole('button', { name: '重呼' });
  await recall.click();
  await expect(one.getByText('已重呼 1/2')).toBeVisible();
  await recall.click();
  await expect(one.getByText('已重呼 2/2')).toBeVisible();
  await expect(recall).toBeDisabled();
  await expect(one.getByText('已重呼 2 次，达到上限')).toBeVisible();
  await one.getByRole('button', { name: '未到' }).click();
  await expect(one.getByText('A001 已记为未到')).toBeVisible();
  const noShows = one.getByRole('region', { name: '今日本窗口未到号码' });
  await expect(noShows.getByText('A001')).toBeVisible();

  // The latecomer arrives: back in the queue in their original place, ahead of A002.
  await noShows.getByRole('button', { name: '恢复排队 A001' }).click();
  await expect(one.getByText('A001 已恢复排队')).toBeVisible();
  await expect(noShows.getByText('暂无未到号码。')).toBeVisible();
  await callNext(one, 'A001');
  await one.getByRole('button', { name: '开始办理' }).click();
  await callNext(one, 'A002');

  // A break: calling stops until the window resumes.
  await one.getByRole('button', { name: '开始办理' }).click();
  await one.getByRole('button', { name: '暂停' }).click();
  await expect(one.getByText('暂停中 · 张警官')).toBeVisible();
  await expect(one.getByRole('button', { name: '呼叫下一位' })).toBeDisabled();
  await one.getByRole('button', { name: '恢复', exact: true }).click();
  await expect(one.getByRole('button', { name: '呼叫下一位' })).toBeEnabled();
});

test('five wrong PINs lock the staff number, even against the right PIN', async ({ hall }) => {
  await hall.createStaff('C201', '赵警官');
  const clerk = await hall.openScreen('clerk');
  for (let i = 1; i <= 5; i++) {
    await signIn(clerk, 'C201', '0000');
    const alert = clerk.getByRole('alert').filter({ hasText: /工号或密码不正确|已被锁定/ });
    await expect(alert).toBeVisible();
    if (i < 5) await expect(alert).toContainText('工号或密码不正确');
    await clerk.getByRole('button', { name: '关闭提示' }).click();
  }
  await signIn(clerk, 'C201', STAFF_PIN);
  await expect(clerk.getByText('该工号因多次输错密码已被锁定 15 分钟')).toBeVisible();
  await expect(clerk.getByRole('heading', { name: '工作人员登录' })).toBeVisible();
});

test('a clerk sets a first PIN with the code from the supervisor, signs out and in', async ({ hall }) => {
  await hall.ensureAdmin();
  const auth = { 'content-type': 'application/json', authorization: `Bearer ${hall.adminToken}` };
  const adminIn = await fetch(`${hall.hub.url}/api/staff/sign-in`, { method: 'POST', headers: auth, body: JSON.stringify(hall.admin) });
  const session = /yz_staff_[a-z]+=([^;]+)/.exec(adminIn.headers.get('set-cookie') ?? '')?.[1] ?? '';
  const created = await fetch(`${hall.hub.url}/api/staff`, {
    method: 'POST',
    headers: { ...auth, 'x-yizhan-staff': session },
    body: JSON.stringify({ staffNo: 'C301', name: '钱警官', role: 'clerk' }),
  });
  const { enrollmentCode } = (await created.json()) as { enrollmentCode: string };

  const clerk = await hall.openScreen('clerk');
  await clerk.getByRole('button', { name: '第一次使用？用主管给您的激活码设置密码' }).click();
  await clerk.getByLabel('工号').fill('C301');
  await clerk.getByLabel('激活码').fill(enrollmentCode);
  await clerk.getByLabel('新密码', { exact: true }).fill('4321');
  await clerk.getByLabel('再次输入新密码').fill('4322');
  await clerk.getByRole('button', { name: '设置密码并登录' }).click();
  // GOV.UK pattern: the summary links to the field, which says the same beside it.
  await expect(clerk.getByRole('link', { name: /两次输入的密码不一致/ })).toBeVisible();
  await clerk.getByLabel('再次输入新密码').fill('4321');
  await clerk.getByRole('button', { name: '设置密码并登录' }).click();
  await expect(clerk.getByRole('heading', { name: '请选择您的窗口' })).toBeVisible();
  await expect(clerk.getByText('钱警官（工号 C301）')).toBeVisible();

  await clerk.getByRole('button', { name: '退出登录' }).click();
  await expect(clerk.getByRole('heading', { name: '工作人员登录' })).toBeVisible();
  await clerk.reload();
  await expect(clerk.getByRole('heading', { name: '工作人员登录' })).toBeVisible();
  await signIn(clerk, 'C301', '4321');
  await expect(clerk.getByRole('heading', { name: '请选择您的窗口' })).toBeVisible();
});

test('笔谈: the clerk writes, the counter screen shows it large, the applicant answers', async ({ hall }) => {
  const kiosk = await hall.openScreen('kiosk');
  await takeTicket(kiosk, '户政业务', { kind: 'normal' });
  const clerk = await clerkAt(hall, 'C101', '张警官', '1号窗口');
  await expectNoViolations(clerk, 'clerk console, idle');

  const counter = await hall.openScreen('display', 'Counter 1');
  await counter.goto(`${hall.hub.url}/counter`);
  await expect(counter.getByRole('heading', { name: '本屏幕面向哪个窗口？' })).toBeVisible();
  await counter.getByRole('button', { name: '1号窗口' }).click();
  await expect(counter.getByRole('heading', { name: '1号窗口' })).toBeVisible();

  await callNext(clerk, 'A001');
  await clerk.getByRole('button', { name: '开始办理' }).click();
  await expect(counter.locator('.counter-top__number')).toHaveText('A001');
  await expectNoViolations(clerk, 'clerk console, serving');

  // One tap on a common phrase; it appears large in the polite live region facing the applicant.
  await clerk.getByRole('button', { name: '请出示身份证' }).click();
  await expect(counter.locator('.counter-latest__text')).toHaveText('请出示身份证');
  await expect(counter.locator('.counter-latest__text')).toHaveAttribute('aria-live', 'polite');
  await clerk.getByLabel('输入要显示给群众的文字').fill('您办理的是身份证换领吗？');
  await clerk.getByRole('button', { name: '发送', exact: true }).click();
  await expect(counter.locator('.counter-latest__text')).toHaveText('您办理的是身份证换领吗？');

  await counter.getByRole('button', { name: '是', exact: true }).click();
  const replies = clerk.getByRole('log', { name: '笔谈记录' }).locator('.conversation-log__item--applicant .conversation-log__text');
  await expect(replies).toHaveText(['是']);
  await counter.getByRole('button', { name: '打字回答' }).click();
  // The reply opens with handwriting (tests/e2e/kiosk-input.spec.ts); letters are one tap away.
  await counter.getByRole('button', { name: '字母', exact: true }).click();
  const keys = counter.getByRole('group', { name: '字母键盘' });
  for (const ch of 'B2') await keys.getByRole('button', { name: ch, exact: true }).click();
  await counter.getByRole('button', { name: '发送', exact: true }).click();
  await expect(replies).toHaveText(['是', 'B2']);
  await expectNoViolations(counter, 'counter screen in a conversation');

  // The conversation ends with the ticket: gone from the screen facing the next applicant.
  await clerk.getByRole('button', { name: '办结' }).click();
  // 好差评 first (tests/e2e/ratings.spec.ts): this applicant skips it.
  await counter.getByRole('button', { name: '不评价' }).click();
  await expect(counter.getByText('工作人员写的话会显示在这里。')).toBeVisible();
  await expect(clerk.getByText('还没有笔谈内容。')).toBeVisible();
});

test('the clerk sign-in and the kiosk steps pass axe, with 60 px targets on the kiosk', async ({ hall }) => {
  const clerk = await hall.openScreen('clerk');
  await expect(clerk.getByRole('heading', { name: '工作人员登录' })).toBeVisible();
  await expectNoViolations(clerk, 'clerk sign-in');
  await clerk.getByRole('button', { name: '第一次使用？用主管给您的激活码设置密码' }).click();
  await expectNoViolations(clerk, 'clerk PIN enrolment');

  const kiosk = await hall.openScreen('kiosk');
  await toTicketClasses(kiosk, '户政业务');
  await expect(kiosk.getByRole('heading', { name: '办理方式' })).toBeVisible();
  await expectNoViolations(kiosk, 'kiosk 办理方式');
  for (const b of await kiosk.locator('main').getByRole('button').all()) {
    const box = await b.boundingBox();
    expect(Math.min(box!.width, box!.height), `button "${await b.textContent()}"`).toBeGreaterThanOrEqual(60);
  }
  await kiosk.getByRole('button', { name: '团体办理', exact: true }).click();
  await expectNoViolations(kiosk, 'kiosk group size');
  for (const b of await kiosk.locator('main').getByRole('button').all()) {
    const box = await b.boundingBox();
    expect(Math.min(box!.width, box!.height), `button "${await b.textContent()}"`).toBeGreaterThanOrEqual(60);
  }
  await kiosk.getByRole('button', { name: '返回上一步' }).click();
  await kiosk.getByRole('button', { name: '我有预约', exact: true }).click();
  await expectNoViolations(kiosk, 'kiosk appointment code');
});
