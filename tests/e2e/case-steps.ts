import Database from 'better-sqlite3';
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { AxeBuilder } from '@axe-core/playwright';
import { addWorkingDays, workingCalendar } from '../../electron/domain/calendar/working-days.js';
import { serviceDay } from '../../electron/domain/service-day.js';
import { expect, type Hall } from './fixtures.js';
import { clerkAt } from './steps.js';

/**
 * Case work as people do it, and the papers it prints read back from CUPS: each job is found in
 * CUPS's own spool (the PDF the hub handed to `lp`, which CUPS keeps after printing), its text
 * read with pdftotext, and its printed file found in cups-pdf's output under the job's title.
 * (cups-pdf's own output re-renders the text into Type 3 glyphs pdftotext cannot read back.)
 */
export const CUPS = spawnSync('lpstat', ['-p', 'PDF']).status === 0 && spawnSync('pdftotext', ['-v']).error === undefined;
if (!CUPS && process.env['CI']) throw new Error('CI needs cupsd with a PDF queue (cups-pdf) and poppler-utils: .ci/run sets them up');
export const PRINTER = ['--printer', 'cups:PDF'];
const OUT_DIRS = [join(homedir(), 'PDF'), '/var/spool/cups-pdf/ANONYMOUS'];
const SPOOL = '/var/spool/cups';

function query<T>(dataDir: string, sql: string, ...args: unknown[]): T[] {
  const db = new Database(join(dataDir, 'yizhan.sqlite'), { readonly: true });
  try {
    return db.prepare(sql).all(...args) as T[];
  } finally {
    db.close();
  }
}

interface Job {
  id: number;
  kind: string;
  state: string;
  external_id: string | null;
}

/** The window documents printed so far, in order (not the kiosk's slips). */
export function windowJobs(dataDir: string): Job[] {
  return query<Job>(dataDir, `SELECT id, kind, state, external_id FROM print_jobs WHERE kind <> 'ticket_slip' ORDER BY id`);
}

function titleOf(dataDir: string, jobId: number): string {
  const [tag] = query<{ value: string }>(dataDir, `SELECT value FROM hall_settings WHERE key = 'print_tag'`);
  if (!tag) throw new Error('no print tag');
  return `yizhan-${tag.value}-${jobId}`;
}

const printedFiles = (title: string) =>
  OUT_DIRS.filter((d) => existsSync(d)).flatMap((d) =>
    readdirSync(d)
      .filter((f) => f.startsWith(`${title}_`) || f.startsWith(`${title}.`))
      .map((f) => join(d, f)),
  );

/**
 * Waits until the job of `kind` (the n-th of that kind) is completed by CUPS and its file printed,
 * then returns the text of the document CUPS was given, whitespace folded.
 */
export async function printedText(dataDir: string, kind: string, nth = 0): Promise<string> {
  let job: Job | undefined;
  await expect
    .poll(
      () => {
        job = windowJobs(dataDir).filter((j) => j.kind === kind)[nth];
        return job ? `${job.state} ${job.external_id ?? ''}` : 'no job';
      },
      { timeout: 30_000, message: `the ${kind} job reaches CUPS and completes` },
    )
    .toMatch(/^completed PDF-\d+$/);
  if (!job?.external_id) throw new Error('no CUPS job id');
  const title = titleOf(dataDir, job.id);
  await expect.poll(() => printedFiles(title).length, { timeout: 20_000, message: `cups-pdf printed ${title}` }).toBe(1);
  const spooled = join(SPOOL, `d${job.external_id.replace('PDF-', '').padStart(5, '0')}-001`);
  expect(existsSync(spooled), `CUPS keeps the document of ${job.external_id} (PreserveJobFiles)`).toBe(true);
  return execFileSync('pdftotext', ['-layout', spooled, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
}

/** Today in the hall, and a date n working days later, as the host counts them. */
export function workingDaysFromToday(n: number): string {
  return addWorkingDays(serviceDay(Date.now()), n, workingCalendar());
}

/** 2026年12月14日, as the window documents print dates. */
export const zhDate = (iso: string) => `${Number(iso.slice(0, 4))}年${Number(iso.slice(5, 7))}月${Number(iso.slice(8, 10))}日`;

export async function axe(page: Page, label: string): Promise<void> {
  const r = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21aa', 'best-practice']).analyze();
  expect(
    r.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
    `${label} has accessibility violations`,
  ).toEqual([]);
}

/** The counter screen facing the applicants of a window (a display-paired screen at /counter). */
export async function counterFor(hall: Hall, window: string): Promise<Page> {
  const display = await hall.openScreen('display', `${window}对客屏`);
  await display.goto(display.url().replace(/\/display$/, '/counter'));
  await display.getByRole('button', { name: window }).click();
  await expect(display.getByRole('heading', { name: window, level: 1 })).toBeVisible();
  return display;
}

/** A clerk signed in at a window, with the case desk of the ticket called. */
export async function clerkCalls(hall: Hall, staffNo: string, name: string, window: string, ticket: string): Promise<Page> {
  const clerk = await clerkAt(hall, staffNo, name, window);
  await clerk.getByRole('button', { name: '呼叫下一位' }).click();
  await expect(clerk.locator('.clerk-current__number')).toHaveText(ticket);
  return clerk;
}

/** The desk of one case on a clerk's screen (an article named by its case number). */
export const desk = (clerk: Page, caseNumber: string) => clerk.getByRole('article', { name: caseNumber });

export async function tickPapers(clerk: Page, caseNumber: string, names: string[]): Promise<void> {
  for (const n of names)
    await desk(clerk, caseNumber)
      .getByRole('checkbox', { name: `已核对原件：${n}` })
      .check();
}

/** The booth's (or kiosk's) progress query, as a citizen types it; returns the result page. */
export async function queryProgress(page: Page, caseNumber: string, last4: string): Promise<void> {
  await page.getByRole('button', { name: '查询办理进度' }).click();
  await page.getByLabel('申请编号（如 YZ20261124-0001）').fill(caseNumber);
  await page.getByLabel('身份证号码后 4 位').fill(last4);
  await page.getByRole('button', { name: '查询', exact: true }).click();
  await expect(page.getByRole('heading', { name: `申请 ${caseNumber}` })).toBeVisible();
}
