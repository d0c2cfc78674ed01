import { test as base, expect, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { redeemLink, startHubProcess, type HubProcess } from '../../scripts/lib/hub-process.js';
import type { TerminalRole } from '../../electron/domain/roles.js';

export interface Hall {
  hub: HubProcess;
  /** Bearer credential of an admin terminal, for arranging state through the API. */
  adminToken: string;
  /**
   * Creates a staff member through the API as the supervisor would (the first administrator is set
   * up on first use with the banner's setup code) and sets their PIN with the enrolment code, so a
   * test can sign in on a clerk screen with `staffNo` and `pin`.
   */
  createStaff(staffNo: string, name: string, role?: 'clerk' | 'supervisor' | 'admin', pin?: string): Promise<void>;
  /** The first administrator's staff number and PIN (set up on first use). */
  readonly admin: { staffNo: string; pin: string };
  /** Sets up the first administrator through the API now (else a test may do it on the admin screen with hub.setupCode). */
  ensureAdmin(): Promise<void>;
  /** Opens a screen in its own browser context (its own terminal), paired through a link the admin
   * issued, exactly as a person pairs a new terminal (the supervisor signs in for that: the first
   * administrator is set up on first use). */
  openScreen(role: TerminalRole, name?: string): Promise<Page>;
  /** The admin screen of the terminal the start banner paired, before anyone set up the hall. */
  openBannerAdmin(): Promise<Page>;
}

async function pairingLink(hub: HubProcess, adminToken: string, staffToken: string, role: TerminalRole, name: string): Promise<string> {
  const res = await fetch(`${hub.url}/api/pairing-codes`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${adminToken}`, 'x-yizhan-staff': staffToken },
    body: JSON.stringify({ role, name }),
  });
  expect(res.status).toBe(200);
  const { code } = (await res.json()) as { code: string };
  return `${hub.url}/pair?code=${code}&role=${role}`;
}

interface Watch {
  contexts: BrowserContext[];
  /** Console errors that name the Content-Security-Policy: the host's CSP must never block our own app. */
  cspViolations: string[];
  pageErrors: string[];
}

async function newScreen(browser: Browser, watch: Watch, role: TerminalRole): Promise<Page> {
  const context = await browser.newContext();
  watch.contexts.push(context);
  const page = await context.newPage();
  page.on('pageerror', (err) => watch.pageErrors.push(`${role}: ${err.message}`));
  page.on('console', (msg) => {
    if (msg.type() === 'error' && /Content Security Policy/i.test(msg.text())) watch.cspViolations.push(`${role}: ${msg.text()}`);
  });
  return page;
}

async function openScreen(
  browser: Browser,
  watch: Watch,
  hub: HubProcess,
  adminToken: string,
  staffToken: string,
  role: TerminalRole,
  name: string,
): Promise<Page> {
  const page = await newScreen(browser, watch, role);
  await page.goto(await pairingLink(hub, adminToken, staffToken, role, name));
  await page.waitForURL(new RegExp(`/${role}$`));
  return page;
}

export const STAFF_PIN = '246810';
const ADMIN = { staffNo: 'S001', pin: '135790' };

async function api(
  hub: HubProcess,
  path: string,
  adminToken: string,
  body: unknown,
  staffToken?: string,
): Promise<{ status: number; json: unknown; headers: Headers }> {
  const res = await fetch(`${hub.url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${adminToken}`, ...(staffToken ? { 'x-yizhan-staff': staffToken } : {}) },
    body: JSON.stringify(body),
  });
  return { status: res.status, json: await res.json(), headers: res.headers };
}

function staffFixture(hub: HubProcess, adminToken: string) {
  let supervisor: Promise<string> | null = null;
  const signInAdmin = () =>
    (supervisor ??= (async () => {
      const setup = await api(hub, '/api/staff/setup', adminToken, { setupCode: hub.setupCode, staffNo: ADMIN.staffNo, name: '管理员', pin: ADMIN.pin });
      expect(setup.status, JSON.stringify(setup.json)).toBe(200);
      const token = /yz_staff_[a-z]+=([^;]+)/.exec(setup.headers.get('set-cookie') ?? '')?.[1];
      if (!token) throw new Error('no staff session after setup');
      return token;
    })());
  return {
    admin: ADMIN,
    async createStaff(staffNo: string, name: string, role: 'clerk' | 'supervisor' | 'admin' = 'clerk', pin = STAFF_PIN): Promise<void> {
      const session = await signInAdmin();
      const created = await api(hub, '/api/staff', adminToken, { staffNo, name, role }, session);
      expect(created.status, JSON.stringify(created.json)).toBe(200);
      const code = (created.json as { enrollmentCode: string }).enrollmentCode;
      const enrolled = await api(hub, '/api/staff/enroll', adminToken, { staffNo, code, pin });
      expect(enrolled.status, JSON.stringify(enrolled.json)).toBe(200);
    },
    /** Sets up the first administrator now (for tests that sign in on the admin screen). */
    ensureAdmin: async () => void (await signInAdmin()),
    /** The first administrator's staff session on the fixture's admin terminal. */
    session: signInAdmin,
  };
}

export const test = base.extend<{ hall: Hall; hubOptions: { args?: string[]; env?: NodeJS.ProcessEnv } }>({
  /** Extra hub options for a spec: test.use({ hubOptions: { args: ['--printer', 'cups:PDF'] } }). */
  hubOptions: [{}, { option: true }],
  hall: async ({ browser, hubOptions }, use) => {
    const hub = await startHubProcess(hubOptions);
    const adminLink = hub.links.admin;
    if (!adminLink) throw new Error(`no admin link in the banner:\n${hub.output()}`);
    const adminToken = await redeemLink(adminLink);
    let n = 0;
    const watch: Watch = { contexts: [], cspViolations: [], pageErrors: [] };
    const staff = staffFixture(hub, adminToken);
    await use({
      hub,
      adminToken,
      admin: staff.admin,
      createStaff: staff.createStaff,
      ensureAdmin: staff.ensureAdmin,
      openScreen: async (role, name) => openScreen(browser, watch, hub, adminToken, await staff.session(), role, name ?? `${role} ${++n}`),
      openBannerAdmin: async () => {
        const page = await newScreen(browser, watch, 'admin');
        await page.context().addCookies([{ name: 'yz_admin', value: adminToken, url: hub.url, httpOnly: true, sameSite: 'Strict' }]);
        await page.goto(`${hub.url}/admin`);
        return page;
      },
    });
    // Stop the hub while the screens are still connected (as in a hall), then close them.
    const started = Date.now();
    const code = await hub.stop();
    const stopMs = Date.now() - started;
    await Promise.all(watch.contexts.map((c) => c.close()));
    hub.removeDataDir();
    expect(code, `hub exit code after SIGTERM; output:\n${hub.output()}`).toBe(0);
    // Not a speed target: a stop that waits on a connected screen hangs for a minute, not seconds.
    expect(stopMs, 'SIGTERM with screens connected must not wait on them').toBeLessThan(10_000);
    expect(watch.cspViolations).toEqual([]);
    expect(watch.pageErrors).toEqual([]);
  },
});

export { expect };
