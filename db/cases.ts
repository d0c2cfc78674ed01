import type { ApplicationStatus } from '../electron/domain/contract/applications-api.js';
import { OPEN_CASE_STATUSES } from '../electron/domain/cases/case-machine.js';
import type { ApplicationRow } from './applications.js';
import { idNumberHash, type FieldCipher } from './field-cipher.js';
import type { Db } from './open.js';

/** An application as case work reads it: the kiosk's row plus what the window adds. */
export interface CaseRow extends ApplicationRow {
  owner_staff_id: number | null;
  version: number;
  accepted_at: number | null;
  materials_received_json: string;
}

interface StoredCase extends Omit<CaseRow, 'applicant_id_number' | 'form_json'> {
  applicant_id_number_enc: Buffer | null;
  applicant_id_hash: Buffer | null;
  form_enc: Buffer | null;
}

/** One step of a case: the status it leaves and enters, and what the row keeps of it. */
export interface CaseStep {
  id: number;
  /** The version the clerk saw: another change in between refuses this one. */
  version: number;
  from: ApplicationStatus;
  to: ApplicationStatus;
  action: string;
  now: number;
  actor: string;
  staffId: number | null;
  windowId: number | null;
  /** Clear text for the history (never personal data): codes, dates. */
  note: string;
  /** Personal data of the step (a refusal's wording, who collected), sealed. */
  detail?: unknown;
  /** Whoever first accepts owns the case (首接责任); an owner already there stays. */
  claimOwner?: number;
  acceptedAt?: number;
  promisedBy?: string | null;
  supplementBy?: string | null;
  missing?: readonly string[];
  received?: readonly string[];
}

export interface CaseEvent {
  at: number;
  action: string | null;
  from_status: ApplicationStatus | null;
  to_status: ApplicationStatus;
  note: string;
  staff_no: string | null;
  staff_name: string | null;
  window_name: string | null;
  detail: string | null;
}

export interface FormChange {
  at: number;
  field: string;
  old_value: string | null;
  new_value: string | null;
  staff_no: string;
  staff_name: string;
}

/** Where a case is being served now: the window whose called or serving ticket carries it. */
export interface CaseHolder {
  window_id: number;
  window_name: string;
  staff_id: number | null;
  staff_no: string | null;
  staff_name: string | null;
}

const OPEN = OPEN_CASE_STATUSES.map((s) => `'${s}'`).join(', ');

/**
 * Case work on applications: each step moves a case on only from the status and version the clerk
 * saw (an UPDATE … WHERE version = ?, so of two clerks at once exactly one wins), and writes its
 * event with who, where and when. Steps run inside the caller's transaction, with the audit line
 * and the print jobs the step causes.
 */
