import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { applicationStore } from '../../db/applications.js';
import { calendarStore } from '../../db/calendar.js';
import { caseStore } from '../../db/cases.js';
import { appointmentStore } from '../../db/appointments.js';
import { appRoot } from '../../db/app-root.js';
import { auditStore } from '../../db/audit.js';
import { conversationStore } from '../../db/conversation.js';
import { deviceStore } from '../../db/devices.js';
import { loadMigrations, migrate } from '../../db/migrate.js';
import { applyPragmas, DATABASE_FILE, openDatabase, type Db } from '../../db/open.js';
import { printJobStore } from '../../db/print-jobs.js';
import { reportCellStore } from '../../db/report-cells.js';
import { reportRows } from '../../db/report-rows.js';
import { printSettingsStore } from '../../db/print-settings.js';
import { settingsStore } from '../../db/settings.js';
import { staffStore } from '../../db/staff.js';
import { terminalStore } from '../../db/terminals.js';
import { terminalAgentStore } from '../../db/terminal-agents.js';
import { ticketRequestStore } from '../../db/ticket-requests.js';
import { ticketStore } from '../../db/tickets.js';
import { windowStore } from '../../db/windows.js';
import { idNumberHash } from '../../db/field-cipher.js';
import { hallHour } from '../../electron/domain/reports/hall-hour.js';
import { encodeCell } from '../../electron/domain/reports/report-cell-codec.js';
import { groupCells } from '../../electron/domain/reports/report-cells.js';
import { groupFacts, reportFacts } from '../../electron/domain/reports/report-figures.js';
import { sealClearColumns } from '../../db/seal-clear-columns.js';
import { testCipher } from '../support/test-cipher.js';
import { tempDir } from '../support/temp-dir.js';

/**
 * A hall upgrades with its data in place. For every earlier schema version k this builds a
 * database with migrations 1..k only, fills each table that exists at k with a realistic row
 * (only the columns that exist at k), opens it as the app does (which migrates it to the latest),
 * and checks that every row is still there and that the app's stores read it. The versions come
 * from db/migrations, so a new migration is covered without editing this test; a new table needs
 * its realistic row in ROWS (the test says so).
 */
const MIGRATIONS = loadMigrations(join(appRoot(), 'db', 'migrations'));
const LATEST = MIGRATIONS.length;

const DAY = '2026-11-24';
/** 10:00 on that day in Asia/Shanghai. */
const T = Date.UTC(2026, 10, 24, 2, 0, 0);
const KIOSK_TOKEN = 'kiosk-credential-0123456789abcdef';
const ID_NUMBER = '11010519491231002X';
const hash = (text: string) => createHash('sha256').update(text, 'utf8').digest();
/** The hall's key: personal data is sealed under it from version 7 on (db/sealed-columns.ts). */
const cipher = testCipher();
const sealed = (table: string, column: string, text: string) => cipher.seal(table, column, text);
const FORM = JSON.stringify({ idNumber: ID_NUMBER, name: '张晓明', phone: '13800138000' });
const SLIP = JSON.stringify({ number: 'C001', line: 'exit_entry', serviceDay: DAY, issuedAt: T });

/** One audit entry, hashed as db/audit.ts chains them (from the all-zero genesis). */
const AUDIT = { at: T, actor: 'staff:C101@terminal:12', action: 'window.open', target: 'window 7', detail: '' };
const AUDIT_HASH = createHash('sha256')
  .update(Buffer.alloc(32))
  .update(JSON.stringify([AUDIT.at, AUDIT.actor, AUDIT.action, AUDIT.target, AUDIT.detail]))
  .digest();

const CELL_DIMS = { day: '2026-11-23', hour: 9, line: 'household', service: null, window: 7, staff: 21 };

type Row = Record<string, string | number | Buffer | null>;

/**
 * Realistic rows per table, in an order that satisfies the foreign keys, with every column any
 * version has had: a version without a column simply does not get it. Ids stay clear of the rows
 * the migrations insert themselves (windows 1–6).
 */
