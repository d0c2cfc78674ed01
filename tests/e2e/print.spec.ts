import Database from 'better-sqlite3';
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { test as plain } from '@playwright/test';
import { redeemLink, startHubProcess } from '../../scripts/lib/hub-process.js';
import { cipherOf } from '../support/test-cipher.js';
import { expect, test } from './fixtures.js';
import { adminSection, signInAdmin, startKiosk, takeTicket } from './steps.js';

// Printing through the real CUPS with the cups-pdf queue "PDF": what a kiosk prints ends up as a
// PDF file, read back with pdftotext. Skipped without CUPS on a workstation; CI must have it.
const cups = spawnSync('lpstat', ['-p', 'PDF']).status === 0 && spawnSync('pdftotext', ['-v']).error === undefined;
if (!cups && process.env['CI']) throw new Error('CI needs cupsd with a PDF queue (cups-pdf) and poppler-utils: .ci/run sets them up');

const PRINTER = ['--printer', 'cups:PDF'];
// cups-pdf writes root's jobs (as on CI) to ~/PDF, named after the job title and its CUPS job.
const OUT_DIRS = [join(homedir(), 'PDF'), '/var/spool/cups-pdf/ANONYMOUS'];

/** The job title the hub gives its job (yizhan-<tag>-<id>), read from its database. */
function titleOf(dataDir: string, jobId: number): string {
  const db = new Database(join(dataDir, 'yizhan.sqlite'), { readonly: true });
  try {
    const tag = db.prepare(`SELECT value FROM hall_settings WHERE key = 'print_tag'`).pluck().get() as string | undefined;
    if (!tag) throw new Error('no print tag in the database');
    return `yizhan-${tag}-${jobId}`;
  } finally {
    db.close();
  }
}

function jobRow(dataDir: string, jobId: number): { state: string; attempts: number } | undefined {
  const db = new Database(join(dataDir, 'yizhan.sqlite'), { readonly: true });
  try {
    return db.prepare(`SELECT state, attempts FROM print_jobs WHERE id = ?`).get(jobId) as { state: string; attempts: number } | undefined;
  } finally {
    db.close();
  }
}

const printed = (title: string) =>
  OUT_DIRS.filter((d) => existsSync(d)).flatMap((d) =>
    readdirSync(d)
      .filter((f) => f.startsWith(`${title}_`) || f.startsWith(`${title}.`))
      .map((f) => join(d, f)),
  );

/**
 * What a printed file is: its title (the hub's job title, set by CUPS) and the ticket number the hub
 * stored for that job. cups-pdf re-renders each job through PostScript and Ghostscript into Type 3
 * fonts whose text pdftotext cannot read back, so the slip's text itself is read in
 * tests/unit/print-documents.test.ts from the hub's own PDF; here the file is tied to its job.
 */
function printedSlip(dataDir: string, jobId: number, file: string): { title: string; number: string; pages: number } {
  const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
  const db = new Database(join(dataDir, 'yizhan.sqlite'), { readonly: true });
  try {
    const sealed = db.prepare(`SELECT data_enc FROM print_jobs WHERE id = ?`).pluck().get(jobId) as Buffer;
    const data = cipherOf(dataDir).open('print_jobs', 'data_enc', sealed);
    return {
      title: /^Title:\s+\(?(.*?)\)?\s*$/m.exec(info)?.[1] ?? '',
      number: (JSON.parse(data) as { number: string }).number,
      pages: Number(/^Pages:\s+(\d+)/m.exec(info)?.[1]),
    };
  } finally {
    db.close();
  }
}

/**
 * The printed file once cups-pdf has finished writing it: the file appears before its content is
 * complete, so poll until it reads as a PDF (and exactly one exists for the title).
 */
async function finishedSlip(dataDir: string, jobId: number, title: string): Promise<{ title: string; number: string; pages: number }> {
  let slip: { title: string; number: string; pages: number } | null = null;
  await expect
    .poll(
      () => {
        const files = printed(title);
        if (files.length !== 1) return `${files.length} files`;
        try {
          slip = printedSlip(dataDir, jobId, files[0] as string);
          return 'complete';
        } catch {
          return 'still being written';
        }
      },
      { timeout: 20_000 },
    )
    .toBe('complete');
  return slip as unknown as { title: string; number: string; pages: number };
}

