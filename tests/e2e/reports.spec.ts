import { readFileSync } from 'node:fs';
import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import ExcelJS from 'exceljs';
import { expect, test } from './fixtures.js';
import { adminSection, callNext, clerkAt, done, signInAdmin, takeTicket } from './steps.js';

/**
 * A supervisor reads the day's figures on the admin screen's reports section: a ticket taken at
 * the kiosk and served at window 1 (through the screens, no API) shows in the table and the
 * charts, and the figures download as CSV, Excel and the A4 daily report. The clerk sees their own.
 */
async function expectNoViolations(page: Page, label: string, include: string): Promise<void> {
  const r = await new AxeBuilder({ page }).include(include).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice']).analyze();
  expect(
    r.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
    `${label} has accessibility violations`,
  ).toEqual([]);
}

async function download(page: Page, button: string): Promise<{ name: string; bytes: Buffer }> {
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: button, exact: true }).click()]);
  const path = await file.path();
  return { name: file.suggestedFilename(), bytes: readFileSync(path) };
}

test('a supervisor sees the served ticket in the reports, its charts, and downloads them', async ({ hall }) => {
  test.setTimeout(120_000);
  const kiosk = await hall.openScreen('kiosk');
  const number = await takeTicket(kiosk, '户政业务', { kind: 'normal' });
  await done(kiosk);
  const clerk = await clerkAt(hall, 'C701', '王芳', '1号窗口');
  await callNext(clerk, number);
  await clerk.getByRole('button', { name: '开始办理' }).click();
  await expect(clerk.getByText(`${number} 开始办理`)).toBeVisible();
  await clerk.getByRole('button', { name: '办结' }).click();
  await expect(clerk.getByText(`${number} 已办结`)).toBeVisible();

  // The clerk's own figures today: one service finished.
  const mine = clerk.getByTestId('my-figures');
  await expect(mine.getByRole('heading', { name: '我的今日数据' })).toBeVisible();
  await expect(mine.locator('.clerk-mine__item').filter({ hasText: '办结服务数' }).locator('dd')).toHaveText('1');
  await expectNoViolations(clerk, 'clerk figures', '[data-testid="my-figures"]');

  await hall.ensureAdmin();
  const admin = await hall.openScreen('admin');
  await signInAdmin(admin, hall.admin);
  await adminSection(admin, '报表统计');
  await expect(admin).toHaveURL(/\/admin\/reports$/);
  const panel = admin.locator('section.panel').filter({ has: admin.getByRole('heading', { name: '报表统计' }) });
  await panel.getByLabel('分组方式').selectOption({ label: '按窗口' });
  await panel.getByRole('button', { name: '统计', exact: true }).click();
  const table = panel.getByRole('table');
  const w1 = table.getByRole('row').filter({ has: admin.getByRole('rowheader', { name: '1号窗口' }) });
  // Issued 1, finished 1 at window 1 (the first two figures).
  await expect(w1.getByRole('cell').nth(0)).toHaveText('1');
  await expect(w1.getByRole('cell').nth(1)).toHaveText('1');
  const total = table.getByRole('row').filter({ has: admin.getByRole('rowheader', { name: '合计' }) });
  await expect(total.getByRole('cell').nth(0)).toHaveText('1');

  // The charts come with their own script and draw SVG.
  for (const chart of ['chart-waits', 'chart-volumes', 'chart-satisfaction']) await expect(admin.getByTestId(chart).locator('svg').first()).toBeVisible();
  await expect(admin.getByRole('img', { name: '每日取号与办结' })).toBeVisible();
  await expectNoViolations(admin, 'reports section', '.admin-section');

  const csv = await download(admin, '导出 CSV');
  expect(csv.name).toMatch(/^report-\d{4}-\d{2}-\d{2}_\d{4}-\d{2}-\d{2}-window\.csv$/);
  const text = csv.bytes.toString('utf8');
  expect(text.charCodeAt(0)).toBe(0xfeff);
  const lines = text.slice(1).trim().split('\r\n');
  expect(lines[0]).toMatch(/^窗口,取号数,办结服务数,/);
  expect(lines).toContainEqual(expect.stringMatching(/^1号窗口,1,1,/));
  expect(lines.at(-1)).toMatch(/^合计,1,1,/);

  const xlsx = await download(admin, '导出 Excel');
  expect(xlsx.name).toMatch(/-window\.xlsx$/);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(xlsx.bytes as unknown as ArrayBuffer);
  const ws = wb.worksheets[0]!;
  expect([ws.getCell('A2').value, ws.getCell('B2').value]).toEqual(['窗口', '取号数']);
  expect([ws.getCell('A3').value, ws.getCell('B3').value, ws.getCell('C3').value]).toEqual(['1号窗口', 1, 1]);

  const pdf = await download(admin, '下载日报 PDF');
  expect(pdf.name).toMatch(/^daily-report-\d{4}-\d{2}-\d{2}\.pdf$/);
  expect(pdf.bytes.subarray(0, 5).toString()).toBe('%PDF-');
});

test('a clerk signed in on the admin screen has no reports section', async ({ hall }) => {
  await hall.createStaff('C702', '李强');
  const admin = await hall.openScreen('admin');
  await signInAdmin(admin, { staffNo: 'C702', pin: '246810' });
  await expect(admin.getByRole('navigation', { name: '管理功能' }).getByRole('link', { name: '报表统计' })).toHaveCount(0);
  await admin.goto(admin.url().replace(/\/admin.*$/, '/admin/reports'));
  await expect(admin.getByRole('heading', { name: '报表统计' })).toHaveCount(0);
});
