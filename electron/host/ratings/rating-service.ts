import { ratingStore, type RatedService } from '../../../db/ratings.js';
import { rectificationStore, type RectificationRow } from '../../../db/rating-rectifications.js';
import type { Rectification } from '../../domain/contract/ratings-api.js';
import { isBadRating, rectificationDueDay, type RatingChannel } from '../../domain/ratings/rating-levels.js';
import { isOverdue } from '../../domain/ratings/rectification-steps.js';
import { ApiError } from '../http/api-error.js';
import type { HostContext } from '../host-context.js';
import { ratingRules } from './rating-rules.js';

export interface GivenRating {
  level: number | null;
  reasons: readonly string[];
  comment: string;
}

/**
 * 好差评 on the host: storing a rating (or a skip) and, for a 差评, opening its rectification item
 * with its due day and audit line, all in one transaction; then telling the admin screens.
 */
export function ratingService(ctx: HostContext) {
  const ratings = ratingStore(ctx.db, ctx.cipher);
  const items = rectificationStore(ctx.db, ctx.cipher);

  function toItem(r: RectificationRow, today: string): Rectification {
    return {
      id: r.id,
      status: r.status,
      dueDay: r.dueDay,
      overdue: isOverdue(r.status, r.dueDay, today),
      assignee: r.assigneeStaffId !== null ? { id: r.assigneeStaffId, name: r.assigneeName ?? '' } : null,
      callbackResult: r.callbackResult,
      fix: r.fix,
      answer: r.answer,
      appealReason: r.appealReason,
      openedAt: r.openedAt,
      updatedAt: r.updatedAt,
      closedAt: r.closedAt,
      version: r.version,
      rating: {
        level: r.level,
        reasons: JSON.parse(r.reasons) as string[],
        channel: r.channel as Rectification['rating']['channel'],
        at: r.ratedAt,
        ticketNumber: r.ticketNumber,
        windowNumber: r.windowNumber,
        clerk: r.staffName,
        caseNumber: r.caseNumber,
        serviceCode: r.serviceCode,
      },
    };
  }

  return {
    ratings,
    items,
    toItem,

    /** Stores the rating; refuses a second one (a skip may still be replaced by a rating). */
    give(service: RatedService, given: GivenRating, channel: RatingChannel, actor: string): { stored: 'rated' | 'skipped'; answerWithinDays: number | null } {
      const now = ctx.clock();
      const day = ctx.today();
      // The hall's deadline, or the city's when that is shorter (the city's rules, issue 16).
      const dueDays = ratingRules(ctx.settings).inForce().dueDays;
      const opened = ctx.db
        .transaction(() => {
          const id = ratings.put({ service, level: given.level, channel, reasons: given.reasons, comment: given.comment, at: now, day });
          if (id === null) throw new ApiError('already_rated', `Ticket ${service.number} has its rating already`);
          if (given.level === null || !isBadRating(given.level)) return null;
          const due = rectificationDueDay(day, dueDays, ctx.calendar.current());
          const itemId = items.open(id, due, now);
          ctx.audit.append({ at: now, actor, action: 'rectification.open', target: `#${itemId}`, detail: `ticket ${service.number}; due ${due}` });
          return itemId;
        })
        .immediate();
      if (opened !== null) ctx.events.sendToRole('admin', { type: 'rectification.changed', id: opened, status: 'open' });
      return { stored: given.level === null ? 'skipped' : 'rated', answerWithinDays: opened !== null ? dueDays : null };
    },
  };
}

export type RatingService = ReturnType<typeof ratingService>;