test.describe('printing through CUPS', () => {
  // Skipped only on a workstation without CUPS/poppler: under CI=true the file throws above instead,
  // and .ci/run installs and starts them, so CI always runs these tests.
  test.skip(!cups, 'needs cupsd with the cups-pdf queue "PDF" and poppler-utils');
  test.use({ hubOptions: { args: PRINTER } });

  test('a ticket taken at the kiosk comes out of the printer with its number; the admin reprints it', async ({ hall }) => {
    const kiosk = await hall.openScreen('kiosk', '1号自助取号机');
    const number = await takeTicket(kiosk, '出入境业务', { kind: 'normal' });
    const title = titleOf(hall.hub.dataDir, 1);
    expect(await finishedSlip(hall.hub.dataDir, 1, title)).toEqual({ title, number, pages: 1 });

    // The admin screen lists the job on that kiosk's printer and reprints it after a confirmation.
    await hall.ensureAdmin();
    const admin = await hall.openScreen('admin');
    await signInAdmin(admin, hall.admin);
    await adminSection(admin, '打印机');
    const panel = admin.getByRole('region', { name: '打印机' });
    const row = panel.getByRole('article', { name: /1号自助取号机/ });
    await expect(row.getByRole('row', { name: new RegExp(number) })).toBeVisible();
    await row.getByRole('button', { name: '重印' }).click();
    await row.getByRole('button', { name: '确认重印' }).click();
    await expect(panel.getByRole('status')).toContainText('已重印：新任务 #2');
    const reprint = titleOf(hall.hub.dataDir, 2);
    await expect.poll(() => printed(reprint).length, { timeout: 20_000 }).toBe(1);
    expect(printed(title)).toHaveLength(1);
  });

  test('the kiosk prints the one-time notice on request, through CUPS', async ({ hall }) => {
    const kiosk = await hall.openScreen('kiosk', '3号自助取号机');
    await startKiosk(kiosk);
    await kiosk.getByRole('button', { name: '户政业务' }).click();
    await kiosk.getByRole('button', { name: '户口迁移（区内）' }).click();
    await expect(kiosk.getByRole('heading', { name: '一次性告知' })).toBeVisible();
    await kiosk.getByRole('button', { name: '打印告知单' }).click();
    await expect(kiosk.getByText('告知单已打印，请在出纸口取走。')).toBeVisible();
    const title = titleOf(hall.hub.dataDir, 1);
    await expect.poll(() => printed(title).length, { timeout: 20_000 }).toBe(1);
    const db = new Database(join(hall.hub.dataDir, 'yizhan.sqlite'), { readonly: true });
    try {
      expect(db.prepare(`SELECT kind FROM print_jobs WHERE id = 1`).pluck().get()).toBe('one_time_notice');
    } finally {
      db.close();
    }
    await expect.poll(() => jobRow(hall.hub.dataDir, 1)?.state, { timeout: 20_000 }).toBe('completed');
  });

  test('the kiosk says so when its printer is not available, without blocking the ticket', async ({ hall }) => {
    const kiosk = await hall.openScreen('kiosk', '2号自助取号机');
    await hall.ensureAdmin();
    const admin = await hall.openScreen('admin');
    await signInAdmin(admin, hall.admin);
    await adminSection(admin, '打印机');
    const row = admin.getByRole('region', { name: '打印机' }).getByRole('article', { name: /2号自助取号机/ });
    await row.getByLabel('打印方式').selectOption('cups');
    await row.getByLabel('队列名称').fill('NO_SUCH_QUEUE');
    await row.getByRole('button', { name: '保存设置' }).click();
    await expect(row.locator('[data-printer-status]')).not.toHaveText('正常');
    await expect(kiosk.getByRole('status').filter({ hasText: '请到服务台领取凭条' })).toBeVisible();
    const number = await takeTicket(kiosk, '户政业务', { kind: 'normal' });
    expect(number).toBe('A001');
    await expect(kiosk.getByRole('status').filter({ hasText: '请到服务台领取凭条' })).toBeVisible();
  });
});

plain.describe('printing survives a crash of the hub', () => {
  // As above: skipped only on a workstation without CUPS/poppler; under CI=true the file throws instead.
  plain.skip(!cups, 'needs cupsd with the cups-pdf queue "PDF" and poppler-utils');

  for (const pause of ['after-store', 'after-submit'] as const) {
    plain(`SIGKILL ${pause === 'after-store' ? 'after the job is stored' : 'while CUPS holds the job'}: exactly one slip after the restart`, async () => {
      const first = await startHubProcess({ args: PRINTER, env: { YIZHAN_TEST_PRINT_PAUSE: pause } });
      const dataDir = first.dataDir;
      try {
        const kiosk = await redeemLink(first.links.kiosk ?? '');
        const res = await fetch(`${first.url}/api/tickets`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${kiosk}` },
          body: JSON.stringify({ line: 'traffic' }),
        });
        expect(res.status).toBe(200);
        const number = ((await res.json()) as { ticket: { number: string } }).ticket.number;
        await expect.poll(() => first.output(), { timeout: 15_000 }).toContain(`print: paused ${pause}`);
        await first.kill();
        const title = titleOf(dataDir, 1);
        expect(jobRow(dataDir, 1)?.state).toBe('sending');
        if (pause === 'after-store') expect(printed(title)).toHaveLength(0);

        const second = await startHubProcess({ dataDir, args: PRINTER });
        try {
          await expect.poll(() => jobRow(dataDir, 1)?.state, { timeout: 30_000 }).toBe('completed');
          await expect.poll(() => printed(title).length, { timeout: 20_000 }).toBe(1);
          // Give a second copy, if one had been sent, time to come out.
          await new Promise((r) => setTimeout(r, 2_000));
          expect(printed(title)).toHaveLength(1);
          expect(await finishedSlip(dataDir, 1, title)).toEqual({ title, number, pages: 1 });
        } finally {
          expect(await second.stop()).toBe(0);
        }
      } finally {
        await first.kill();
        first.removeDataDir();
      }
    });
  }
});
