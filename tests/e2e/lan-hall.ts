import { chromium, expect, type Browser, type Page } from '@playwright/test';
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import config from '../../playwright.config.js';
import { startAgentProcess, type AgentProcess } from '../../scripts/lib/agent-process.js';
import { redeemLink, startHubProcess, type HubProcess } from '../../scripts/lib/hub-process.js';
import type { TerminalRole } from '../../electron/domain/roles.js';
import { createLan, type Lan } from '../../scripts/lib/netns.js';

/**
 * A hall on its own LAN for the end-to-end tests (issue 15): the hub in one network namespace,
 * each terminal machine in another, all on one bridge; each terminal runs its agent
 * (`npm run terminal`, the built program) and its screen in a Chromium started on that machine.
 * The runner and the admin screen sit on the LAN too (the root namespace's card).
 */
export const HUB_PORT = 5150;
export const ADMIN = { staffNo: 'S001', pin: '135790' };

export interface LanHall {
  lan: Lan;
  hub: HubProcess;
  hubData: string;
  /** http://<hub's LAN address>:5150 */
  url: string;
  adminToken: string;
  staffToken: string;
  /** A pairing code for a new terminal, as the admin screen issues it. */
  code(role: TerminalRole, name: string): Promise<string>;
  agent(machine: string, role: TerminalRole, name: string, args?: string[]): Promise<AgentProcess>;
  /** The screen of a terminal on its machine, holding the terminal's one credential (as the
   * desktop shell hands its agent's pairing to its window). */
  screen(machine: string, agent: AgentProcess, prepare?: (page: Page) => void): Promise<Page>;
  /** A screen without an agent (a display), paired in its browser with a code. */
  pairedScreen(machine: string, role: TerminalRole, name: string, prepare?: (page: Page) => Promise<void>): Promise<Page>;
  /** Stops the hub with SIGKILL and starts it again on the same data and address. */
  restartHub(afterKill?: () => Promise<void> | void): Promise<void>;
  /** Runs a query on the hub's database (read-only, beside the running hub). */
  db<T>(sql: string, ...params: unknown[]): T[];
  pageErrors: string[];
  close(): Promise<void>;
}

function hubArgs(hubData: string): string[] {
  // The hub has a default printer of its own: a kiosk's slip must not come out there.
  return ['--host', '0.0.0.0', '--port', String(HUB_PORT), '--printer', `folder:${join(hubData, 'hub-printer')}`];
}

export async function startLanHall(machines: string[]): Promise<LanHall> {
  const lan = createLan(['hub', ...machines]);
  const hubData = mkdtempSync(join(tmpdir(), 'yizhan-lan-hub-'));
  const agents: AgentProcess[] = [];
  const browsers: Browser[] = [];
  const pageErrors: string[] = [];
  let hub: HubProcess | null = null;
  const hubIp = lan.machines['hub']?.ip ?? '';
  const url = `http://${hubIp}:${HUB_PORT}`;
  try {
    hub = await startHubProcess({ dataDir: hubData, wrap: lan.wrap('hub'), args: hubArgs(hubData) });
    const onLan = (link: string) => link.replace(/^http:\/\/[^/]+/, url);
    const adminToken = await redeemLink(onLan(hub.links.admin ?? ''));
    const setup = await fetch(`${url}/api/staff/setup`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${adminToken}` },
      body: JSON.stringify({ setupCode: hub.setupCode, name: '管理员', ...ADMIN }),
    });
    expect(setup.status).toBe(200);
    const staffToken = /yz_staff_[a-z]+=([^;]+)/.exec(setup.headers.get('set-cookie') ?? '')?.[1] ?? '';

    const code = async (role: TerminalRole, name: string) => {
      const res = await fetch(`${url}/api/pairing-codes`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${adminToken}`, 'x-yizhan-staff': staffToken },
        body: JSON.stringify({ role, name }),
      });
      expect(res.status).toBe(200);
      return ((await res.json()) as { code: string }).code;
    };
    const browserOn = async (machine: string) => {
      const launch = config.use?.launchOptions ?? {};
      const b = await chromium.launch({ ...launch, executablePath: lan.chromiumOn(machine) });
      browsers.push(b);
      return b;
    };
    const watched = async (b: Browser, label: string) => {
      const context = await b.newContext({ locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
      const page = await context.newPage();
      page.on('pageerror', (e) => pageErrors.push(`${label}: ${e.message}`));
      return page;
    };
    const self: LanHall = {
      lan,
      hub,
      hubData,
      url,
      adminToken,
      staffToken,
      code,
      pageErrors,
      async agent(machine, role, name, args = []) {
        const a = await startAgentProcess({ hub: url, role, code: await code(role, name), wrap: lan.wrap(machine), args });
        agents.push(a);
        return a;
      },
      async screen(machine, agent, prepare) {
        const cred = agent.credential();
        const page = await watched(await browserOn(machine), `${machine} ${cred.role}`);
        await page.context().addCookies([{ name: `yz_${cred.role}`, value: cred.token, url, httpOnly: true, sameSite: 'Strict' }]);
        prepare?.(page);
        await page.goto(`${url}/${cred.role}`);
        return page;
      },
      async pairedScreen(machine, role, name, prepare) {
        const page = await watched(await browserOn(machine), `${machine} ${role}`);
        await prepare?.(page);
        await page.goto(`${url}/pair?code=${await code(role, name)}&role=${role}`);
        await page.waitForURL(new RegExp(`/${role}$`));
        return page;
      },
      async restartHub(afterKill) {
        await self.hub.kill();
        await afterKill?.();
        self.hub = await startHubProcess({ dataDir: hubData, wrap: lan.wrap('hub'), args: hubArgs(hubData) });
      },
      db<T>(sql: string, ...params: unknown[]): T[] {
        const db = new Database(join(hubData, 'yizhan.sqlite'), { readonly: true });
        try {
          return db.prepare(sql).all(...params) as T[];
        } finally {
          db.close();
        }
      },
      async close() {
        // A test that froze a process (SIGSTOP) and failed before thawing it: thaw, then stop.
        for (const pid of [self.hub.child.pid, ...agents.map((a) => a.child.pid)]) {
          try {
            if (pid) process.kill(pid, 'SIGCONT');
          } catch {
            /* exited already */
          }
        }
        await Promise.all(browsers.map((b) => b.close().catch(() => undefined)));
        await Promise.all(agents.map((a) => a.stop()));
        await self.hub.stop();
        for (const a of agents) a.removeDataDir();
        lan.destroy();
        rmSync(hubData, { recursive: true, force: true });
      },
    };
    return self;
  } catch (err) {
    await Promise.all(browsers.map((b) => b.close().catch(() => undefined)));
    await Promise.all(agents.map((a) => a.kill()));
    await hub?.kill();
    lan.destroy();
    rmSync(hubData, { recursive: true, force: true });
    throw err;
  }
}
