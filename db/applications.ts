import type { BusinessLine } from '../electron/domain/business-lines.js';
import type { ApplicationStatus } from '../electron/domain/contract/applications-api.js';
import type { Ticket } from '../electron/domain/contract/schemas.js';
import { idNumberHash, type FieldCipher } from './field-cipher.js';
import type { Db } from './open.js';
import { TICKET_COLUMNS, toTicket, type TicketRow } from './ticket-row.js';

export interface ApplicationRow {
  id: number;
  case_number: string;
  service_day: string;
  request_id: string;
  member_no: number;
  service_code: string;
  line: BusinessLine;
  /** Personal data, stored sealed and opened here; null once the retention purge cleared it. */
  applicant_id_number: string | null;
  form_json: string | null;
  materials_provided_json: string;
  materials_missing_json: string;
  supplement_by: string | null;
  green_channel: number;
  status: ApplicationStatus;
  ticket_id: number | null;
  terminal_id: number | null;
  created_at: number;
  updated_at: number;
  purged_at: number | null;
  /** Set when a clerk accepts the case (migration 011): the promised completion date. */
  promised_by: string | null;
}

interface StoredRow extends Omit<ApplicationRow, 'applicant_id_number' | 'form_json'> {
  applicant_id_number_enc: Buffer | null;
  applicant_id_hash: Buffer | null;
  form_enc: Buffer | null;
}

export interface NewApplication {
  requestId: string;
  memberNo: number;
  serviceCode: string;
  line: BusinessLine;
  applicantIdNumber: string;
  form: Record<string, unknown>;
  materialsProvided: readonly string[];
  materialsMissing: readonly string[];
  supplementBy: string | null;
  greenChannel: boolean;
  status: ApplicationStatus;
  ticketId: number | null;
  terminalId: number | null;
}

/** YZ + service day without dashes + a 4-digit daily sequence (more digits past 9999). */
export function formatCaseNumber(serviceDay: string, seq: number): string {
  return `YZ${serviceDay.replaceAll('-', '')}-${String(seq).padStart(4, '0')}`;
}

/**
 * Reads and writes applications and their status events. `create` must run inside the caller's
 * transaction (with the ticket insert) so that case number, application and ticket commit together;
 * better-sqlite3 runs it as a savepoint when called from an outer transaction.
 */