export function caseStore(db: Db, cipher: FieldCipher) {
  const open = ({ applicant_id_number_enc: id, applicant_id_hash: _h, form_enc: form, ...r }: StoredCase): CaseRow => ({
    ...r,
    applicant_id_number: id ? cipher.open('applications', 'applicant_id_number_enc', id) : null,
    form_json: form ? cipher.open('applications', 'form_enc', form) : null,
  });
  const byCase = db.prepare<[string], StoredCase>(`SELECT * FROM applications WHERE case_number = ?`);
  const byId = db.prepare<[number], StoredCase>(`SELECT * FROM applications WHERE id = ?`);
  const step = db.prepare<{
    id: number;
    version: number;
    from: string;
    to: string;
    now: number;
    owner: number | null;
    acceptedAt: number | null;
    setPromised: number;
    promised: string | null;
    setSupplement: number;
    supplement: string | null;
    setMissing: number;
    missing: string;
    setReceived: number;
    received: string;
  }>(
    `UPDATE applications SET status = @to, version = version + 1, updated_at = @now,
       owner_staff_id = coalesce(owner_staff_id, @owner),
       accepted_at = coalesce(accepted_at, @acceptedAt),
       promised_by = CASE WHEN @setPromised THEN @promised ELSE promised_by END,
       supplement_by = CASE WHEN @setSupplement THEN @supplement ELSE supplement_by END,
       materials_missing_json = CASE WHEN @setMissing THEN @missing ELSE materials_missing_json END,
       materials_received_json = CASE WHEN @setReceived THEN @received ELSE materials_received_json END
     WHERE id = @id AND version = @version AND status = @from`,
  );
  const insertEvent = db.prepare<[number, number, string, string | null, string, string, string, number | null, number | null, Buffer | null]>(
    `INSERT INTO application_events (application_id, at, actor, from_status, to_status, note, action, staff_id, window_id, detail_enc)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const setOwner = db.prepare<[number | null, number, number, number]>(
    `UPDATE applications SET owner_staff_id = ?, version = version + 1, updated_at = ? WHERE id = ? AND version = ?`,
  );
  const setForm = db.prepare<[Buffer, number, number, number]>(
    `UPDATE applications SET form_enc = ?, version = version + 1, updated_at = ? WHERE id = ? AND version = ? AND form_enc IS NOT NULL`,
  );
  const insertChange = db.prepare<[number, number, number, string, Buffer | null, Buffer | null]>(
    `INSERT INTO case_form_changes (application_id, at, staff_id, field, old_value_enc, new_value_enc) VALUES (?, ?, ?, ?, ?, ?)`,
  );
  const events = db.prepare<[number], Omit<CaseEvent, 'detail'> & { detail_enc: Buffer | null }>(
    `SELECT e.at, e.action, e.from_status, e.to_status, e.note, s.staff_no, s.name AS staff_name, w.name AS window_name, e.detail_enc
     FROM application_events e LEFT JOIN staff s ON s.id = e.staff_id LEFT JOIN windows w ON w.id = e.window_id
     WHERE e.application_id = ? ORDER BY e.id`,
  );
  const changes = db.prepare<[number], Omit<FormChange, 'old_value' | 'new_value'> & { old_value_enc: Buffer | null; new_value_enc: Buffer | null }>(
    `SELECT c.at, c.field, c.old_value_enc, c.new_value_enc, s.staff_no, s.name AS staff_name
     FROM case_form_changes c JOIN staff s ON s.id = c.staff_id WHERE c.application_id = ? ORDER BY c.id`,
  );
  const verifications = db.prepare<[number], { material_code: string; state: 'verified' | 'not_verified' | 'pending'; checked_at: number }>(
    `SELECT material_code, state, checked_at FROM material_verifications WHERE application_id = ?`,
  );
  const upsertVerification = db.prepare<[number, string, string, number, string]>(
    `INSERT INTO material_verifications (application_id, material_code, state, checked_at, source) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (application_id, material_code) DO UPDATE SET state = excluded.state, checked_at = excluded.checked_at, source = excluded.source`,
  );
  const holder = db.prepare<[number], CaseHolder>(
    `SELECT w.id AS window_id, w.name AS window_name, w.staff_id, s.staff_no, s.name AS staff_name
     FROM tickets t JOIN windows w ON w.id = t.window_id LEFT JOIN staff s ON s.id = w.staff_id
     WHERE t.id = ? AND t.status IN ('called', 'serving')`,
  );
  const ticketNumber = db.prepare<[number], { id: number; number: string }>(`SELECT id, number FROM tickets WHERE id = ?`);
  const ownedOpen = db.prepare<[number], StoredCase>(`SELECT * FROM applications WHERE owner_staff_id = ? AND status IN (${OPEN}) ORDER BY id`);
  const allOpen = db.prepare<[], StoredCase>(`SELECT * FROM applications WHERE status IN (${OPEN}) ORDER BY id`);
  const byApplicant = db.prepare<[Buffer], StoredCase>(`SELECT * FROM applications WHERE applicant_id_hash = ? ORDER BY id DESC LIMIT 20`);

  return {
    byCase(caseNumber: string): CaseRow | null {
      const r = byCase.get(caseNumber);
      return r ? open(r) : null;
    },

    byId(id: number): CaseRow | null {
      const r = byId.get(id);
      return r ? open(r) : null;
    },

    /** Applies one step; false when the case moved on meanwhile (another version or status). */
    step(s: CaseStep): boolean {
      const changed = step.run({
        id: s.id,
        version: s.version,
        from: s.from,
        to: s.to,
        now: s.now,
        owner: s.claimOwner ?? null,
        acceptedAt: s.acceptedAt ?? null,
        setPromised: s.promisedBy !== undefined ? 1 : 0,
        promised: s.promisedBy ?? null,
        setSupplement: s.supplementBy !== undefined ? 1 : 0,
        supplement: s.supplementBy ?? null,
        setMissing: s.missing !== undefined ? 1 : 0,
        missing: JSON.stringify(s.missing ?? []),
        setReceived: s.received !== undefined ? 1 : 0,
        received: JSON.stringify(s.received ?? []),
      }).changes;
      if (changed === 0) return false;
      const detail = s.detail === undefined ? null : cipher.seal('application_events', 'detail_enc', JSON.stringify(s.detail));
      insertEvent.run(s.id, s.now, s.actor, s.from, s.to, s.note, s.action, s.staffId, s.windowId, detail);
      return true;
    },

    /** A new owner (an audited transfer); the status stays, the history says who to whom. */
    transfer(
      id: number,
      version: number,
      status: ApplicationStatus,
      toStaffId: number,
      e: Omit<CaseStep, 'id' | 'version' | 'from' | 'to' | 'action'>,
    ): boolean {
      if (setOwner.run(toStaffId, e.now, id, version).changes === 0) return false;
      const detail = e.detail === undefined ? null : cipher.seal('application_events', 'detail_enc', JSON.stringify(e.detail));
      insertEvent.run(id, e.now, e.actor, status, status, e.note, 'transfer', e.staffId, e.windowId, detail);
      return true;
    },

    /** The clerk's corrections of form answers: the new form and one change row per field. */
    editForm(
      id: number,
      version: number,
      status: ApplicationStatus,
      form: Record<string, unknown>,
      diffs: readonly { field: string; old: string | null; new: string | null }[],
      e: { now: number; actor: string; staffId: number; windowId: number | null },
    ): boolean {
      if (setForm.run(cipher.seal('applications', 'form_enc', JSON.stringify(form)), e.now, id, version).changes === 0) return false;
      for (const d of diffs)
        insertChange.run(
          id,
          e.now,
          e.staffId,
          d.field,
          d.old === null ? null : cipher.seal('case_form_changes', 'old_value_enc', d.old),
          d.new === null ? null : cipher.seal('case_form_changes', 'new_value_enc', d.new),
        );
      insertEvent.run(id, e.now, e.actor, status, status, `fields: ${diffs.map((d) => d.field).join(', ')}`, 'form_edit', e.staffId, e.windowId, null);
      return true;
    },

    history(id: number): CaseEvent[] {
      return events.all(id).map(({ detail_enc, ...r }) => ({
        ...r,
        detail: detail_enc ? cipher.open('application_events', 'detail_enc', detail_enc) : null,
      }));
    },

    formChanges(id: number): FormChange[] {
      return changes.all(id).map(({ old_value_enc, new_value_enc, ...r }) => ({
        ...r,
        old_value: old_value_enc ? cipher.open('case_form_changes', 'old_value_enc', old_value_enc) : null,
        new_value: new_value_enc ? cipher.open('case_form_changes', 'new_value_enc', new_value_enc) : null,
      }));
    },

    verifications: (id: number) => verifications.all(id),
    /** For the back-office connectors (and tests): what an online check found. */
    setVerification: (id: number, code: string, state: 'verified' | 'not_verified' | 'pending', at: number, source: string) =>
      void upsertVerification.run(id, code, state, at, source),

    ticketOf: (ticketId: number | null): { id: number; number: string } | null => (ticketId === null ? null : (ticketNumber.get(ticketId) ?? null)),
    holder: (ticketId: number | null): CaseHolder | null => (ticketId === null ? null : (holder.get(ticketId) ?? null)),
    owned: (staffId: number): CaseRow[] => ownedOpen.all(staffId).map(open),
    allOpen: (): CaseRow[] => allOpen.all().map(open),
    /** An applicant's recent cases by the keyed hash of the ID number (a card on the reader). */
    ofApplicant: (idNumber: string): CaseRow[] => byApplicant.all(idNumberHash(cipher, idNumber)).map(open),
  };
}

export type CaseStore = ReturnType<typeof caseStore>;
