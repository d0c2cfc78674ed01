import type { Page } from '@playwright/test';
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { appRoot } from '../../db/app-root.js';
import { expect, type Hall } from './fixtures.js';
import { supervisorHeaders } from './steps.js';

/**
 * The kiosk journey as a citizen goes through it, for the journey specs: the simulated card reader
 * bound to the kiosk (through the admin API, as a supervisor would on the Devices panel), cards put
 * on it through the real `npm run sim` CLI, and the pages answered by their labels.
 */
const run = promisify(execFile);

export const CARDS = join(appRoot(), 'tests', 'e2e', 'cards');

export async function sim(hall: Hall, ...args: string[]): Promise<string> {
  const { stdout } = await run(process.execPath, [join(appRoot(), 'out', 'scripts', 'sim.js'), '--data-dir', hall.hub.dataDir, ...args]);
  return stdout;
}

/** A supervisor's request on the fixture's admin terminal (binding devices is a configuration change). */
async function admin(hall: Hall, method: string, path: string, body?: unknown): Promise<unknown> {
  const signedIn = await supervisorHeaders(hall);
  if (body === undefined) delete signedIn['content-type'];
  const res = await fetch(`${hall.hub.url}${path}`, {
    method,
    headers: signedIn,
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  expect(res.status, `${method} ${path}`).toBe(200);
  return res.json();
}

/** Binds the simulated reader and scanner to the terminal named `terminal`. */
export async function bindDevicesTo(hall: Hall, terminal: string): Promise<void> {
  const { terminals } = (await admin(hall, 'GET', '/api/terminals')) as { terminals: { id: number; name: string }[] };
  const t = terminals.find((x) => x.name === terminal);
  expect(t, `terminal ${terminal}`).toBeDefined();
  const { devices } = (await admin(hall, 'GET', '/api/devices')) as { devices: { id: number; kind: string }[] };
  expect(devices.length).toBeGreaterThanOrEqual(2);
  for (const d of devices) await admin(hall, 'PUT', `/api/devices/${d.id}`, { terminalId: t?.id });
}

/** A card on the reader (a fixture name or a card file in tests/e2e/cards), then off again. */
export async function tapCard(hall: Hall, card: string): Promise<void> {
  const fixture = card.includes('/') || card.endsWith('.json') ? card : card.startsWith('tests:') ? join(CARDS, `${card.slice(6)}.json`) : card;
  expect(await sim(hall, 'card', 'put', fixture)).toMatch(/^ok/);
}

export async function removeCard(hall: Hall): Promise<void> {
  await sim(hall, 'card', 'remove');
}

/** Welcome → business line → service → one-time notice → identify. */
export async function toIdentify(kiosk: Page, line: string, service: string, labels = ZH): Promise<void> {
  await kiosk.getByRole('button', { name: labels.start, exact: true }).click();
  await kiosk.getByRole('button', { name: line }).click();
  await kiosk.getByRole('button', { name: service }).click();
  await expect(kiosk.getByRole('heading', { name: labels.notice })).toBeVisible();
  await kiosk.getByRole('button', { name: labels.continueNotice }).click();
  await expect(kiosk.getByRole('heading', { name: labels.identify })).toBeVisible();
}

export const ZH = {
  start: '开始办理',
  notice: '一次性告知',
  continueNotice: '开始预填申请',
  identify: '请验证身份',
  continue: '继续',
  materials: '您带齐以下材料了吗？',
  check: '请核对您的信息',
  submit: '确认提交并取号',
  confirmed: '申请已提交',
  done: '完成',
  welcome: '欢迎使用自助服务',
};

export const EN = {
  start: 'Start',
  notice: 'Everything you need',
  continueNotice: 'Start the application',
  identify: 'Identify yourself',
  continue: 'Continue',
  materials: 'Do you have these with you?',
  check: 'Check your answers',
  submit: 'Submit and take a ticket',
  confirmed: 'Application submitted',
  done: 'Done',
  welcome: 'Welcome to self-service',
};

/** Types on an on-screen keypad, key by key, as a finger would. */
export async function typeOnPad(kiosk: Page, padName: string, text: string): Promise<void> {
  const pad = kiosk.getByRole('group', { name: padName });
  for (const ch of text) await pad.getByRole('button', { name: ch, exact: true }).click();
}

/** Answers the question on screen with `fill` on its (only) text box, then continues. */
export async function answerText(kiosk: Page, heading: string, value: string, labels = ZH): Promise<void> {
  await expect(kiosk.getByRole('heading', { name: heading })).toBeVisible();
  await kiosk.locator('.journey-step__body input').first().fill(value);
  await kiosk.getByRole('button', { name: labels.continue, exact: true }).click();
}

export async function answerChoice(kiosk: Page, heading: string, choice: string, labels = ZH): Promise<void> {
  await expect(kiosk.getByRole('heading', { name: heading })).toBeVisible();
  await kiosk.getByRole('radio', { name: choice }).check();
  await kiosk.getByRole('button', { name: labels.continue, exact: true }).click();
}

/** Ticks the named materials (all when none are named) and continues. */
export async function tickMaterials(kiosk: Page, names: string[] | 'all', labels = ZH): Promise<void> {
  await expect(kiosk.getByRole('heading', { name: labels.materials })).toBeVisible();
  const boxes = kiosk.getByRole('checkbox');
  if (names === 'all') for (const b of await boxes.all()) await b.check();
  else for (const n of names) await kiosk.getByRole('checkbox', { name: n }).check();
  await kiosk.getByRole('button', { name: labels.continue, exact: true }).click();
}

export async function submitAndConfirm(kiosk: Page, labels = ZH): Promise<{ number: string; caseNumber: string }> {
  await expect(kiosk.getByRole('heading', { name: labels.check })).toBeVisible();
  await kiosk.getByRole('button', { name: labels.submit }).click();
  await expect(kiosk.getByRole('heading', { name: labels.confirmed })).toBeVisible();
  const number = (await kiosk.locator('.ticket__number').textContent())?.trim() ?? '';
  const caseNumber = (await kiosk.locator('.confirmation__case-number').first().textContent())?.trim() ?? '';
  expect(number).toMatch(/^[A-C]\d{3}$/);
  expect(caseNumber).toMatch(/^YZ\d{8}-\d{4,6}$/);
  return { number, caseNumber };
}

/** Types pinyin on the screen's keys and taps the character, paging on with 更多 if need be. */
export async function typePinyin(page: Page, letters: string, ch: string): Promise<void> {
  const keys = page.getByRole('group', { name: '拼音键盘' });
  for (const l of letters) await keys.getByRole('button', { name: l, exact: true }).click();
  await expect(page.locator('.ime-pinyin__letters')).toHaveText(letters);
  const group = page.getByRole('group', { name: '候选字' });
  const candidate = group.getByRole('button', { name: ch, exact: true });
  for (let pages = 0; ; pages++) {
    const first = group.getByRole('button').first();
    await expect(first).toBeVisible();
    if (await candidate.isVisible()) break;
    expect(pages, `${ch} within 10 pages of ${letters}`).toBeLessThan(10);
    const before = await first.textContent();
    await page.getByRole('button', { name: '更多', exact: true }).click();
    await expect(group.getByRole('button').first()).not.toHaveText(before ?? '');
  }
  await candidate.click();
}
