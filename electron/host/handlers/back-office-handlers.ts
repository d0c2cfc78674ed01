import type { OutboxRow } from '../../../db/back-office.js';
import type { backOfficeApi } from '../../domain/contract/back-office-api.js';
import type { HandlersFor } from '../http/register-routes.js';
import type { HostContext } from '../host-context.js';
import { ApiError } from '../http/api-error.js';
import { actorOf } from './actor.js';

const deadLetter = (r: OutboxRow) => ({
  id: r.id,
  caseNumber: r.case_number,
  system: r.system,
  kind: r.kind,
  sequence: r.sequence,
  attempts: r.attempts,
  lastError: r.last_error,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

/**
 * The back offices on the admin screen and the outage line: links (the credential only as
 * "set / not set"), the verification time limit, and the dead letters a supervisor retries or
 * cancels. Every change is audited; the audit line never holds the credential or the URL's secrets.
 */
export function backOfficeHandlers(ctx: HostContext): HandlersFor<typeof backOfficeApi> {
  const bo = ctx.backOffice;
  const settings = () => {
    const stored = new Map(bo.store.links().map((l) => [l.system, l]));
    return {
      links: (['household', 'traffic', 'exit_entry'] as const).map((system) => {
        const l = stored.get(system);
        return { system, baseUrl: l?.baseUrl ?? '', timeoutMs: l?.timeoutMs ?? 10_000, credentialSet: l?.credential != null };
      }),
      verifyLimitMs: bo.verifyLimitMs(),
    };
  };
  const deadLetters = () => ({ deadLetters: bo.store.dead().map(deadLetter) });

  function onDead(id: number, what: 'retry' | 'cancel', staff: Parameters<typeof actorOf>[0], terminal: Parameters<typeof actorOf>[1]) {
    const now = ctx.clock();
    const row = ctx.db
      .transaction(() => {
        const r = bo.store.byId(id);
        if (!r) throw new ApiError('not_found', `No back-office message ${id}`);
        const done = what === 'retry' ? bo.store.retry(id, now) : bo.store.cancel(id, now);
        if (!done) throw new ApiError('conflict', `Message ${id} is ${r.state}, not a dead letter`);
        ctx.audit.append({
          at: now,
          actor: actorOf(staff, terminal),
          action: what === 'retry' ? 'back_office.retry' : 'back_office.cancel',
          target: r.case_number,
          detail: `${r.system} ${r.kind} #${r.sequence}`,
        });
        return r;
      })
      .immediate();
    bo.deadChanged(row.system);
    return deadLetters();
  }

  return {
    backOfficeStatus: () => ({ links: bo.status() }),
    backOfficeSettings: settings,
    putBackOfficeLink: ({ params, body, staff, terminal }) => {
      const now = ctx.clock();
      ctx.db
        .transaction(() => {
          bo.store.putLink(params.system, body.baseUrl, body.timeoutMs, body.credential, now);
          const cred = body.credential === undefined ? 'credential kept' : body.credential === null ? 'credential removed' : 'credential replaced';
          ctx.audit.append({
            at: now,
            actor: actorOf(staff, terminal),
            action: 'back_office.link',
            target: params.system,
            detail: `${body.baseUrl ? new URL(body.baseUrl).origin : 'off'}; timeout ${body.timeoutMs} ms; ${cred}`,
          });
        })
        .immediate();
      bo.linksChanged();
      return settings();
    },
    putBackOfficeVerifyLimit: ({ body, staff, terminal }) => {
      const now = ctx.clock();
      ctx.db
        .transaction(() => {
          bo.setVerifyLimitMs(body.verifyLimitMs);
          ctx.audit.append({
            at: now,
            actor: actorOf(staff, terminal),
            action: 'back_office.verify_limit',
            target: 'hall',
            detail: `${body.verifyLimitMs} ms`,
          });
        })
        .immediate();
      return settings();
    },
    deadLetters,
    retryDeadLetter: ({ params, staff, terminal }) => onDead(params.id, 'retry', staff, terminal),
    cancelDeadLetter: ({ params, staff, terminal }) => onDead(params.id, 'cancel', staff, terminal),
  };
}
