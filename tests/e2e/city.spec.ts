import { AxeBuilder } from '@axe-core/playwright';
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CITY_PATHS } from '../../electron/domain/city/city-api.js';
import { reportDayPayload } from '../../electron/domain/city/report-day.js';
import { redeemLink } from '../../scripts/lib/hub-process.js';
import { freePort, pgAvailable, startPgCluster, type PgCluster } from '../../scripts/lib/pg-cluster.js';
import { expect, test } from './fixtures.js';
import { adminSection, supervisorHeaders } from './steps.js';

/**
 * A hall enrols with the city on the admin screen with the code the city's administrator issued
 * from the command line; the city (a real process on a real PostgreSQL) then shows the hall with
 * its waiting count.
 */
const CITY_SCRIPT = join(process.cwd(), 'out', 'scripts', 'city.js');

function cityCli(databaseUrl: string, ...args: string[]): string {
  return execFileSync(process.execPath, [CITY_SCRIPT, '--database', databaseUrl, ...args], { encoding: 'utf8' });
}

test.describe('the city', () => {
  // Skipped only without PostgreSQL 15's binaries (a workstation); .ci/run installs them (scripts/test-prerequisites.sh).
  test.skip(!pgAvailable(), 'PostgreSQL 15 binaries absent (scripts/test-prerequisites.sh installs them)');
  let pg: PgCluster;
  let city: ChildProcess;
  let cityUrl: string;
  let databaseUrl: string;

  test.beforeAll(async () => {
    pg = await startPgCluster();
    databaseUrl = pg.createDatabase('city_e2e');
    const port = await freePort();
    cityUrl = `http://127.0.0.1:${port}`;
    city = spawn(process.execPath, [CITY_SCRIPT, '--database', databaseUrl, '--port', String(port), '--host', '127.0.0.1'], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    await new Promise<void>((resolve, reject) => {
      city.stdout?.on('data', (d: Buffer) => (String(d).includes('city: serving') ? resolve() : undefined));
      city.once('exit', (code) => reject(new Error(`city exited with ${code}`)));
    });
  });
  test.afterAll(async () => {
    if (city && city.exitCode === null) {
      const exited = new Promise((r) => city.once('exit', r));
      city.kill('SIGTERM');
      await exited;
    }
    pg?.stop();
  });

  test('a hall enrols with a code on the admin screen; the city shows its waiting count', async ({ hall, page }) => {
    test.setTimeout(90_000);
    const code = /enrolment code for hall hall-e2e: ([A-Z0-9]{4}-[A-Z0-9]{4})/.exec(cityCli(databaseUrl, '--issue-code', 'hall-e2e'))?.[1];
    expect(code).toBeTruthy();
    const token = /token: (\S+)/.exec(cityCli(databaseUrl, '--add-supervisor', 'city-sup'))?.[1];

    // Two citizens are waiting in the hall.
    const pairing = await fetch(`${hall.hub.url}/api/pairing-codes`, {
      method: 'POST',
      headers: await supervisorHeaders(hall),
      body: JSON.stringify({ role: 'kiosk', name: 'kiosk (api)' }),
    });
    const kiosk = await redeemLink(`${hall.hub.url}/pair?code=${((await pairing.json()) as { code: string }).code}&role=kiosk`);
    for (let i = 0; i < 2; i++) {
      const res = await fetch(`${hall.hub.url}/api/tickets`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${kiosk}` },
        body: JSON.stringify({ line: 'household' }),
      });
      expect(res.status).toBe(200);
    }

    await hall.ensureAdmin();
    const admin = await hall.openScreen('admin');
    await admin.getByLabel('工号', { exact: true }).fill(hall.admin.staffNo);
    await admin.getByLabel('密码', { exact: true }).fill(hall.admin.pin);
    await admin.getByRole('button', { name: '登录', exact: true }).click();
    await adminSection(admin, '市局联网');
    const status = admin.getByTestId('city-link-status');
    await expect(status).toContainText('未接入');

    // A malformed code is caught on the form, before anything is sent.
    await admin.getByLabel('市局平台地址').fill(cityUrl);
    await admin.getByLabel('接入码').fill('nonsense');
    await admin.getByRole('button', { name: '接入', exact: true }).click();
    await expect(admin.getByText('接入码形如 ABCD-1234').first()).toBeVisible();

    await admin.getByLabel('接入码').fill(code!);
    await admin.getByRole('button', { name: '接入', exact: true }).click();
    await expect(admin.getByText('已接入市局平台，本厅编号 hall-e2e')).toBeVisible();
    await expect(status).toContainText('已联网');
    await expect(status).toContainText('hall-e2e');
    const axe = await new AxeBuilder({ page: admin })
      .include('.admin-section')
      .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'])
      .analyze();
    expect(axe.violations.map((v) => v.id)).toEqual([]);

    // The city's 好差评 rules reach the hall with its next sync; 大厅设置 shows them in force.
    const rulesFile = join(tmpdir(), `city-rating-rules-${process.pid}.json`);
    writeFileSync(rulesFile, JSON.stringify({ dueDays: 3, callbackRequired: true }));
    expect(cityCli(databaseUrl, '--publish-rating-rules', rulesFile)).toMatch(/rating rules published as version 1/);
    await adminSection(admin, '大厅设置');
    await expect(admin.getByTestId('rating-rules-in-force')).toContainText('3 个工作日（市局规则第 1 版）', { timeout: 15_000 });
    await expect(admin.getByTestId('rating-rules-in-force')).toContainText('本厅设置的 5 个工作日长于市局规定，不生效');

    const signIn = await fetch(`${cityUrl}/city/api/sign-in`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ token }),
    });
    const session = ((await signIn.json()) as { session: string }).session;
    await expect
      .poll(async () => {
        const res = await fetch(`${cityUrl}/city/api/overview`, { headers: { authorization: `Bearer ${session}` } });
        const body = (await res.json()) as { halls: { hallId: string; waiting: number | null }[] };
        return body.halls.find((h) => h.hallId === 'hall-e2e')?.waiting ?? null;
      })
      .toBe(2);

    // The city's own screen, served by the city: its supervisor signs in and sees the hall.
    await page.goto(`${cityUrl}/city`);
    await page.getByLabel('登录令牌').fill('wrong-token-wrong-token');
    await page.getByRole('button', { name: '登录', exact: true }).click();
    await expect(page.getByText('令牌无效')).toBeVisible();
    await page.getByLabel('登录令牌').fill(token!);
    await page.getByRole('button', { name: '登录', exact: true }).click();
    const row = page.getByRole('region', { name: '各服务大厅', exact: true }).getByRole('row').filter({ hasText: 'hall-e2e' });
    await expect(row.getByRole('cell').first()).toHaveText('2');
    await expect(row).toContainText('一致');
    const report = page.getByRole('region', { name: '业务统计', exact: true }).getByRole('row').filter({ hasText: 'hall-e2e' });
    await expect(report).toContainText('2');
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: '导出 CSV' }).click();
    expect((await download).suggestedFilename()).toMatch(/^city-report-.*\.csv$/);
    const cityAxe = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
    expect(cityAxe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);

    // Signing out on the screen ends the session: the sign-in shows again, saying so.
    await page.getByRole('button', { name: '退出登录', exact: true }).click();
    await expect(page.getByTestId('city-sign-in-notice')).toHaveText('已退出登录。');
    await expect(page.getByLabel('登录令牌')).toBeVisible();
    await page.reload();
    await expect(page.getByLabel('登录令牌')).toBeVisible();
  });
  // The report panel on its own: a hall's report day delivered through the feed (as its forwarder
  // sends it), then the figure on the screen and the Excel file.
  test("the city's report panel shows a hall's figures and downloads them as Excel and the daily report PDF", async ({ page }) => {
    test.setTimeout(60_000);
    const code = /enrolment code for hall hall-rep: ([A-Z0-9]{4}-[A-Z0-9]{4})/.exec(cityCli(databaseUrl, '--issue-code', 'hall-rep'))?.[1];
    const token = /token: (\S+)/.exec(cityCli(databaseUrl, '--add-supervisor', 'city-rep'))?.[1];
    const enrolled = await fetch(`${cityUrl}${CITY_PATHS.enrol}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ code, hallName: '东城大厅' }),
    });
    const { credential } = (await enrolled.json()) as { credential: string };
    const day = new Date().toISOString().slice(0, 10);
    const dims = { day, hour: 9, line: 'household', service: null, window: 1, staff: 1 };
    const cells = [{ dims, counts: { issued: 37, served: 35 }, waits: [60_000, 240_000, 600_000], services: [300_000] }];
    const fed = await fetch(`${cityUrl}${CITY_PATHS.feed}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${credential}` },
      body: JSON.stringify({ hallId: 'hall-rep', records: [{ seq: 1, kind: 'report_day', at: Date.now(), day, payload: reportDayPayload(cells, 15) }] }),
    });
    expect(fed.status).toBe(200);

    await page.goto(`${cityUrl}/city`);
    await page.getByLabel('登录令牌').fill(token!);
    await page.getByRole('button', { name: '登录', exact: true }).click();
    const report = page.getByRole('region', { name: '业务统计', exact: true });
    await expect(report.getByRole('row').filter({ hasText: '东城大厅 (hall-rep)' })).toContainText('37');
    await page.getByLabel('大厅', { exact: true }).selectOption('hall-rep');
    await page.getByLabel('分组', { exact: true }).selectOption('line');
    await expect(report.getByRole('row').filter({ hasText: '户政业务' })).toContainText('37');
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: '导出 Excel' }).click();
    expect((await download).suggestedFilename()).toMatch(/^city-report-.*-line-hall-rep\.xlsx$/);
    // The hall's A4 daily report of the range's first day, through the same download.
    await page.getByLabel('起始日期', { exact: true }).fill(day);
    const pdf = page.waitForEvent('download');
    await page.getByRole('button', { name: `下载日报 PDF（${day}）` }).click();
    const file = await pdf;
    expect(file.suggestedFilename()).toBe(`city-daily-report-${day}-hall-rep.pdf`);
    expect(
      readFileSync((await file.path())!)
        .subarray(0, 5)
        .toString(),
    ).toBe('%PDF-');
    // A line filter as a supervisor sets it: a line the hall did not serve shows no household row,
    // and back to household brings its figures back.
    await page.getByLabel('业务类别', { exact: true }).selectOption('traffic');
    await expect(report.getByRole('row').filter({ hasText: '户政业务' })).toHaveCount(0);
    await page.getByLabel('业务类别', { exact: true }).selectOption('household');
    await expect(report.getByRole('row').filter({ hasText: '户政业务' })).toContainText('37');
    const axe = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
    expect(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  });
});
