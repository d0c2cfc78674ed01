import { test as base, expect, type Browser, type BrowserContext, type Page } from '@playwright/test';
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

interface Watch {
  contexts: BrowserContext[];
  /** Console errors that name the Content-Security-Policy: the host's CSP must never block our own app. */
  cspViolations: string[];
  pageErrors: string[];
}

async function openScreen(browser: Browser, watch: Watch, hub: HubProcess, adminToken: string, role: TerminalRole, name: string): Promise<Page> {
  const context = await browser.newContext();
  watch.contexts.push(context);
  const page = await context.newPage();
  page.on('pageerror', (err) => watch.pageErrors.push(`${role}: ${err.message}`));
  page.on('console', (msg) => {
    if (msg.type() === 'error' && /Content Security Policy/i.test(msg.text())) watch.cspViolations.push(`${role}: ${msg.text()}`);
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
    const watch: Watch = { contexts: [], cspViolations: [], pageErrors: [] };
    await use({ hub, adminToken, openScreen: (role, name) => openScreen(browser, watch, hub, adminToken, role, name ?? `${role} ${++n}`) });
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
