import { afterEach, describe, expect, it } from 'vitest';
import { TERMINAL_ROLES } from '../../electron/domain/roles.js';
import { DEFAULT_TIME_ZONE } from '../../electron/domain/service-day.js';
import { parseCliOptions } from '../../electron/host/cli-options.js';
import { startTestHost, type TestHost } from '../support/test-host.js';

/** Every screen learns the hall's time zone from the host (its first call, session), never from its own machine. */
const hosts: TestHost[] = [];
afterEach(async () => {
  for (const h of hosts.splice(0)) await h.stop();
});

async function sessionZone(t: TestHost, role: (typeof TERMINAL_ROLES)[number]): Promise<unknown> {
  const token = await t.pair(role);
  const res = await t.request(`/api/session?role=${role}`, { token });
  expect(res.status).toBe(200);
  return (res.body as { timeZone?: unknown }).timeZone;
}

describe('the host tells screens its time zone', () => {
  it('answers the zone it was started with (--time-zone), to every role', async () => {
    const options = parseCliOptions(['--time-zone', 'America/Argentina/Buenos_Aires'], {});
    if (options === 'help') throw new Error('unexpected help');
    const t = await startTestHost({ timeZone: options.timeZone });
    hosts.push(t);
    for (const role of TERMINAL_ROLES) expect(await sessionZone(t, role)).toBe('America/Argentina/Buenos_Aires');
  });

  it('answers the hall default when started without one', async () => {
    const t = await startTestHost();
    hosts.push(t);
    expect(await sessionZone(t, 'kiosk')).toBe(DEFAULT_TIME_ZONE);
    expect(DEFAULT_TIME_ZONE).toBe('Asia/Shanghai');
  });
});
