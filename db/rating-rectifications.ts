import type { RectificationStatus } from '../electron/domain/ratings/rectification-steps.js';
import type { FieldCipher } from './field-cipher.js';
import type { Db } from './open.js';
import { RECTIFICATION_NOTES } from './seal-rectification-notes.js';

/** A rectification item with what the supervisor needs of its rating (never the citizen). */
export interface RectificationRow {
  id: number;
  status: RectificationStatus;
  dueDay: string;
  assigneeStaffId: number | null;
  assigneeName: string | null;
  callbackResult: string;
  fix: string;
  answer: string;
  appealReason: string;
  openedAt: number;
  updatedAt: number;
  closedAt: number | null;
  version: number;
  ratingId: number;
  level: number;
  reasons: string;
  channel: string;
  ratedAt: number;
  ticketNumber: string;
  windowNumber: number | null;
  staffId: number | null;
  staffName: string | null;
  caseNumber: string | null;
  serviceCode: string | null;
}

export type RectificationFilter = 'open' | 'overdue' | 'all';

export interface RectificationChange {
  status: RectificationStatus;
  assigneeStaffId: number | null;
  callbackResult: string;
  fix: string;
  answer: string;
  appealReason: string;
  closedAt: number | null;
}

const SELECT = `
  SELECT r.id, r.status, r.due_day AS dueDay, r.assignee_staff_id AS assigneeStaffId, asg.name AS assigneeName,
    r.callback_result_enc, r.fix_enc, r.answer_enc, r.appeal_reason_enc, r.opened_at AS openedAt,
    r.updated_at AS updatedAt, r.closed_at AS closedAt, r.version,
    s.id AS ratingId, s.level, s.reasons, s.channel, s.at AS ratedAt, t.number AS ticketNumber, s.window_number AS windowNumber,
    s.staff_id AS staffId, clerk.name AS staffName, a.case_number AS caseNumber, s.service_code AS serviceCode
  FROM rating_rectifications r
  JOIN service_ratings s ON s.id = r.rating_id
  JOIN tickets t ON t.id = s.ticket_id
  LEFT JOIN staff asg ON asg.id = r.assignee_staff_id
  LEFT JOIN staff clerk ON clerk.id = s.staff_id
  LEFT JOIN applications a ON a.id = s.application_id`;

/** The notes as stored: sealed, NULL when empty. */
type StoredRow = Omit<RectificationRow, 'callbackResult' | 'fix' | 'answer' | 'appealReason'> &
  Record<`${(typeof RECTIFICATION_NOTES)[number]['to']}`, Buffer | null>;

/** Still being handled: what "open" and "overdue" list (finished items and pending appeals are not due). */
const UNFINISHED = `r.status IN ('open', 'assigned', 'called_back', 'rectified', 'answered', 'appeal_rejected')`;
const LIST_LIMIT = 500;

/**
 * 差评 rectification items. Written inside the caller's transaction; updates name the version the
 * supervisor saw, so two people editing one item cannot overwrite each other unseen. The staff's
 * notes may name the citizen: stored sealed, opened only here.
 */
export function rectificationStore(db: Db, cipher: FieldCipher) {
  const openNote = (column: string, v: Buffer | null): string => (v === null ? '' : cipher.open('rating_rectifications', column, v));
  const sealNote = (column: string, text: string): Buffer | null => (text === '' ? null : cipher.seal('rating_rectifications', column, text));
  const toRow = ({ callback_result_enc, fix_enc, answer_enc, appeal_reason_enc, ...r }: StoredRow): RectificationRow => ({
    ...r,
    callbackResult: openNote('callback_result_enc', callback_result_enc),
    fix: openNote('fix_enc', fix_enc),
    answer: openNote('answer_enc', answer_enc),
    appealReason: openNote('appeal_reason_enc', appeal_reason_enc),
  });
  const open = db.prepare<[number, string, number, number], { id: number }>(
    `INSERT INTO rating_rectifications (rating_id, due_day, opened_at, updated_at) VALUES (?, ?, ?, ?) RETURNING id`,
  );
  const one = db.prepare<[number], StoredRow>(`${SELECT} WHERE r.id = ?`);
  const unfinished = db.prepare<[number], StoredRow>(`${SELECT} WHERE ${UNFINISHED} ORDER BY r.due_day, r.id LIMIT ?`);
  const overdue = db.prepare<[string, number], StoredRow>(`${SELECT} WHERE ${UNFINISHED} AND r.due_day < ? ORDER BY r.due_day, r.id LIMIT ?`);
  const all = db.prepare<[number], StoredRow>(`${SELECT} ORDER BY r.id DESC LIMIT ?`);
  const mine = db.prepare<[number, number], StoredRow>(`${SELECT} WHERE r.assignee_staff_id = ? ORDER BY r.due_day, r.id LIMIT ?`);
  const countOverdue = db.prepare<[string], { n: number }>(`SELECT count(*) AS n FROM rating_rectifications r WHERE ${UNFINISHED} AND r.due_day < ?`);
  const update = db.prepare<Record<string, unknown>>(
    `UPDATE rating_rectifications SET status = @status, assignee_staff_id = @assigneeStaffId, callback_result_enc = @callbackResult,
       fix_enc = @fix, answer_enc = @answer, appeal_reason_enc = @appealReason, closed_at = @closedAt, updated_at = @at, version = version + 1
     WHERE id = @id AND version = @version`,
  );

  return {
    open(ratingId: number, dueDay: string, at: number): number {
      const r = open.get(ratingId, dueDay, at, at);
      if (!r) throw new Error('rectification insert returned no row');
      return r.id;
    },
    get(id: number): RectificationRow | null {
      const r = one.get(id);
      return r ? toRow(r) : null;
    },
    list(filter: RectificationFilter, today: string): RectificationRow[] {
      if (filter === 'open') return unfinished.all(LIST_LIMIT).map(toRow);
      if (filter === 'overdue') return overdue.all(today, LIST_LIMIT).map(toRow);
      return all.all(LIST_LIMIT).map(toRow);
    },
    assignedTo: (staffId: number): RectificationRow[] => mine.all(staffId, LIST_LIMIT).map(toRow),
    overdueCount: (today: string): number => countOverdue.get(today)?.n ?? 0,
    /** False when someone else changed the item since `version`. */
    change(id: number, version: number, c: RectificationChange, at: number): boolean {
      const sealed = {
        callbackResult: sealNote('callback_result_enc', c.callbackResult),
        fix: sealNote('fix_enc', c.fix),
        answer: sealNote('answer_enc', c.answer),
        appealReason: sealNote('appeal_reason_enc', c.appealReason),
      };
      return update.run({ ...c, ...sealed, id, version, at }).changes === 1;
    },
  };
}

export type RectificationStore = ReturnType<typeof rectificationStore>;
