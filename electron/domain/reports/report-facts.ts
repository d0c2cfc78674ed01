import type { CaseEventInput, RatingInput, TicketEventInput } from './report-input.js';

/**
 * One countable fact with the dimensions it is grouped by. Reports are facts grouped and summed:
 * every figure of every grouping comes from the same list, so a day's total and the sum of its
 * windows cannot disagree.
 */
export interface Dims {
  /** The service day (a ticket's, even when served after midnight), or the hall day of a case step. */
  day: string;
  /** Hour of day in the hall's time zone, 0–23. */
  hour: number;
  line: string | null;
  service: string | null;
  window: number | null;
  staff: number | null;
}

export const FACT_KINDS = [
  'issued',
  'wait',
  'noShow',
  'served',
  'service',
  'recall',
  'transfer',
  'pause',
  'accepted',
  'deferred',
  'refused',
  'acceptedDone',
  'completed',
  'completedWithPromise',
  'completedTimely',
  'rated',
  'satisfied',
  'bad',
  'badHandled',
  'skipped',
] as const;
export type FactKind = (typeof FACT_KINDS)[number];

/** `value` is a duration in ms for wait, service and pause; 1 for the counts. */
export interface Fact {
  kind: FactKind;
  dims: Dims;
  value: number;
}

export type HourOf = (epochMs: number) => number;

interface TicketState {
  issued: TicketEventInput | null;
  firstCall: TicketEventInput | null;
  /** The last no_show, cleared by a reinstatement or a later call: a reinstated no-show is not one in the end. */
  noShow: TicketEventInput | null;
  /** The open service: 'started' until 'finished' or 'transferred'. */
  started: TicketEventInput | null;
}

/**
 * A ticket's steps to facts. Ticket figures (issued, waiting, no-show) belong to the ticket: its
 * service day, the hour it was issued, its line and service at issue, and the window and clerk that
 * first called it. Waiting is issue → first call: a transfer or a reinstatement puts the ticket back
 * in its original place, and the wait the citizen felt ended at the first call. Step figures
 * (served, service time, recalls, transfers) belong to the step: its window, clerk, hour and line
 * (a transfer counts where it left from). Service time is each started → finished (or → transferred)
 * stretch at one window; a ticket finished without being started counts as served with no time.
 */
export function ticketFacts(events: readonly TicketEventInput[], hourOf: HourOf): Fact[] {
  const facts: Fact[] = [];
  const tickets = new Map<number, TicketState>();
  const state = (id: number): TicketState => {
    let s = tickets.get(id);
    if (!s) tickets.set(id, (s = { issued: null, firstCall: null, noShow: null, started: null }));
    return s;
  };
  const stepDims = (e: TicketEventInput, issued: TicketEventInput | null): Dims => ({
    day: e.serviceDay,
    hour: hourOf(e.at),
    line: e.line,
    service: issued?.serviceCode ?? null,
    window: e.windowNumber,
    staff: e.staffId,
  });
  const openPauses = new Map<number, TicketEventInput>();

  for (const e of events) {
    if (e.ticketId === null) {
      windowFact(e, openPauses, facts, hourOf);
      continue;
    }
    const s = state(e.ticketId);
    switch (e.kind) {
      case 'issued':
        s.issued = e;
        break;
      case 'called':
        s.firstCall ??= e;
        s.noShow = null;
        break;
      case 'recalled':
        facts.push({ kind: 'recall', dims: stepDims(e, s.issued), value: 1 });
        break;
      case 'started':
        s.started = e;
        break;
      case 'finished':
        facts.push({ kind: 'served', dims: stepDims(e, s.issued), value: 1 });
        if (s.started) facts.push({ kind: 'service', dims: stepDims(s.started, s.issued), value: e.at - s.started.at });
        s.started = null;
        break;
      case 'transferred':
        facts.push({ kind: 'transfer', dims: stepDims(e, s.issued), value: 1 });
        if (s.started) facts.push({ kind: 'service', dims: stepDims(s.started, s.issued), value: e.at - s.started.at });
        s.started = null;
        break;
      case 'no_show':
        s.noShow = e;
        break;
      case 'reinstated':
        s.noShow = null;
        break;
      default:
        break;
    }
  }

  for (const s of tickets.values()) {
    // A ticket whose issue is not among the rows (rows cut by hand) has no ticket figures.
    if (!s.issued) continue;
    const dims: Dims = {
      day: s.issued.serviceDay,
      hour: hourOf(s.issued.at),
      line: s.issued.line,
      service: s.issued.serviceCode,
      window: s.firstCall?.windowNumber ?? null,
      staff: s.firstCall?.staffId ?? null,
    };
    facts.push({ kind: 'issued', dims, value: 1 });
    if (s.firstCall) facts.push({ kind: 'wait', dims, value: s.firstCall.at - s.issued.at });
    if (s.noShow) facts.push({ kind: 'noShow', dims, value: 1 });
  }
  return facts;
}

