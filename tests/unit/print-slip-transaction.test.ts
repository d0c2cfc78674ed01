import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../db/open.js';
import { ticketStore, type IssuedTicket } from '../../db/tickets.js';
import { printingService } from '../../electron/host/printing/printing-service.js';
import { issueBatcher } from '../../electron/host/queue/issue-batcher.js';
import { testCipher } from '../support/test-cipher.js';
import { tempDir } from '../support/temp-dir.js';

// One key for the file: a test that reopens the database after a crash reads what it sealed.
const cipher = testCipher();
const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

// A ticket and its slip's print job are one transaction: after a crash there is never a ticket
// whose slip was forgotten, nor a slip of a ticket that does not exist.
function setup() {
  const dir = tempDir();
  const out = tempDir();
  const opened = openDatabase(dir.path);
  const tickets = ticketStore(opened.db);
  const service = printingService({
    db: opened.db,
    cipher,
    clock: Date.now,
    timeZone: 'Asia/Shanghai',
    log: () => {},
    broadcast: () => {},
    defaultPrinter: { kind: 'folder', target: out.path, media: '' },
  });
  const row = opened.db
    .prepare(`INSERT INTO terminals (name, role, token_hash, paired_at) VALUES ('1号自助取号机', 'kiosk', randomblob(32), 0) RETURNING id`)
    .get() as { id: number };
  const terminal = { id: row.id, name: '1号自助取号机' };
  const batcher = issueBatcher(
    tickets,
    () => '2026-05-18',
    Date.now,
    () => {},
  );
  cleanups.push(async () => {
    await service.close();
    opened.db.close();
    await dir.remove();
    await out.remove();
  });
  const count = (table: string) => (opened.db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
  const withSlip = (t: IssuedTicket) => service.storeSlip(t, terminal, 'zh-CN');
  return { opened, service, terminal, batcher, count, withSlip };
}

describe('slip job in the ticket transaction', () => {
  it('stores each ticket of a batch with its slip job before answering', async () => {
    const { batcher, count, withSlip, service } = setup();
    const answers = await Promise.all([
      batcher.issue({ line: 'household', terminalId: null }, withSlip),
      batcher.issue({ line: 'household', terminalId: null }, withSlip),
    ]);
    expect(answers.map((a) => a.ticket.number)).toEqual(['A001', 'A002']);
    expect(count('tickets')).toBe(2);
    expect(count('print_jobs')).toBe(2);
    const labels = [1, 2].map((id) => (JSON.parse(service.jobs.get(id)?.data ?? '{}') as { number?: string }).number);
    expect(labels).toEqual(['A001', 'A002']);
  });

  it('rolls the ticket back when its print job cannot be stored', async () => {
    const { opened, batcher, count, withSlip } = setup();
    // A real failing insert (as a full disk would give), not a mocked store.
    opened.db.exec(`CREATE TEMP TRIGGER no_print BEFORE INSERT ON print_jobs BEGIN SELECT RAISE(ABORT, 'print insert failed'); END`);
    await expect(batcher.issue({ line: 'household', terminalId: null }, withSlip)).rejects.toThrow(/print insert failed/);
    expect(count('tickets')).toBe(0);
    expect(count('print_jobs')).toBe(0);
    opened.db.exec(`DROP TRIGGER no_print`);
    // The counter rolled back too: the next ticket is still the first number of the day.
    const next = await batcher.issue({ line: 'household', terminalId: null }, withSlip);
    expect(next.ticket.number).toBe('A001');
    expect(count('print_jobs')).toBe(1);
  });

  it('stores no job for a terminal without a printer, and the ticket still commits', async () => {
    const { opened, batcher, count, service, terminal } = setup();
    service.settings.set(terminal.id, { kind: 'none', target: '', media: '' }, null, Date.now());
    const t = await batcher.issue({ line: 'traffic', terminalId: null }, (i) => service.storeSlip(i, terminal, 'zh-CN'));
    expect(t.ticket.number).toBe('B001');
    expect(count('tickets')).toBe(1);
    expect(count('print_jobs')).toBe(0);
    expect(opened.db.inTransaction).toBe(false);
  });
});
