import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiError } from '../../renderer/src/api/client.js';
import type { HostConnection } from '../../renderer/src/data/host-connection.js';
import { resendUntilAnswered } from '../../renderer/src/data/use-command.js';
import { reconnectDelayMs, RECONNECT_MAX_MS } from '../../electron/domain/reconnect.js';

/**
 * A kiosk's request with its own key, whose answer was lost with the link: sent again once the hub
 * is back (and counted on the connection meanwhile, for the banner); anything but a lost answer is
 * not sent again.
 */
const g = globalThis as { window?: unknown };
beforeAll(() => (g.window = globalThis));
afterAll(() => delete g.window);

function fakeConnection() {
  const log: string[] = [];
  const connection = {
    whenOpen: async () => void log.push('whenOpen'),
    beginWaiting: () => void log.push('begin'),
    endWaiting: (answered: boolean) => void log.push(`end:${answered}`),
  };
  return { connection: connection as unknown as HostConnection, log };
}

describe('resendUntilAnswered', () => {
  it('sends again after lost answers, once the hub is back, and tells the connection it was answered', async () => {
    const { connection, log } = fakeConnection();
    let calls = 0;
    const result = await resendUntilAnswered(connection, async () => {
      calls += 1;
      if (calls < 3) throw new ApiError('network', 0, 'no answer');
      return 'A001';
    });
    expect(result).toBe('A001');
    expect(calls).toBe(3);
    expect(log).toEqual(['begin', 'whenOpen', 'whenOpen', 'end:true']);
  }, 10_000);

  it('does not send again what the hub answered, even with an error', async () => {
    const { connection, log } = fakeConnection();
    let calls = 0;
    const refused = resendUntilAnswered(connection, async () => {
      calls += 1;
      throw new ApiError('conflict', 409, 'used by another terminal');
    });
    await expect(refused).rejects.toMatchObject({ code: 'conflict' });
    expect(calls).toBe(1);
    expect(log).toEqual([]);
  });

  it('waits with the shared reconnect policy: soon at first, never longer than its cap', () => {
    expect(reconnectDelayMs(0, 0)).toBeLessThan(300);
    for (let f = 0; f < 20; f++) expect(reconnectDelayMs(f, 0.999)).toBeLessThanOrEqual(RECONNECT_MAX_MS * 1.25);
  });
});