export function applicationStore(db: Db, cipher: FieldCipher) {
  const bumpCounter = db.prepare<[string], { last_seq: number }>(
    `INSERT INTO application_counters (service_day, last_seq) VALUES (?, 1)
     ON CONFLICT (service_day) DO UPDATE SET last_seq = last_seq + 1
     RETURNING last_seq`,
  );
  const insert = db.prepare<
    [
      string,
      string,
      number,
      string,
      number,
      string,
      string,
      Buffer,
      Buffer,
      Buffer,
      string,
      string,
      string | null,
      number,
      string,
      number | null,
      number | null,
      number,
      number,
    ],
    StoredRow
  >(
    `INSERT INTO applications (case_number, service_day, case_seq, request_id, member_no, service_code, line, applicant_id_number_enc, applicant_id_hash,
       form_enc, materials_provided_json, materials_missing_json, supplement_by, green_channel, status, ticket_id, terminal_id, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING *`,
  );
  const insertEvent = db.prepare<[number, number, string, string | null, string, string]>(
    `INSERT INTO application_events (application_id, at, actor, from_status, to_status, note) VALUES (?, ?, ?, ?, ?, ?)`,
  );
  const byRequestStmt = db.prepare<[string], StoredRow>(`SELECT * FROM applications WHERE request_id = ? ORDER BY member_no`);
  const byCaseStmt = db.prepare<[string], StoredRow>(`SELECT * FROM applications WHERE case_number = ?`);
  const byTicketStmt = db.prepare<[number], StoredRow>(`SELECT * FROM applications WHERE ticket_id = ? ORDER BY member_no`);
  const byApplicantStmt = db.prepare<[Buffer], StoredRow>(`SELECT * FROM applications WHERE applicant_id_hash = ? ORDER BY id`);
  const open = ({ applicant_id_number_enc: id, applicant_id_hash: _hash, form_enc: form, ...r }: StoredRow): ApplicationRow => ({
    ...r,
    applicant_id_number: id ? cipher.open('applications', 'applicant_id_number_enc', id) : null,
    form_json: form ? cipher.open('applications', 'form_enc', form) : null,
  });
  const eventsStmt = db.prepare<[number], { at: number; actor: string; from_status: ApplicationStatus | null; to_status: ApplicationStatus; note: string }>(
    `SELECT at, actor, from_status, to_status, note FROM application_events WHERE application_id = ? ORDER BY id`,
  );
  const ticketStmt = db.prepare<[number], TicketRow>(`SELECT ${TICKET_COLUMNS} FROM tickets WHERE id = ?`);
  const countStmt = db.prepare<[], { n: number }>(`SELECT count(*) AS n FROM applications`);
  // People still waiting before a ticket in its line (for answering a repeated submission).
  const aheadStmt = db.prepare<[number], { n: number }>(
    `SELECT count(*) AS n FROM tickets t, tickets me
     WHERE me.id = ? AND t.service_day = me.service_day AND t.line = me.line AND t.status = 'waiting'
       AND (t.issued_at < me.issued_at OR (t.issued_at = me.issued_at AND t.id < me.id))`,
  );

  const createTx = db.transaction((a: NewApplication, serviceDay: string, now: number, actor: string): ApplicationRow => {
    const seq = bumpCounter.get(serviceDay)?.last_seq;
    if (seq === undefined) throw new Error('case counter did not return a sequence');
    const row = insert.get(
      formatCaseNumber(serviceDay, seq),
      serviceDay,
      seq,
      a.requestId,
      a.memberNo,
      a.serviceCode,
      a.line,
      cipher.seal('applications', 'applicant_id_number_enc', a.applicantIdNumber),
      idNumberHash(cipher, a.applicantIdNumber),
      cipher.seal('applications', 'form_enc', JSON.stringify(a.form)),
      JSON.stringify(a.materialsProvided),
      JSON.stringify(a.materialsMissing),
      a.supplementBy,
      a.greenChannel ? 1 : 0,
      a.status,
      a.ticketId,
      a.terminalId,
      now,
      now,
    );
    if (!row) throw new Error('application insert returned no row');
    insertEvent.run(row.id, now, actor, null, a.status, a.materialsMissing.length > 0 ? `missing: ${a.materialsMissing.join(', ')}` : '');
    return open(row);
  });

  return {
    /** Allocates the day's next case number and inserts the application with its first event. */
    create: (a: NewApplication, serviceDay: string, now: number, actor: string): ApplicationRow => createTx(a, serviceDay, now, actor),
    byRequest: (requestId: string): ApplicationRow[] => byRequestStmt.all(requestId).map(open),
    byCase: (caseNumber: string): ApplicationRow | null => {
      const r = byCaseStmt.get(caseNumber);
      return r ? open(r) : null;
    },
    /** Every application on a ticket (one, or one per member of a group). */
    byTicket: (ticketId: number): ApplicationRow[] => byTicketStmt.all(ticketId).map(open),
    /** A returning applicant's cases, found by the keyed hash of the ID number (none once purged). */
    byApplicant: (idNumber: string): ApplicationRow[] => byApplicantStmt.all(idNumberHash(cipher, idNumber)).map(open),
    events: (applicationId: number) => eventsStmt.all(applicationId),
    count: (): number => countStmt.get()?.n ?? 0,
    ticket: (ticketId: number): Ticket | null => {
      const r = ticketStmt.get(ticketId);
      return r ? toTicket(r) : null;
    },
    aheadOf: (ticketId: number): number => aheadStmt.get(ticketId)?.n ?? 0,
  };
}

export type ApplicationStore = ReturnType<typeof applicationStore>;
