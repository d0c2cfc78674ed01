import { applicationStore } from '../../../db/applications.js';
import type { StaffRecord } from '../../../db/staff.js';
import type { ratingsApi, RectificationStepBody } from '../../domain/contract/ratings-api.js';
import { SUPERVISORS } from '../../domain/contract/access.js';
import type { AuditAction } from '../../domain/audit-actions.js';
import { COUNTER_RATING_TIMEOUT_MS } from '../../domain/ratings/rating-levels.js';
import { missingForClose, nextStatus } from '../../domain/ratings/rectification-steps.js';
import type { RectificationRow } from '../../../db/rating-rectifications.js';
import type { HandlersFor } from '../http/register-routes.js';
import { ApiError } from '../http/api-error.js';
import type { HostContext } from '../host-context.js';
import { progressLimiter } from '../queue/lookup-limiter.js';
import { ratingRules } from '../ratings/rating-rules.js';
import { ratingService } from '../ratings/rating-service.js';
import { actorOf } from './actor.js';
import { windowOrThrow } from './window-of.js';

/** A tap that left the screen just before the question closed still counts. */
const GRACE_MS = 30_000;

const isSupervisor = (s: StaffRecord | null): boolean => s !== null && SUPERVISORS.includes(s.role);

/**
 * 好差评: the counter screen asks after each service at its window; a kiosk or booth takes the
 * rating later from the receipt's case number (一事一评); supervisors handle each 差评's item, and
 * a clerk sees only the items assigned to them.
 */
