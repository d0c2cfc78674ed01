import { test as base, expect, type Browser, type Page } from '@playwright/test';
import { redeemLink, startHubProcess, type HubProcess } from '../../scripts/lib/hub-process.js';
import type { TerminalRole } from '../../electron/domain/roles.js';

export interface Hall {
  hub: HubProcess;
  /** Bearer credential of an admin terminal, for arranging state through the API. */
  adminToken: string;
  /** Opens a screen in its own browser context (its own terminal), paired through a link the admin
   * issued, exactly as a person pairs a new terminal. */
  openScreen(role: TerminalRole, name?: string): Promise<Page>;
}

async function pairingLink(hub: HubProcess, adminToken: string, role: TerminalRole, name: string): Promise<string> {
  const res = await fetch(`${hub.url}/api/pairing-codes`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${adminToken}` },
    body: JSON.stringify({ role, name }),
  });
  expect(res.status).toBe(200);
  const { code } = (await res.json()) as { code: string };
  return `${hub.url}/pair?code=${code}&role=${role}`;
}

async function openScreen(browser: Browser, hub: HubProcess, adminToken: string, role: TerminalRole, name: string): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  page.on('pageerror', (err) => {
    throw new Error(`page error on ${role}: ${err.message}`);
  });
  await page.goto(await pairingLink(hub, adminToken, role, name));
  await page.waitForURL(new RegExp(`/${role}$`));
  return page;
}

export const test = base.extend<{ hall: Hall }>({
  hall: async ({ browser }, use) => {
    const hub = await startHubProcess();
    const adminLink = hub.links.admin;
    if (!adminLink) throw new Error(`no admin link in the banner:\n${hub.output()}`);
    const adminToken = await redeemLink(adminLink);
    let n = 0;
    await use({ hub, adminToken, openScreen: (role, name) => openScreen(browser, hub, adminToken, role, name ?? `${role} ${++n}`) });
    const code = await hub.stop();
    hub.removeDataDir();
    expect(code, `hub exit code after SIGTERM; output:\n${hub.output()}`).toBe(0);
  },
});

export { expect };
