import { afterEach, describe, expect, it } from 'vitest';
import { OUTBOX_SQL } from '../../db/back-office.js';
import { openDatabase } from '../../db/open.js';
import { tempDir } from '../support/temp-dir.js';
import { testCipher } from '../support/test-cipher.js';

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((f) => f()));

describe('the back-office outbox (migration 014)', () => {
  it('reads what is due, what waits and the pending checks through their indexes', () => {
    const d = tempDir();
    const { db } = openDatabase(d.path, { cipher: testCipher() });
    cleanups.push(() => {
      db.close();
      d.remove();
    });
    const plan = (sql: string, ...args: unknown[]) =>
      db
        .prepare<unknown[], { detail: string }>(`EXPLAIN QUERY PLAN ${sql}`)
        .all(...args)
        .map((r) => r.detail)
        .join(' | ');
    const due = plan(OUTBOX_SQL.due, 'traffic', 0, 10);
    expect(due).toMatch(/SEARCH o USING INDEX back_office_outbox_due \(system=\? AND next_attempt_at<\?\)/);
    // The per-case check looks up the case's earlier messages by (application_id, sequence).
    expect(due).toMatch(/SEARCH p USING (COVERING )?INDEX sqlite_autoindex_back_office_outbox_\d \(application_id=\? AND sequence<\?\)/);
    expect(plan(OUTBOX_SQL.waiting)).toMatch(/USING (COVERING )?INDEX back_office_outbox_state/);
    expect(plan(OUTBOX_SQL.dead)).toMatch(/USING (COVERING )?INDEX back_office_outbox_dead/);
    // The pace (migration 020): a system's deliveries since a time, from the partial index alone.
    expect(plan(OUTBOX_SQL.deliveredSince, 'traffic', 0)).toMatch(
      /SEARCH back_office_outbox USING COVERING INDEX back_office_outbox_delivered \(system=\? AND updated_at>\?\)/,
    );
    expect(plan(OUTBOX_SQL.pendingChecks, 10)).toMatch(/SCAN v USING INDEX material_verifications_pending/);
    expect(
      db.prepare(`SELECT strict FROM pragma_table_list WHERE name IN ('back_office_outbox', 'back_office_links', 'back_office_link_state')`).all(),
    ).toEqual([{ strict: 1 }, { strict: 1 }, { strict: 1 }]);
  });
});
