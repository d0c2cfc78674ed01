import { afterEach, describe, expect, it } from 'vitest';
import { applicationStore } from '../../db/applications.js';
import { caseStore } from '../../db/cases.js';
import { openDatabase, type Db } from '../../db/open.js';
import { purgeExpired } from '../../db/retention.js';
import { DAY_MS } from '../../electron/domain/retention.js';
import { tempDir } from '../support/temp-dir.js';
import { testCipher } from '../support/test-cipher.js';

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((f) => f()));
const cipher = testCipher();
const T = Date.UTC(2026, 8, 29, 2, 0, 0);

function setup(): { db: Db; id: number } {
  const d = tempDir();
  const { db } = openDatabase(d.path, { cipher });
  cleanups.push(() => {
    db.close();
    d.remove();
  });
  db.prepare(`INSERT INTO staff (id, staff_no, name, role, created_at) VALUES (1, 'C601', '周警官', 'clerk', 0), (2, 'C602', '吴警官', 'clerk', 0)`).run();
  const row = applicationStore(db, cipher).create(
    {
      requestId: '6f1c2a52-3f4e-4c1b-9a57-2f0d1e8b9c10',
      memberNo: 0,
      serviceCode: 'hukou_transfer',
      line: 'household',
      applicantIdNumber: '11010519491231002X',
      form: { name: '张晓明', phone: '13800138000' },
      materialsProvided: ['id_card', 'hukou_booklet'],
      materialsMissing: [],
      supplementBy: null,
      greenChannel: false,
      status: 'submitted',
      ticketId: null,
      terminalId: null,
    },
    '2026-09-29',
    T,
    'terminal:1',
  );
  return { db, id: row.id };
}

const base = { now: T, actor: 'staff:C601@terminal:2', windowId: null, note: '' };

describe('case steps in the database', () => {
  it('moves a case only from the version and status the clerk saw: of two clerks, one wins', () => {
    const { db, id } = setup();
    const cases = caseStore(db, cipher);
    const first = { ...base, id, version: 0, from: 'submitted' as const, to: 'accepted' as const, action: 'accept', staffId: 1, claimOwner: 1 };
    expect(cases.step({ ...first, promisedBy: '2026-10-09', acceptedAt: T, received: ['id_card'] })).toBe(true);
    // The second clerk saw version 0 too: refused, nothing written.
    expect(cases.step({ ...first, staffId: 2, claimOwner: 2, action: 'refuse', to: 'rejected' })).toBe(false);
    const row = cases.byCase('YZ20260929-0001');
    expect(row).toMatchObject({ status: 'accepted', version: 1, owner_staff_id: 1, promised_by: '2026-10-09', materials_received_json: '["id_card"]' });
    expect(cases.history(id).map((e) => [e.action, e.to_status, e.staff_no])).toEqual([
      [null, 'submitted', null],
      ['accept', 'accepted', 'C601'],
    ]);
  });

  it('keeps the first owner (首接责任) until a transfer, and records corrections sealed', () => {
    const { db, id } = setup();
    const cases = caseStore(db, cipher);
    cases.step({ ...base, id, version: 0, from: 'submitted', to: 'supplement_pending', action: 'accept_deferred', staffId: 1, claimOwner: 1 });
    cases.step({ ...base, id, version: 1, from: 'supplement_pending', to: 'accepted', action: 'supplement', staffId: 2, claimOwner: 2 });
    expect(cases.byCase('YZ20260929-0001')?.owner_staff_id).toBe(1);
    expect(cases.transfer(id, 2, 'accepted', 2, { ...base, staffId: 1, note: 'to C602' })).toBe(true);
    expect(cases.owned(2).map((c) => c.id)).toEqual([id]);
    expect(cases.owned(1)).toEqual([]);
    const edit = { now: T, actor: 'x', staffId: 2, windowId: null };
    expect(
      cases.editForm(id, 3, 'accepted', { name: '张晓明', phone: '13900139000' }, [{ field: 'phone', old: '13800138000', new: '13900139000' }], edit),
    ).toBe(true);
    expect(cases.formChanges(id)).toMatchObject([{ field: 'phone', old_value: '13800138000', new_value: '13900139000', staff_no: 'C602' }]);
    const raw = db.prepare(`SELECT old_value_enc FROM case_form_changes`).pluck().get() as Buffer;
    expect(raw.includes(Buffer.from('13800138000'))).toBe(false);
  });

  it('purges a finished case’s step details and corrections with its personal data', () => {
    const { db, id } = setup();
    const cases = caseStore(db, cipher);
    cases.step({ ...base, id, version: 0, from: 'submitted', to: 'rejected', action: 'refuse', staffId: 1, detail: { text: '申请人张晓明…' } });
    cases.editForm(id, 1, 'rejected', { name: '张晓明' }, [{ field: 'phone', old: '1', new: null }], { now: T, actor: 'x', staffId: 1, windowId: null });
    expect(cases.history(id)[1]?.detail).toContain('张晓明');
    db.transaction(() => purgeExpired(db, T + 181 * DAY_MS, 180))();
    expect(cases.history(id)[1]).toMatchObject({ action: 'refuse', detail: null });
    expect(cases.formChanges(id)).toEqual([]);
  });

  it('reads the case lists through their indexes', () => {
    const { db } = setup();
    const plan = (sql: string, ...args: unknown[]) =>
      db
        .prepare<unknown[], { detail: string }>(`EXPLAIN QUERY PLAN ${sql}`)
        .all(...args)
        .map((r) => r.detail)
        .join(' | ');
    expect(plan(`SELECT * FROM applications WHERE status IN ('accepted', 'supplement_pending', 'ready_for_collection') ORDER BY id`)).toMatch(
      /INDEX applications_open/,
    );
    expect(
      plan(`SELECT * FROM applications WHERE owner_staff_id = ? AND status IN ('accepted', 'supplement_pending', 'ready_for_collection') ORDER BY id`, 1),
    ).toMatch(/INDEX applications_owner/);
    expect(plan(`SELECT * FROM application_events WHERE application_id = ? ORDER BY id`, 1)).toMatch(/INDEX application_events_application/);
    expect(plan(`SELECT * FROM case_form_changes WHERE application_id = ? ORDER BY id`, 1)).toMatch(/INDEX case_form_changes_application/);
    expect(plan(`SELECT * FROM applications WHERE applicant_id_hash = ? ORDER BY id DESC LIMIT 20`, Buffer.alloc(32))).toMatch(/INDEX applications_applicant/);
  });
});
