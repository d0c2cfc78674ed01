import Database from 'better-sqlite3';
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { appRoot } from '../../db/app-root.js';
import { startBackOfficeHall, until } from '../support/back-office-hall.js';
import { startSimProcess, type SimProcess } from '../support/backoffice-sim.js';
import { tempDir } from '../support/temp-dir.js';

const NOW = Date.UTC(2026, 8, 29, 2, 0, 0);
const cleanup: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanup.splice(0).reverse()) await c();
});

/** The hub as the hall runs it (npm run hub), its own process on the given data folder. */
function hub(dataDir: string): ChildProcess {
  const child = spawn(
    process.execPath,
    [join(appRoot(), 'out', 'scripts', 'start.js'), '--headless', '--port', '0', '--data-dir', dataDir, '--backup-dir', 'none'],
    {
      stdio: 'ignore',
    },
  );
  cleanup.push(() => void (child.exitCode === null && child.kill('SIGKILL')));
  return child;
}
const exited = (c: ChildProcess) => new Promise<void>((r) => (c.exitCode !== null || c.signalCode !== null ? r() : c.once('exit', () => r())));

describe('the hub killed in the middle of a delivery run', () => {
  it('delivers everything once after a restart: nothing lost, nothing applied twice', async () => {
    const sim: SimProcess = await startSimProcess();
    cleanup.push(sim.stop);
    const dir = tempDir('yizhan-kill-');
    cleanup.push(dir.remove);

    // 30 cases accepted and completed while the traffic platform refuses deliveries: 60 messages wait.
    await sim.mode({ mode: 'down', on: 'cases' });
    const h = await startBackOfficeHall(NOW, { dataDir: dir.path });
    await h.link('traffic', sim.url, 5_000);
    const cases: string[] = [];
    for (let i = 0; i < 30; i++) {
      const { caseNumber } = await h.renewal(i);
      await h.accept(caseNumber);
      await h.complete(caseNumber);
      cases.push(caseNumber);
    }
    await h.close();

    // Slow answers (recorded first): when the kill comes, some cases have arrived unanswered.
    await sim.mode({ mode: 'slow', ms: 400, afterRecord: true, on: 'cases' });
    const first = hub(dir.path);
    await until(
      'a delivery run under way',
      () => sim.ledger(),
      (l) => l.entries.length >= 12,
      30_000,
    );
    first.kill('SIGKILL');
    await exited(first);
    const atKill = (await sim.ledger()).entries.length;
    expect(atKill).toBeLessThan(60);

    await sim.mode({ mode: 'up' });
    const second = hub(dir.path);
    const ledger = await until(
      'all delivered',
      () => sim.ledger(),
      (l) => l.entries.length >= 60,
      60_000,
    );
    // The simulator records a case before it answers: the hub marks the last ones delivered a moment
    // after the ledger is full. Read its outbox (WAL: beside the running hub) until it has.
    const db = new Database(join(dir.path, 'yizhan.sqlite'), { readonly: true });
    cleanup.push(() => void db.close());
    const states = () => db.prepare<[], { state: string; n: number }>(`SELECT state, count(*) AS n FROM back_office_outbox GROUP BY state`).all();
    await until('all marked delivered', states, (rows) => rows.length === 1 && rows[0]?.state === 'delivered', 30_000);
    second.kill('SIGTERM');
    await exited(second);

    const keys = ledger.entries.map((e) => `${e.caseNumber}#${e.sequence}`);
    expect(new Set(keys).size).toBe(60);
    expect(new Set(ledger.entries.map((e) => e.caseNumber))).toEqual(new Set(cases));
    // What was in flight at the kill was sent again with its key and answered from the store.
    expect(ledger.repeats).toBeGreaterThan(0);
    for (const c of cases) expect(ledger.entries.filter((e) => e.caseNumber === c).map((e) => e.sequence)).toEqual([1, 2]);
    expect(states()).toEqual([{ state: 'delivered', n: 60 }]);
  }, 120_000);
});