const ROWS: [table: string, rows: Row[]][] = [
  [
    'terminals',
    [
      { id: 11, name: '大厅1号取号机', role: 'kiosk', token_hash: hash(KIOSK_TOKEN), paired_at: T - 86_400_000, last_seen_at: T, revoked_at: null },
      { id: 12, name: '7号窗口', role: 'clerk', token_hash: hash('clerk-credential'), paired_at: T - 86_400_000, last_seen_at: T, revoked_at: null },
    ],
  ],
  [
    'pairing_codes',
    [{ code_hash: hash('K7P2-9QXD'), role: 'display', name: '叫号屏', created_at: T, expires_at: T + 3_600_000, used_at: null, terminal_id: null }],
  ],
  [
    'staff',
    [
      {
        id: 21,
        staff_no: 'C101',
        name: '王芳',
        role: 'clerk',
        pin_hash: Buffer.alloc(64, 7),
        pin_salt: Buffer.alloc(16, 3),
        enroll_code_hash: null,
        enroll_expires_at: null,
        failed_attempts: 1,
        locked_until: null,
        disabled_at: null,
        created_at: T - 86_400_000,
      },
    ],
  ],
  ['staff_sessions', [{ token_hash: hash('staff-session'), staff_id: 21, terminal_id: 12, created_at: T, last_seen_at: T, ended_at: null }]],
  ['windows', [{ id: 7, number: 7, name: '7号窗口（出入境）', status: 'open', staff_id: 21, priority_streak: 1 }]],
  ['window_lines', [{ window_id: 7, line: 'exit_entry', duty: 'A' }]],
  ['daily_counters', [{ service_day: DAY, line: 'exit_entry', last_seq: 3 }]],
  [
    'appointments',
    [
      {
        id: 31,
        code: 'APPT-7Q2K',
        line: 'exit_entry',
        slot_start: T + 1_800_000,
        name: '张晓明',
        created_at: T - 86_400_000,
        used_at: null,
        id_number: ID_NUMBER,
        name_enc: sealed('appointments', 'name_enc', '张晓明'),
        id_number_enc: sealed('appointments', 'id_number_enc', ID_NUMBER),
        id_number_hash: idNumberHash(cipher, ID_NUMBER),
        cancelled_at: null,
      },
    ],
  ],
  [
    'tickets',
    [
      {
        id: 41,
        service_day: DAY,
        line: 'exit_entry',
        seq: 1,
        number: 'C001',
        status: 'waiting',
        issued_at: T,
        issued_by: 11,
        ticket_class: 'green',
        language: 'zh-CN',
      },
      {
        id: 42,
        service_day: DAY,
        line: 'exit_entry',
        seq: 2,
        number: 'C002',
        status: 'serving',
        issued_at: T + 1000,
        issued_by: 11,
        called_at: T + 60_000,
        started_at: T + 90_000,
        window_id: 7,
        ticket_class: 'normal',
        recall_count: 1,
      },
      {
        id: 43,
        service_day: DAY,
        line: 'exit_entry',
        seq: 3,
        number: 'C003',
        status: 'waiting',
        issued_at: T + 2000,
        issued_by: 11,
        ticket_class: 'appointment',
        appointment_id: 31,
        appointment_slot: T + 1_800_000,
        group_size: 1,
      },
    ],
  ],
  ['settings', [{ key: 'hall', value: JSON.stringify({ recallLimit: 3, notice: '今天下午7号窗口只办出入境', maskNames: true }) }]],
  [
    'conversation_messages',
    [
      {
        id: 51,
        window_id: 7,
        ticket_id: 42,
        sender: 'clerk',
        text: '请出示您的户口簿',
        text_enc: sealed('conversation_messages', 'text_enc', '请出示您的户口簿'),
        at: T + 100_000,
      },
    ],
  ],
  ['audit_log', [{ id: 1, ...AUDIT, prev_hash: Buffer.alloc(32), hash: AUDIT_HASH }]],
  [
    'print_jobs',
    [
      {
        id: 61,
        terminal_id: 11,
        kind: 'ticket_slip',
        data: SLIP,
        data_enc: sealed('print_jobs', 'data_enc', SLIP),
        idempotency_key: 'ticket:41:ticket_slip',
        state: 'completed',
        attempts: 1,
        next_attempt_at: T,
        printer: 'folder:/var/spool/yizhan',
        external_id: null,
        last_error: null,
        reprint_of: null,
        created_at: T,
        updated_at: T + 500,
      },
    ],
  ],
  ['printer_settings', [{ terminal_id: 11, kind: 'folder', target: '/var/spool/yizhan', media: '', updated_at: T }]],
  ['print_audit', [{ id: 71, at: T, actor_id: 11, action: 'printer_changed', job_id: null, detail: 'folder' }]],
  ['hall_settings', [{ key: 'hall_name', value: '锡林浩特市公安局政务服务大厅' }]],
  [
    'devices',
    [
      {
        id: 81,
        name: '取号机身份证阅读器',
        kind: 'id_reader',
        transport: 'serial',
        vendor_id: null,
        product_id: null,
        port_path: '/dev/ttyUSB0',
        baud_rate: 115200,
        terminal_id: 11,
        enabled: 1,
        created_at: T,
      },
      {
        id: 82,
        name: '模拟身份证阅读器 Simulated ID reader',
        kind: 'id_reader',
        transport: 'simulated',
        vendor_id: null,
        product_id: null,
        port_path: null,
        baud_rate: 115200,
        terminal_id: 11,
        enabled: 1,
        created_at: T,
        agent_key: 'sim-reader',
      },
    ],
  ],
  [
    'terminal_agents',
    [
      {
        terminal_id: 11,
        version: '0.1.0',
        machine: 'kiosk-01',
        printer: JSON.stringify({ kind: 'cups', target: 'PDF', media: '' }),
        connected_at: T,
        last_contact_at: T,
      },
    ],
  ],
  ['ticket_requests', [{ request_id: '4b1f3c2e-8a6d-4e1f-9c3b-2d7e5f6a8b9c', ticket_id: 41, terminal_id: 11, created_at: T }]],
  ['application_counters', [{ service_day: DAY, last_seq: 1 }]],
  [
    'applications',
    [
      {
        id: 91,
        case_number: 'YZ20261124-0001',
        service_day: DAY,
        case_seq: 1,
        request_id: '6f1c2a52-3f4e-4c1b-9a57-2f0d1e8b9c10',
        member_no: 0,
        service_code: 'passport_first',
        line: 'exit_entry',
        applicant_id_number: ID_NUMBER,
        id_last4: '002X',
        form_json: FORM,
        applicant_id_number_enc: sealed('applications', 'applicant_id_number_enc', ID_NUMBER),
        applicant_id_hash: idNumberHash(cipher, ID_NUMBER),
        form_enc: sealed('applications', 'form_enc', FORM),
        materials_provided_json: JSON.stringify(['id_card', 'photo_receipt']),
        materials_missing_json: '[]',
        supplement_by: null,
        green_channel: 1,
        status: 'submitted',
        ticket_id: 41,
        terminal_id: 11,
        created_at: T,
        updated_at: T,
        owner_staff_id: 21,
        version: 1,
        accepted_at: null,
        promised_by: null,
        materials_received_json: JSON.stringify(['id_card']),
      },
    ],
  ],
  [
    'application_events',
    [
      {
        id: 95,
        application_id: 91,
        at: T,
        actor: 'terminal:11',
        from_status: null,
        to_status: 'submitted',
        note: '',
        action: 'submit',
        staff_id: null,
        window_id: null,
        detail_enc: null,
      },
    ],
  ],
  [
    'case_form_changes',
    [
      {
        id: 96,
        application_id: 91,
        at: T + 120_000,
        staff_id: 21,
        field: 'phone',
        old_value_enc: sealed('case_form_changes', 'old_value_enc', '13800138000'),
        new_value_enc: sealed('case_form_changes', 'new_value_enc', '13900139000'),
      },
    ],
  ],
  ['material_verifications', [{ application_id: 91, material_code: 'hukou_record', state: 'verified', checked_at: T + 5_000, source: 'population register' }]],
  ['calendar_days', [{ day: '2026-12-31', kind: 'holiday', name: '本地假日', updated_at: T, staff_id: 21 }]],
  [
    'ticket_events',
    [
      {
        id: 97,
        ticket_id: 42,
        kind: 'called',
        window_id: 7,
        window_number: 7,
        staff_id: 21,
        at: T,
        service_day: DAY,
        line: 'exit_entry',
        class: 'normal',
        detail: JSON.stringify({ reason: 'fifo' }),
      },
    ],
  ],
  [
    'service_ratings',
    [
      {
        id: 5,
        ticket_id: 42,
        application_id: 9,
        window_id: 7,
        window_number: 7,
        staff_id: 21,
        line: 'exit_entry',
        service_code: 'travel_permit_hk_mo',
        level: 2,
        skipped: 0,
        channel: 'counter',
        reasons: JSON.stringify(['slow']),
        comment_enc: null,
        at: T,
        service_day: DAY,
      },
    ],
  ],
  [
    'rating_rectifications',
    [{ id: 3, rating_id: 5, status: 'assigned', due_day: '2026-12-08', assignee_staff_id: 21, opened_at: T, updated_at: T, version: 1 }],
  ],
  [
    'back_office_links',
    [
      {
        system: 'household',
        base_url: 'https://hukou.example.gov.cn/api',
        timeout_ms: 5_000,
        credential_enc: sealed('back_office_links', 'credential_enc', 'hukou-token'),
        updated_at: T,
      },
    ],
  ],
  [
    'back_office_outbox',
    [
      {
        id: 1,
        application_id: 91,
        case_number: 'YZ20261124-0001',
        system: 'household',
        kind: 'submit',
        sequence: 1,
        idempotency_key: 'yz-0f6c3f8e-5d34-4a55-9f55-0d8f5c1b2a01',
        payload: JSON.stringify({ serviceCode: 'hukou_transfer', status: 'accepted', action: 'accept', at: T, promisedBy: '2026-10-09' }),
        state: 'pending',
        attempts: 2,
        next_attempt_at: T + 4_000,
        last_error: 'HTTP 503',
        receipt: null,
        created_at: T,
        updated_at: T + 2_000,
      },
    ],
  ],
  // Traffic down since T (the hub restarted during the outage keeps that start); household back.
  [
    'back_office_link_state',
    [
      { system: 'traffic', down_since: T, up_since: null, updated_at: T },
      { system: 'household', down_since: null, up_since: T + 60_000, updated_at: T + 60_000 },
    ],
  ],
  // The city feed (016); its triggers add rows of their own for the rows above, numbered below 900.
  ['city_feed', [{ seq: 900, kind: 'ticket_event', at: T, day: DAY, payload: JSON.stringify({ kind: 'issued', ticketId: 1 }) }]],
  [
    'city_link',
    [
      {
        id: 1,
        city_url: 'https://city.example:5160',
        hall_id: 'hall-1',
        credential_enc: sealed('city_link', 'credential_enc', 'c'.repeat(43)),
        enrolled_at: T,
        acked_seq: 0,
        last_sync_at: null,
        calendar_version: 1,
      },
    ],
  ],
  ['city_calendar', [{ day: '2027-01-01', kind: 'holiday', name: '元旦' }]],
  // The reports' rollup (017): a built day's cell (counts and values as report-cell-codec.ts writes
  // them), a day and a case step's instant waiting to be rebuilt.
  [
    'report_cells',
    [
      {
        day: '2026-11-23',
        seq: 0,
        hour: 9,
        line: 'household',
        service_code: null,
        window_number: 7,
        staff_id: 21,
        data: Buffer.from(encodeCell({ dims: CELL_DIMS, counts: { issued: 2, served: 2 }, waits: [300_000, 720_000], services: [480_000, 540_000] })),
      },
    ],
  ],
  ['report_cells_zone', [{ id: 1, time_zone: 'Asia/Shanghai' }]],
  // The built day above is dirty too: its made-up cell is not its events', and a later version's
  // store check (a first report after upgrading) must rebuild it.
  ['report_dirty_days', [{ day: DAY }, { day: '2026-11-23' }]],
  ['report_dirty_instants', [{ at: T }]],
  // The city's report days (019): a rebuilt day not yet turned into a report_day record.
  ['city_report_pending', [{ day: '2026-11-22' }]],
];

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((f) => f()));