export function ratingsHandlers(ctx: HostContext): HandlersFor<typeof ratingsApi> {
  const service = ratingService(ctx);
  const applications = applicationStore(ctx.db, ctx.cipher);

  /** The service the counter screen of a window may still ask about, if any. */
  function asking(windowId: number, graceMs: number) {
    const s = service.ratings.lastFinishedAt(windowId);
    if (!s || ctx.clock() - s.finishedAt > COUNTER_RATING_TIMEOUT_MS + graceMs) return null;
    return service.ratings.byTicket(s.ticketId) ? null : s;
  }

  function itemFor(id: number, staff: StaffRecord | null): RectificationRow {
    const row = service.items.get(id);
    if (!row) throw new ApiError('not_found', `No rectification item ${id}`);
    // A clerk sees only the items assigned to them (not whom else the hall rated badly).
    if (!isSupervisor(staff) && row.assigneeStaffId !== staff?.id) throw new ApiError('forbidden', 'This item is assigned to someone else');
    return row;
  }

  /** What a step writes, and who may take it: deciding is the supervisor's, recording also the assignee's. */
  function applyStep(row: RectificationRow, body: RectificationStepBody, staff: StaffRecord | null) {
    const deciding = body.step === 'assign' || body.step === 'close' || body.step === 'uphold_appeal' || body.step === 'reject_appeal';
    if (deciding && !isSupervisor(staff)) throw new ApiError('forbidden', `Only a supervisor may ${body.step.replace('_', ' ')}`);
    const status = nextStatus(row.status, body.step);
    if (status === null) throw new ApiError('conflict', `Cannot ${body.step} an item that is ${row.status}`);
    const change = {
      status,
      assigneeStaffId: row.assigneeStaffId,
      callbackResult: row.callbackResult,
      fix: row.fix,
      answer: row.answer,
      appealReason: row.appealReason,
      closedAt: row.closedAt,
    };
    if (body.step === 'assign') {
      const to = ctx.staff.byId(body.staffId);
      if (!to || to.disabled_at !== null) throw new ApiError('not_found', `No active staff member ${body.staffId}`);
      change.assigneeStaffId = to.id;
    } else if (body.step === 'callback') change.callbackResult = body.text;
    else if (body.step === 'fix') change.fix = body.text;
    else if (body.step === 'answer') change.answer = body.text;
    else if (body.step === 'appeal') change.appealReason = body.text;
    else if (body.step === 'close') {
      const missing = missingForClose(change, ratingRules(ctx.settings).inForce().callbackRequired);
      if (missing.length > 0) throw new ApiError('conflict', `Record the ${missing.join(', ')} before closing`);
      change.closedAt = ctx.clock();
    } else if (body.step === 'uphold_appeal') change.closedAt = ctx.clock();
    return change;
  }

  return {
    ratingAsk: ({ params }) => {
      windowOrThrow(ctx, params.id);
      const s = asking(params.id, 0);
      return { ask: s ? { ticketId: s.ticketId, number: s.number, finishedAt: s.finishedAt, askUntil: s.finishedAt + COUNTER_RATING_TIMEOUT_MS } : null };
    },

    rateAtCounter: ({ params, body, terminal }) => {
      windowOrThrow(ctx, params.id);
      // Only the service just finished at this window: a counter screen cannot rate another's.
      const s = asking(params.id, GRACE_MS);
      if (!s || s.ticketId !== body.ticketId) {
        if (service.ratings.byTicket(body.ticketId)) throw new ApiError('already_rated', 'This service has its rating already');
        throw new ApiError('conflict', 'This window is not asking about that ticket now');
      }
      return service.give(s, { level: body.level, reasons: body.reasons, comment: body.comment }, 'counter', actorOf(null, terminal));
    },

    rateByCase: ({ body, terminal, reply }) => {
      const limiter = progressLimiter(ctx);
      const key = `terminal:${terminal?.id ?? 'none'}`;
      const until = limiter.blockedUntil(key, ctx.clock());
      if (until !== null) {
        reply.header('Retry-After', String(Math.max(1, Math.ceil((until - ctx.clock()) / 1000))));
        throw new ApiError('too_many_attempts', 'Too many failed queries from this terminal; try again later');
      }
      // The same proof as the progress query: the case number on the receipt and the ID ending.
      const row = applications.byCase(body.case);
      if (!row || row.applicant_id_number?.slice(-4).toUpperCase() !== body.last4) {
        limiter.fail(key, ctx.clock());
        throw new ApiError('not_found', 'No application with this case number and ID ending');
      }
      const s = row.ticket_id !== null ? service.ratings.service(row.ticket_id) : null;
      if (!s) throw new ApiError('conflict', 'This case was not served at a window yet: rate it after the service');
      const channel = terminal?.role === 'booth' ? 'booth' : 'kiosk';
      const given = service.give(s, { level: body.level, reasons: body.reasons, comment: body.comment }, channel, actorOf(null, terminal));
      return { stored: 'rated' as const, answerWithinDays: given.answerWithinDays };
    },

    rectifications: ({ query, staff }) => {
      const today = ctx.today();
      const rows = isSupervisor(staff)
        ? service.items.list(query.filter, today)
        : service.items.assignedTo(staff?.id ?? 0).filter((r) => query.filter === 'all' || service.toItem(r, today).overdue || query.filter === 'open');
      const items = rows.map((r) => service.toItem(r, today));
      return { items, today, overdue: isSupervisor(staff) ? service.items.overdueCount(today) : items.filter((i) => i.overdue).length };
    },

    rectification: ({ params, staff }) => {
      const row = itemFor(params.id, staff);
      return { item: service.toItem(row, ctx.today()), comment: service.ratings.comment(row.ratingId) };
    },

    rectificationStep: ({ params, body, staff, terminal }) => {
      const row = itemFor(params.id, staff);
      if (body.version !== row.version) throw new ApiError('conflict', 'Someone changed this item meanwhile: read it again');
      const change = applyStep(row, body, staff);
      const action: AuditAction = `rectification.${body.step}`;
      ctx.db
        .transaction(() => {
          if (!service.items.change(row.id, row.version, change, ctx.clock()))
            throw new ApiError('conflict', 'Someone changed this item meanwhile: read it again');
          const detail = body.step === 'assign' ? `to staff #${body.staffId}` : `${row.status} -> ${change.status}`;
          ctx.audit.append({ at: ctx.clock(), actor: actorOf(staff, terminal), action, target: `#${row.id}`, detail });
        })
        .immediate();
      ctx.events.sendToRole('admin', { type: 'rectification.changed', id: row.id, status: change.status });
      const after = service.items.get(row.id);
      if (!after) throw new ApiError('not_found', `No rectification item ${row.id}`);
      return { item: service.toItem(after, ctx.today()) };
    },
  };
}
