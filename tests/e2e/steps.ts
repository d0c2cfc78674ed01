import type { Page } from '@playwright/test';
import { expect, STAFF_PIN, type Hall } from './fixtures.js';

/**
 * What people do, step by step, shared by the end-to-end specs: a citizen taking a ticket at the
 * kiosk, a clerk signing in and calling at a window. Driven by labels, roles and visible text.
 */

export type How = { kind: 'normal' } | { kind: 'green' } | { kind: 'group'; n: number } | { kind: 'appointment'; code: string };

export const CLASS_BUTTON = { normal: '普通取号', green: '绿色通道', group: '团体办理', appointment: '我有预约' } as const;

/** From the welcome screen (any language) to the business lines. */
export async function startKiosk(kiosk: Page): Promise<void> {
  await kiosk.getByRole('button', { name: /^(开始办理|Start)$/ }).click();
  await expect(kiosk.getByRole('heading', { name: /^(请选择您要办理的业务|Please choose your service)$/ })).toBeVisible();
}

/** Welcome → business line → "just take a ticket": the queue without pre-filling. */
export async function toTicketClasses(kiosk: Page, line: string): Promise<void> {
  await startKiosk(kiosk);
  await kiosk.getByRole('button', { name: line }).click();
  await kiosk.getByRole('button', { name: /只取号，到窗口再办理|Just take a ticket/ }).click();
}

/** Takes a ticket the way a citizen does and returns its number from the confirmation. */
export async function takeTicket(kiosk: Page, line: string, how: How): Promise<string> {
  await toTicketClasses(kiosk, line);
  await expect(kiosk.getByRole('heading', { name: '办理方式' })).toBeVisible();
  await kiosk.getByRole('button', { name: CLASS_BUTTON[how.kind], exact: true }).click();
  if (how.kind === 'group') {
    const pad = kiosk.getByRole('group', { name: '人数键盘' });
    for (const d of String(how.n)) await pad.getByRole('button', { name: d, exact: true }).click();
    await kiosk.getByRole('button', { name: '确认取号' }).click();
  } else if (how.kind === 'appointment') {
    const pad = kiosk.getByRole('group', { name: '预约码键盘' });
    for (const ch of how.code) await pad.getByRole('button', { name: ch, exact: true }).click();
    await kiosk.getByRole('button', { name: '确认取号' }).click();
  } else if (how.kind === 'green') {
    await expect(kiosk.getByText('70岁以上老人')).toBeVisible();
    await kiosk.getByRole('button', { name: '确认取号' }).click();
  }
  await expect(kiosk.getByRole('heading', { name: '取号成功' })).toBeVisible();
  const number = (await kiosk.locator('.ticket__number').textContent())?.trim() ?? '';
  expect(number).toMatch(/^[A-C]\d{3}$/);
  return number;
}

export async function done(kiosk: Page): Promise<void> {
  await kiosk.getByRole('button', { name: '完成' }).click();
  await expect(kiosk.getByRole('heading', { name: '欢迎使用自助服务' })).toBeVisible();
}

/** Signs in on the admin screen with staff number and PIN, as a supervisor does before changing anything. */
export async function signInAdmin(admin: Page, who: { staffNo: string; pin: string }): Promise<void> {
  await admin.getByLabel('工号', { exact: true }).fill(who.staffNo);
  await admin.getByLabel('密码', { exact: true }).fill(who.pin);
  await admin.getByRole('button', { name: '登录', exact: true }).click();
  await expect(admin.getByText(/已登录：/)).toBeVisible();
}

/** Moves to a section of the admin screen through its side navigation, as a supervisor does. */
export async function adminSection(admin: Page, name: string): Promise<void> {
  await admin.getByRole('navigation', { name: '管理功能' }).getByRole('link', { name, exact: true }).click();
  await expect(admin.getByRole('link', { name, exact: true })).toHaveAttribute('aria-current', 'page');
}

/** Signs in on a clerk screen, typing the PIN on the on-screen keypad as on a touch terminal. */
export async function signIn(clerk: Page, staffNo: string, pin = STAFF_PIN): Promise<void> {
  await clerk.getByLabel('工号').fill(staffNo);
  const pad = clerk.getByRole('group', { name: '密码数字键盘' });
  for (const d of pin) await pad.getByRole('button', { name: d, exact: true }).click();
  await clerk.getByRole('button', { name: '登录', exact: true }).click();
}

export async function clerkAt(hall: Hall, staffNo: string, name: string, window: string): Promise<Page> {
  await hall.createStaff(staffNo, name);
  const clerk = await hall.openScreen('clerk', `${window} PC`);
  await signIn(clerk, staffNo);
  await expect(clerk.getByRole('heading', { name: '请选择您的窗口' })).toBeVisible();
  await clerk.getByRole('button', { name: new RegExp(`^${window}`) }).click();
  await expect(clerk.getByRole('heading', { name: window, level: 1 })).toBeVisible();
  return clerk;
}

export async function callNext(clerk: Page, expected: string): Promise<void> {
  await clerk.getByRole('button', { name: '呼叫下一位' }).click();
  await expect(clerk.getByRole('status').filter({ hasText: `已呼叫 ${expected}` })).toBeVisible();
  await expect(clerk.locator('.clerk-current__number')).toHaveText(expected);
}

/**
 * A keyboard-wedge scanner: the code's keys and Enter within a few milliseconds, as key events
 * the screen receives like any typing. Dispatched in the page in one go, because Playwright's
 * keyboard under a loaded CI machine can space keys beyond the 50 ms that tell a scanner from a
 * person (the slow, human case stays with page.keyboard).
 */
export async function wedgeScan(page: Page, text: string): Promise<void> {
  await page.evaluate((code) => {
    const target = document.activeElement ?? document.body;
    for (const key of [...Array.from(code), 'Enter']) target.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true }));
  }, text);
}

/** Books an appointment as a signed-in supervisor would; returns its code. */
export async function bookAppointment(hall: Hall, booking: { line: string; name?: string; idNumber?: string }): Promise<string> {
  const res = await fetch(`${hall.hub.url}/api/appointments`, {
    method: 'POST',
    headers: await supervisorHeaders(hall),
    body: JSON.stringify({ slotStart: Date.now(), ...booking }),
  });
  expect(res.status, await res.clone().text()).toBe(200);
  return ((await res.json()) as { appointment: { code: string } }).appointment.code;
}

/** Headers of the admin terminal with the first administrator signed in (a supervisor's rights). */
export async function supervisorHeaders(hall: Hall): Promise<Record<string, string>> {
  await hall.ensureAdmin();
  const auth = { 'content-type': 'application/json', authorization: `Bearer ${hall.adminToken}` };
  const signIn = await fetch(`${hall.hub.url}/api/staff/sign-in`, { method: 'POST', headers: auth, body: JSON.stringify(hall.admin) });
  expect(signIn.status).toBe(200);
  const session = /yz_staff_[a-z]+=([^;]+)/.exec(signIn.headers.get('set-cookie') ?? '')?.[1] ?? '';
  return { ...auth, 'x-yizhan-staff': session };
}
