import { afterEach, describe, expect, it } from 'vitest';
import { auditStore } from '../../db/audit.js';
import { cityFeedStore } from '../../db/city-feed.js';
import { openDatabase } from '../../db/open.js';
import { staffStore } from '../../db/staff.js';
import { ticketStore } from '../../db/tickets.js';
import { windowStore } from '../../db/windows.js';
import { digestByDay } from '../../electron/domain/city/reconciliation.js';
import { testCipher } from '../support/test-cipher.js';
import { tempDir } from '../support/temp-dir.js';

/**
 * The hub's city feed (migration 016): the triggers copy each source row into the outbox in the
 * source's own transaction, with only what the city needs; the forwarder's reads use indexes.
 */
const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((f) => f()));
const DAY = '2026-11-24';
const T = Date.parse('2026-11-24T02:00:00Z');

function setUp() {
  const d = tempDir();
  const { db } = openDatabase(d.path);
  cleanups.push(() => {
    db.close();
    d.remove();
  });
  const clerk = staffStore(db).createWithPin('C101', '王芳', 'clerk', Buffer.alloc(32), Buffer.alloc(16), 0);
  return { db, clerk, feed: cityFeedStore(db, testCipher()) };
}

describe('the city feed outbox', () => {
  it('numbers every record in order, in the transaction of its source', () => {
    const { db, clerk, feed } = setUp();
    windowStore(db).setStatus(1, 'open', clerk.id, { kind: 'window_opened', staffId: clerk.id, serviceDay: DAY, at: T });
    const tickets = ticketStore(db);
    tickets.issue({ line: 'household', terminalId: null }, DAY, T + 1);
    // A step that fails takes its feed record with it.
    expect(() =>
      db.transaction(() => {
        db.prepare(`INSERT INTO ticket_events (kind, ticket_id, at, service_day) VALUES ('issued', 99, ?, ?)`).run(T + 2, DAY);
        throw new Error('rolled back');
      })(),
    ).toThrow('rolled back');
    const records = feed.pending(0, 100);
    expect(records.map((r) => [r.seq, r.kind, JSON.parse(r.payload).kind])).toEqual([
      [1, 'ticket_event', 'window_opened'],
      [2, 'ticket_event', 'issued'],
    ]);
    expect(feed.lastSeq()).toBe(2);
    expect(feed.pending(1, 100).map((r) => r.seq)).toEqual([2]);
  });

  it('copies a rating without its comment, and each change of a rectification status', () => {
    const { db, feed } = setUp();
    db.prepare(
      `INSERT INTO service_ratings (id, ticket_id, level, channel, reasons, comment_enc, at, service_day) VALUES (1, 7, 2, 'counter', '["slow"]', ?, ?, ?)`,
    ).run(Buffer.from('王芳态度不好 13800138000'), T, DAY);
    db.prepare(`INSERT INTO rating_rectifications (id, rating_id, due_day, opened_at, updated_at) VALUES (1, 1, '2026-12-01', ?, ?)`).run(T, T);
    db.prepare(`UPDATE rating_rectifications SET callback_result_enc = x'01', updated_at = ? WHERE id = 1`).run(T + 1);
    db.prepare(`UPDATE rating_rectifications SET status = 'assigned', updated_at = ? WHERE id = 1`).run(T + 2);
    const records = feed.pending(0, 100);
    expect(records.map((r) => r.kind)).toEqual(['rating', 'rectification', 'rectification']);
    expect(JSON.parse(records[0]!.payload)).toMatchObject({ level: 2, reasons: ['slow'], ticketId: 7 });
    expect(records[0]!.payload).not.toMatch(/王芳|13800138000|comment/);
    expect(records.map((r) => JSON.parse(r.payload).status).slice(1)).toEqual(['open', 'assigned']);
  });

  it('adds the audit chain head of a closed day once', () => {
    const { db, feed } = setUp();
    auditStore(db).append({ at: T, actor: 'staff:S001', action: 'settings.update', target: 'hall', detail: 'x' });
    const dayEnd = Date.parse('2026-11-24T16:00:00Z');
    expect(feed.recordAuditHead(DAY, dayEnd, dayEnd + 1)).toBe(true);
    expect(feed.recordAuditHead(DAY, dayEnd, dayEnd + 2)).toBe(false);
    const head = feed.pending(0, 100).find((r) => r.kind === 'audit_head')!;
    expect(JSON.parse(head.payload)).toMatchObject({ auditId: 1, hash: expect.stringMatching(/^[0-9a-f]{64}$/) });
    expect(feed.digests([DAY])).toEqual(digestByDay(feed.pending(0, 100)));
  });

  it("uses indexes for the forwarder's and the reconciliation's reads", () => {
    const { db } = setUp();
    const plan = (sql: string, ...args: unknown[]) =>
      db
        .prepare<unknown[], { detail: string }>(`EXPLAIN QUERY PLAN ${sql}`)
        .all(...args)
        .map((r) => r.detail)
        .join(' | ');
    expect(plan('SELECT seq, kind, at, day, payload FROM city_feed WHERE seq > ? ORDER BY seq LIMIT ?', 0, 500)).toMatch(
      /SEARCH city_feed USING INTEGER PRIMARY KEY \(rowid>\?\)/,
    );
    expect(plan('SELECT seq, kind, at, day, payload FROM city_feed WHERE day = ?', DAY)).toMatch(/SEARCH city_feed USING INDEX city_feed_day \(day=\?\)/);
    expect(plan(`SELECT count(*) FROM city_feed WHERE kind = 'audit_head' AND day = ?`, DAY)).toMatch(/USING INDEX city_feed_day/);
  });
});
