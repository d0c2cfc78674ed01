import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures.js';
import { callNext, clerkAt } from './steps.js';

const ID_NUMBER = '360426199101010071';

/** Submits a pre-filled application from the kiosk's page, as the kiosk's journey does. */
async function submitAtKiosk(kiosk: Page): Promise<{ number: string; caseNumber: string }> {
  return kiosk.evaluate(async (idNumber) => {
    const res = await fetch('/api/applications', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-yizhan-role': 'kiosk' },
      body: JSON.stringify({
        requestId: crypto.randomUUID(),
        serviceCode: 'household_certificate',
        form: { name: '张三', idNumber, phone: '13800138000', purpose: 'employment' },
        materials: ['id_card'],
      }),
    });
    const body = (await res.json()) as { ticket: { number: string }; application: { caseNumber: string } };
    return { number: body.ticket.number, caseNumber: body.application.caseNumber };
  }, ID_NUMBER);
}

test('the clerk serving a ticket sees its pre-filled application in full; another clerk does not', async ({ hall }) => {
  const kiosk = await hall.openScreen('kiosk');
  const { number, caseNumber } = await submitAtKiosk(kiosk);
  expect(number).toBe('A001');

  const clerk = await clerkAt(hall, 'C601', '周警官', '1号窗口');
  const panel = clerk.getByRole('region', { name: '申请信息' });
  await expect(panel.getByText('本号码没有预填申请')).toBeVisible();
  await callNext(clerk, 'A001');
  await expect(panel.getByRole('heading', { name: '户籍证明' })).toBeVisible();
  await expect(panel.getByText(caseNumber)).toBeVisible();
  await expect(panel.getByText(ID_NUMBER, { exact: true })).toBeVisible();
  await expect(panel.getByText('张三')).toBeVisible();
  await expect(panel.getByText('就业')).toBeVisible();
  const axe = await new AxeBuilder({ page: clerk }).withTags(['wcag2a', 'wcag2aa', 'wcag21aa', 'best-practice']).analyze();
  expect(axe.violations.map((v) => v.id)).toEqual([]);

  // A clerk signed in at another window asks for window 1's application: refused.
  const other = await clerkAt(hall, 'C602', '吴警官', '2号窗口');
  const status = await other.evaluate(async () => (await fetch('/api/windows/1/applications', { headers: { 'x-yizhan-role': 'clerk' } })).status);
  expect(status).toBe(403);

  // Served and finished: the panel empties for the next applicant.
  await clerk.getByRole('button', { name: '开始办理' }).click();
  await clerk.getByRole('button', { name: '办结' }).click();
  await expect(panel.getByText('本号码没有预填申请')).toBeVisible();
  await expect(clerk.getByText(ID_NUMBER)).toHaveCount(0);
});