/** A window's pause lasts from window_paused to the next resume, close or take-over; a pause not
 * ended within the rows is not counted (its length is unknown). */
function windowFact(e: TicketEventInput, open: Map<number, TicketEventInput>, facts: Fact[], hourOf: HourOf): void {
  if (e.windowNumber === null) return;
  const started = open.get(e.windowNumber);
  if (e.kind === 'window_paused') {
    if (!started) open.set(e.windowNumber, e);
    return;
  }
  if (started && (e.kind === 'window_resumed' || e.kind === 'window_closed' || e.kind === 'window_taken_over')) {
    open.delete(e.windowNumber);
    const dims: Dims = { day: started.serviceDay, hour: hourOf(started.at), line: null, service: null, window: started.windowNumber, staff: started.staffId };
    facts.push({ kind: 'pause', dims, value: e.at - started.at });
  }
}

/** A case's steps to facts, each at its own window, clerk and hour. 办结率 is a cohort: of the cases
 * accepted in the range, how many are completed by now. Time-limit compliance: of the cases completed
 * in the range that had a promised date, how many were completed on or before it (hall days). */
export function caseFacts(events: readonly CaseEventInput[], hourOf: HourOf): Fact[] {
  const facts: Fact[] = [];
  for (const e of events) {
    const dims: Dims = { day: e.day, hour: hourOf(e.at), line: e.line, service: e.serviceCode, window: e.windowNumber, staff: e.staffId };
    const add = (kind: FactKind) => facts.push({ kind, dims, value: 1 });
    switch (e.action) {
      case 'accept':
      case 'accept_deferred':
        add('accepted');
        if (e.action === 'accept_deferred') add('deferred');
        if (e.completedSince) add('acceptedDone');
        break;
      case 'refuse':
        add('refused');
        break;
      case 'complete':
        add('completed');
        if (e.promisedBy !== null) {
          add('completedWithPromise');
          // ISO dates compare as text.
          if (e.day <= e.promisedBy) add('completedTimely');
        }
        break;
    }
  }
  return facts;
}

/** 满意 and above (levels 4–5) among the ratings given; 差评 are levels 1–2; a skip is counted apart. */
export function ratingFacts(ratings: readonly RatingInput[], hourOf: HourOf): Fact[] {
  const facts: Fact[] = [];
  for (const r of ratings) {
    const dims: Dims = { day: r.serviceDay, hour: hourOf(r.at), line: r.line, service: r.serviceCode, window: r.windowNumber, staff: r.staffId };
    const add = (kind: FactKind) => facts.push({ kind, dims, value: 1 });
    if (r.skipped || r.level === null) {
      add('skipped');
      continue;
    }
    add('rated');
    if (r.level >= 4) add('satisfied');
    if (r.level <= 2) {
      add('bad');
      if (r.handled) add('badHandled');
    }
  }
  return facts;
}
