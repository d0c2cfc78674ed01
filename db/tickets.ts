import { BUSINESS_LINES, type BusinessLine } from '../electron/domain/business-lines.js';
import type { CatalogLanguage } from '../electron/domain/catalog/catalog-schema.js';
import type { Call, Ticket, WaitingCounts } from '../electron/domain/contract/schemas.js';
import { chooseNext, nextStreak, type Choice, type PolicySettings, type TicketClass, type WaitingTicket } from '../electron/domain/queue/calling-policy.js';
import { formatTicketNumber } from '../electron/domain/ticket-number.js';
import type { FieldCipher } from './field-cipher.js';
import type { Db } from './open.js';
import { ticketActions } from './ticket-actions.js';
import { ticketEventLog } from './ticket-events.js';
import { TICKET_COLUMNS, toTicket, type TicketRow } from './ticket-row.js';

export interface IssuedTicket {
  ticket: Ticket;
  ahead: number;
}

export interface TicketRequest {
  line: BusinessLine;
  terminalId: number | null;
  ticketClass?: TicketClass;
  groupSize?: number;
  appointmentId?: number | null;
  appointmentSlot?: number | null;
  language?: CatalogLanguage | null;
}

/** Runs inside the issuing transaction with the new tickets, in request order. */
export type AfterInsert = (issued: readonly IssuedTicket[]) => void;

export interface WindowForCall {
  id: number;
  primary: readonly BusinessLine[];
  backup: readonly BusinessLine[];
}

export interface CallResult {
  ticket: Ticket | null;
  /** The ticket this window was serving, closed by calling the next one. */
  finished: Ticket | null;
  choice: Choice | null;
}

/** Reads and writes tickets. Statements are prepared once per connection. */
/** `cipher` opens the applicant's sealed form for the display's masked name; without one (the
 * queue alone, in tests and benchmarks) tickets have no applicant name. */