function tablesOf(db: Database.Database): string[] {
  return db
    .prepare<[], { name: string }>(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`)
    .all()
    .map((r) => r.name);
}

function columnsOf(db: Database.Database, table: string): { name: string; pk: number }[] {
  return db.prepare<[], { name: string; pk: number }>(`SELECT name, pk FROM pragma_table_info('${table}')`).all();
}

/** What was written at version k: per table, the rows as inserted (only the columns that existed). */
type Seeded = Map<string, { rows: Row[]; keys: string[] }>;

/** A database at schema version k, with a realistic row in every table it has. */
function databaseAt(k: number): { dir: string; seeded: Seeded } {
  const dir = tempDir();
  cleanups.push(dir.remove);
  const db = new Database(join(dir.path, DATABASE_FILE));
  applyPragmas(db);
  migrate(db, MIGRATIONS.slice(0, k));
  const seeded: Seeded = new Map();
  const unseeded = tablesOf(db).filter((t) => !ROWS.some(([name]) => name === t));
  expect(unseeded, `give each new table a realistic row in ROWS (version ${k})`).toEqual([]);
  db.transaction(() => {
    for (const [table, rows] of ROWS) {
      const columns = columnsOf(db, table);
      if (columns.length === 0) continue;
      const names = new Set(columns.map((c) => c.name));
      const written = rows.map((r) => Object.fromEntries(Object.entries(r).filter(([c]) => names.has(c))));
      for (const r of written) {
        const cols = Object.keys(r);
        // OR REPLACE: a migration may have inserted the same key (the hall's name) already.
        db.prepare(`INSERT OR REPLACE INTO ${table} (${cols.join(', ')}) VALUES (${cols.map(() => '?').join(', ')})`).run(...Object.values(r));
      }
      const keys = columns.filter((c) => c.pk > 0).map((c) => c.name);
      seeded.set(table, { rows: written, keys });
    }
    // A version that had both the clear and the sealed columns (7) held both, the sealed ones
    // written by the host from the clear ones in the migration's own step.
    const has = (column: string) => columnsOf(db, 'applications').some((c) => c.name === column);
    if (has('form_json') && has('form_enc')) sealClearColumns(db, cipher);
  })();
  expect(db.pragma('user_version', { simple: true })).toBe(k);
  expect(db.pragma('foreign_key_check')).toEqual([]);
  db.close();
  return { dir: dir.path, seeded };
}

/** Every row written at the old version is still there, found by the key it had then. */
function expectRowsKept(db: Db, seeded: Seeded): void {
  const lost: string[] = [];
  for (const [table, { rows, keys }] of seeded) {
    for (const r of rows) {
      const where = keys.map((k) => `${k} = ?`).join(' AND ');
      const found = db
        .prepare(`SELECT count(*) FROM ${table} WHERE ${where}`)
        .pluck()
        .get(...keys.map((k) => r[k] ?? null));
      if (found !== 1) lost.push(`${table} ${keys.map((k) => `${k}=${String(r[k])}`).join(' ')}`);
    }
  }
  expect(lost).toEqual([]);
}

/** The app's own stores read what the old version wrote. */
function expectStoresRead(db: Db, seeded: Seeded): void {
  const has = (table: string, column?: string) => {
    const s = seeded.get(table);
    return s !== undefined && (column === undefined || s.rows.some((r) => column in r));
  };
  const terminals = terminalStore(db);
  expect(terminals.authenticate(KIOSK_TOKEN, T)).toMatchObject({ id: 11, name: '大厅1号取号机', role: 'kiosk', revoked: false });
  expect(windowStore(db).get(7)).toMatchObject({ number: 7, name: '7号窗口（出入境）', primary: ['exit_entry'], backup: [] });
  expect(ticketStore(db, cipher).current(7)).toMatchObject({ id: 42, number: 'C002', status: 'serving', windowId: 7 });
  expect(
    ticketStore(db, cipher)
      .allWaiting(DAY)
      .map((t) => t.id)
      .sort(),
  ).toEqual([41, 43]);
  if (has('staff')) expect(staffStore(db).byNo('C101')).toMatchObject({ id: 21, name: '王芳', role: 'clerk', failed_attempts: 1 });
  if (has('appointments')) {
    expect(appointmentStore(db, cipher).byCode('APPT-7Q2K')).toMatchObject({
      id: 31,
      name: '张晓明',
      used_at: null,
      // Held in clear (6, 7) or only sealed (8 on): either way the store reads it.
      id_number: has('appointments', 'id_number') || has('appointments', 'id_number_enc') ? ID_NUMBER : null,
    });
  }
  if (has('settings')) expect(settingsStore(db).hall()).toMatchObject({ recallLimit: 3, notice: '今天下午7号窗口只办出入境' });
  if (has('conversation_messages')) expect(conversationStore(db, cipher).list(7)).toMatchObject([{ id: 51, from: 'clerk', text: '请出示您的户口簿' }]);
  if (has('audit_log')) {
    const audit = auditStore(db);
    expect(audit.verify()).toBe(true);
    expect(audit.recent(5)).toMatchObject([AUDIT]);
  }
  if (has('print_jobs')) expect(printJobStore(db, cipher).get(61)).toMatchObject({ kind: 'ticket_slip', state: 'completed', terminal_id: 11 });
  if (has('hall_settings')) {
    const print = printSettingsStore(db);
    expect(print.hallName()).toBe('锡林浩特市公安局政务服务大厅');
    expect(print.get(11)).toMatchObject({ kind: 'folder', target: '/var/spool/yizhan' });
  }
  if (has('devices')) expect(deviceStore(db).get(81)).toMatchObject({ kind: 'id_reader', transport: 'serial', portPath: '/dev/ttyUSB0', terminalId: 11 });
  if (has('terminal_agents')) expect(terminalAgentStore(db).get(11)).toMatchObject({ machine: 'kiosk-01', printer: { kind: 'cups', target: 'PDF' } });
  if (has('ticket_requests')) expect(ticketRequestStore(db).find('4b1f3c2e-8a6d-4e1f-9c3b-2d7e5f6a8b9c')?.ticket).toMatchObject({ id: 41, number: 'C001' });
  if (has('devices', 'agent_key')) expect(deviceStore(db).get(82)).toMatchObject({ agentKey: 'sim-reader', terminalId: 11 });
  if (has('applications')) {
    const apps = applicationStore(db, cipher);
    expect(apps.byCase('YZ20261124-0001')).toMatchObject({ id: 91, applicant_id_number: ID_NUMBER, status: 'submitted', ticket_id: 41, green_channel: 1 });
    expect(apps.byTicket(41).map((a) => a.case_number)).toEqual(['YZ20261124-0001']);
    expect(apps.events(91)).toMatchObject([{ to_status: 'submitted' }]);
  }
  if (has('case_form_changes')) {
    const cases = caseStore(db, cipher);
    expect(cases.byCase('YZ20261124-0001')).toMatchObject({ owner_staff_id: 21, version: 1, materials_received_json: '["id_card"]' });
    expect(cases.formChanges(91)).toMatchObject([{ field: 'phone', old_value: '13800138000', new_value: '13900139000', staff_no: 'C101' }]);
    expect(cases.verifications(91)).toMatchObject([{ material_code: 'hukou_record', state: 'verified' }]);
    expect(calendarStore(db).overrides()).toEqual([{ day: '2026-12-31', kind: 'holiday', name: '本地假日' }]);
  }
  if (has('service_ratings')) {
    // An upgraded hall's first report builds its days from the events (017 marks them all dirty).
    const zone = 'Asia/Shanghai';
    const o = { groupBy: 'day', filter: {}, targetWaitMs: 15 * 60_000 } as const;
    const fromEvents = groupFacts(reportFacts(reportRows(db, zone).read('2026-11-01', '2026-11-30'), hallHour(zone)), o);
    expect(fromEvents.total.ratings).toBeGreaterThan(0);
    expect(groupCells(reportCellStore(db, zone).cells('2026-11-01', '2026-11-30'), o)).toEqual(fromEvents);
  }
}

describe('upgrading a database that holds data', () => {
  it('has earlier versions to upgrade from, and a realistic row for every table of the latest', () => {
    expect(LATEST).toBeGreaterThan(1);
    expect([...databaseAt(LATEST).seeded.keys()].sort()).toEqual(ROWS.map(([table]) => table).sort());
  });

  for (let k = 1; k < LATEST; k++) {
    it(`keeps the data of a version ${k} database through migrations ${k + 1}..${LATEST}`, () => {
      const { dir, seeded } = databaseAt(k);
      const opened = openDatabase(dir, { cipher });
      try {
        expect(opened.schemaVersion).toBe(LATEST);
        expect(opened.db.pragma('foreign_key_check')).toEqual([]);
        expectRowsKept(opened.db, seeded);
        expectStoresRead(opened.db, seeded);
      } finally {
        opened.db.close();
      }
    });
  }
});