export function ticketStore(db: Db, cipher?: FieldCipher) {
  const bumpCounter = db.prepare<[string, string], { last_seq: number }>(
    `INSERT INTO daily_counters (service_day, line, last_seq) VALUES (?, ?, 1)
     ON CONFLICT (service_day, line) DO UPDATE SET last_seq = last_seq + 1
     RETURNING last_seq`,
  );
  const insertTicket = db.prepare<
    [string, string, number, string, number, number | null, string, number, number | null, number | null, string | null],
    TicketRow
  >(
    `INSERT INTO tickets (service_day, line, seq, number, issued_at, issued_by, ticket_class, group_size, appointment_id, appointment_slot, language)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING ${TICKET_COLUMNS}`,
  );
  // Candidates for the calling policy. Within a line and a class the policy only ever wants the
  // earliest ticket, so it needs a handful of rows rather than the whole queue: the earliest
  // untargeted ticket per (line, class), the earliest due and not-yet-due appointment per line,
  // and everything transferred to this window. A randomised test checks that choosing among
  // these gives the same ticket as choosing among all waiting tickets.
  const earliestOfClass = db.prepare<[string, string, string], TicketRow>(
    `SELECT ${TICKET_COLUMNS} FROM tickets
     WHERE service_day = ? AND status = 'waiting' AND line = ? AND ticket_class = ? AND target_window_id IS NULL
     ORDER BY issued_at, id LIMIT 1`,
  );
  const earliestAppointment = db.prepare<[string, string, number, number], TicketRow>(
    `SELECT ${TICKET_COLUMNS} FROM tickets
     WHERE service_day = ? AND status = 'waiting' AND line = ? AND ticket_class = 'appointment' AND target_window_id IS NULL
       AND (appointment_slot <= ?) = ?
     ORDER BY issued_at, id LIMIT 1`,
  );
  const targetedTo = db.prepare<[string, number], TicketRow>(
    `SELECT ${TICKET_COLUMNS} FROM tickets WHERE service_day = ? AND status = 'waiting' AND target_window_id = ?`,
  );
  const allWaiting = db.prepare<[string], TicketRow>(`SELECT ${TICKET_COLUMNS} FROM tickets WHERE service_day = ? AND status = 'waiting'`);
  const waitingByLine = db.prepare<[string], { line: BusinessLine; n: number }>(
    `SELECT line, count(*) AS n FROM tickets WHERE service_day = ? AND status = 'waiting' GROUP BY line`,
  );
  const markCalled = db.prepare<[number, number, number], TicketRow>(
    `UPDATE tickets SET status = 'called', called_at = ?, window_id = ?, target_window_id = NULL
     WHERE id = ? AND status = 'waiting' RETURNING ${TICKET_COLUMNS}`,
  );
  const currentAtWindow = db.prepare<[number], TicketRow>(
    `SELECT ${TICKET_COLUMNS} FROM tickets WHERE window_id = ? AND status IN ('called', 'serving') ORDER BY called_at DESC LIMIT 1`,
  );
  const finishServing = db.prepare<[number, number], TicketRow>(
    `UPDATE tickets SET status = 'done', finished_at = ? WHERE window_id = ? AND status = 'serving' RETURNING ${TICKET_COLUMNS}`,
  );
  const setStreak = db.prepare<[number, number]>(`UPDATE windows SET priority_streak = ? WHERE id = ?`);
  const getStreak = db.prepare<[number], { priority_streak: number }>(`SELECT priority_streak FROM windows WHERE id = ?`);
  // The applicant's name from the kiosk application on the ticket (the first member's for a
  // group), for the display's masked name; the caller masks it and never passes it on whole.
  const APPLICANT_FORM = `(SELECT a.form_enc FROM applications a WHERE a.ticket_id = t.id ORDER BY a.member_no LIMIT 1)`;
  const applicantForm = db.prepare<[number], { form: Buffer | null }>(`SELECT ${APPLICANT_FORM} AS form FROM tickets t WHERE t.id = ?`);
  const recentCalls = db.prepare<[string, number], Omit<Call, 'maskedName'> & { applicantForm: Buffer | null }>(
    `SELECT t.id AS ticketId, t.number, t.line, w.number AS windowNumber, w.name AS windowName, t.called_at AS calledAt,
       ${APPLICANT_FORM} AS applicantForm
     FROM tickets t JOIN windows w ON w.id = t.window_id
     WHERE t.service_day = ? AND t.called_at IS NOT NULL
     ORDER BY t.called_at DESC, t.id DESC LIMIT ?`,
  );
  const recentDurations = db.prepare<[string, string], { ms: number }>(
    `SELECT finished_at - coalesce(started_at, called_at) AS ms FROM tickets
     WHERE service_day = ? AND line = ? AND finished_at IS NOT NULL AND status = 'done'
     ORDER BY finished_at DESC LIMIT 20`,
  );

  const events = ticketEventLog(db);

  function nameIn(sealedForm: Buffer | null): string | null {
    if (!cipher || !sealedForm) return null;
    const n = (JSON.parse(cipher.open('applications', 'form_enc', sealedForm)) as { name?: unknown }).name;
    return typeof n === 'string' && n.length > 0 ? n : null;
  }

  function toWaiting(r: TicketRow): WaitingTicket {
    return {
      id: r.id,
      line: r.line,
      ticketClass: r.ticket_class,
      issuedAt: r.issued_at,
      appointmentSlot: r.appointment_slot,
      targetWindowId: r.target_window_id,
    };
  }

  function waiting(serviceDay: string): WaitingCounts {
    const counts = Object.fromEntries(BUSINESS_LINES.map((l) => [l, 0])) as WaitingCounts;
    for (const r of waitingByLine.all(serviceDay)) counts[r.line] = r.n;
    return counts;
  }

  const issueMany = db.transaction((requests: readonly TicketRequest[], serviceDay: string, now: number, afterInsert?: AfterInsert): IssuedTicket[] => {
    // Everyone already waiting in the line is counted as ahead: a first-come view that is honest
    // for normal tickets (priority tickets may still be called before them, which the estimate
    // accounts for only on average). Counted once per batch, then carried forward.
    const counts = waiting(serviceDay);
    const issued = requests.map((r) => {
      const ahead = counts[r.line];
      counts[r.line] = ahead + 1;
      const seq = bumpCounter.get(serviceDay, r.line)?.last_seq;
      if (seq === undefined) throw new Error('ticket counter did not return a sequence');
      const row = insertTicket.get(
        serviceDay,
        r.line,
        seq,
        formatTicketNumber(r.line, seq),
        now,
        r.terminalId,
        r.ticketClass ?? 'normal',
        r.groupSize ?? 1,
        r.appointmentId ?? null,
        r.appointmentSlot ?? null,
        r.language ?? null,
      );
      if (!row) throw new Error('ticket insert returned no row');
      events.ticket('issued', row, now, null, { terminalId: r.terminalId });
      return { ticket: toTicket(row), ahead };
    });
    // Rows that must commit with the tickets (their print jobs): a throw here rolls all back.
    afterInsert?.(issued);
    return issued;
  });

  function candidates(window: WindowForCall, serviceDay: string, now: number, settings: PolicySettings): WaitingTicket[] {
    const rows: TicketRow[] = [];
    const dueBy = now + settings.appointmentEarlyMs;
    for (const line of new Set([...window.primary, ...window.backup])) {
      for (const cls of ['normal', 'green', 'group'] as const) {
        const r = earliestOfClass.get(serviceDay, line, cls);
        if (r) rows.push(r);
      }
      for (const due of [1, 0]) {
        const r = earliestAppointment.get(serviceDay, line, dueBy, due);
        if (r) rows.push(r);
      }
    }
    rows.push(...targetedTo.all(serviceDay, window.id));
    return rows.map(toWaiting);
  }

  const callNext = db.transaction((window: WindowForCall, serviceDay: string, now: number, settings: PolicySettings): CallResult => {
    const finished = finishServing.get(now, window.id);
    if (finished) events.ticket('finished', finished, now, window.id, { started: true, byCallNext: true });
    const streak = getStreak.get(window.id)?.priority_streak ?? 0;
    const choice = chooseNext(candidates(window, serviceDay, now, settings), window, streak, settings, now);
    const called = choice ? markCalled.get(now, window.id, choice.ticket.id) : undefined;
    if (called) events.ticket('called', called, now, window.id, { reason: choice?.reason ?? null });
    if (choice) setStreak.run(nextStreak(streak, choice), window.id);
    return { ticket: called ? toTicket(called) : null, finished: finished ? toTicket(finished) : null, choice };
  });

  return {
    /**
     * One ticket. Allocates the day's next number for the line and inserts the ticket in one
     * IMMEDIATE transaction: the write lock is taken before the counter is read, so two kiosks
     * (or two processes on one file) can never be handed the same number.
     */
    issue(request: TicketRequest, serviceDay: string, now: number, afterInsert?: AfterInsert): IssuedTicket {
      const [issued] = issueMany.immediate([request], serviceDay, now, afterInsert);
      if (!issued) throw new Error('no ticket issued');
      return issued;
    },

    /** Several tickets in one transaction and so one fsync (group commit); numbers in request order. */
    issueMany(requests: readonly TicketRequest[], serviceDay: string, now: number, afterInsert?: AfterInsert): IssuedTicket[] {
      return issueMany.immediate(requests, serviceDay, now, afterInsert);
    },

    /**
     * Finishes the ticket being served at the window (if any) and calls the next one by the
     * calling policy, atomically: two clerks pressing at once never get the same ticket.
     * A ticket called but not yet started must be started or marked no-show first (the handler
     * checks that, so that a person who did come is never silently dropped).
     */
    callNext(window: WindowForCall, serviceDay: string, now: number, settings: PolicySettings): CallResult {
      return callNext.immediate(window, serviceDay, now, settings);
    },

    /** The ticket the window would call now, without calling it (reads only). */
    peekNext(window: WindowForCall, serviceDay: string, now: number, settings: PolicySettings): Choice | null {
      const streak = getStreak.get(window.id)?.priority_streak ?? 0;
      return chooseNext(candidates(window, serviceDay, now, settings), window, streak, settings, now);
    },

    current(windowId: number): Ticket | null {
      const row = currentAtWindow.get(windowId);
      return row ? toTicket(row) : null;
    },

    waiting,

    /** Recent calls with the applicant's full name where known: mask it before it leaves the host. */
    recentCalls(serviceDay: string, limit = 8): (Omit<Call, 'maskedName'> & { applicantName: string | null })[] {
      return recentCalls.all(serviceDay, limit).map(({ applicantForm: form, ...c }) => ({ ...c, applicantName: nameIn(form) }));
    },

    applicantName: (ticketId: number): string | null => nameIn(applicantForm.get(ticketId)?.form ?? null),

    /** Every waiting ticket of the day, as the policy sees it (for checks and reports). */
    allWaiting(serviceDay: string): WaitingTicket[] {
      return allWaiting.all(serviceDay).map(toWaiting);
    },

    recentServiceDurations(serviceDay: string, line: BusinessLine): number[] {
      return recentDurations.all(serviceDay, line).map((r) => r.ms);
    },

    ...ticketActions(db),
  };
}

export type TicketStore = ReturnType<typeof ticketStore>;
