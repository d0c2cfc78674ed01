import { sha256, newOneTimeCode } from '../../../db/terminals.js';
import { toStaff, type StaffRecord } from '../../../db/staff.js';
import type { staffApi } from '../../domain/contract/staff-api.js';
import type { HandlersFor } from '../http/register-routes.js';
import { ApiError } from '../http/api-error.js';
import type { HostContext } from '../host-context.js';
import type { AuditAction } from '../../domain/audit-actions.js';
import { burnPinCheck, hashPin, verifyPin } from '../staff/pin-hash.js';
import { endSession, startSession } from '../staff/staff-session.js';
import { mayManage } from '../../domain/staff/rank.js';
import { lookupLimiter } from '../queue/lookup-limiter.js';
import { actorOf } from './actor.js';

export const LOCK_AFTER_FAILURES = 5;
/** Wrong PINs from one terminal, whatever staff numbers they were typed with: one PIN tried across
 * every staff number of the hall (a spray) meets this limit long before it finds an account. */
export const TERMINAL_MAX_FAILURES = 10;
export const TERMINAL_WINDOW_MS = 10 * 60_000;
export const LOCK_MS = 15 * 60_000;
const ENROLL_CODE_TTL_MS = 7 * 24 * 3600_000;
const SETUP_KEY = 'first_admin_setup';

/**
 * The first administrator is created with a one-time code printed on the host's console at first
 * start (there is no default password). Returns the code to print, or null once staff exist.
 */
export function issueSetupCode(ctx: HostContext): string | null {
  if (ctx.staff.count() > 0) {
    ctx.settings.deleteRaw(SETUP_KEY);
    return null;
  }
  const code = newOneTimeCode();
  ctx.settings.putRaw(SETUP_KEY, JSON.stringify({ hash: sha256(code).toString('hex') }));
  return code;
}

export function staffHandlers(ctx: HostContext): HandlersFor<typeof staffApi> {
  const audit = (actor: string, action: AuditAction, target: string, detail = '') => ctx.audit.append({ at: ctx.clock(), actor, action, target, detail });
  const view = (r: StaffRecord) => toStaff(r, ctx.clock());
  const terminalFailures = lookupLimiter({ max: TERMINAL_MAX_FAILURES, windowMs: TERMINAL_WINDOW_MS });
  const atomically = <T>(fn: () => T): T => ctx.db.transaction(fn).immediate();
  /** The account a supervisor acts on: it must exist and have no more rights than theirs. */
  const managed = (id: number, actor: StaffRecord | null): StaffRecord => {
    const target = ctx.staff.byId(id);
    if (!target) throw new ApiError('not_found', `No staff member ${id}`);
    if (!actor || !mayManage(actor.role, target.role)) throw new ApiError('staff_outranks', `A ${actor?.role ?? '?'} cannot change a ${target.role}'s account`);
    return target;
  };

  return {
    staffMe: ({ staff }) => ({ staff: staff ? view(staff) : null, setupRequired: ctx.staff.count() === 0 }),

    staffSetup: async ({ body, terminal, req, reply }) => {
      const stored = ctx.settings.raw(SETUP_KEY);
      const expected = stored ? (JSON.parse(stored) as { hash?: string }).hash : undefined;
      if (ctx.staff.count() > 0 || !expected || sha256(body.setupCode).toString('hex') !== expected) {
        throw new ApiError('code_invalid', 'The setup code is wrong, or the first administrator already exists');
      }
      const { hash, salt } = await hashPin(body.pin);
      // Checked again after the slow hash: two setups racing must not both succeed.
      if (ctx.staff.count() > 0) throw new ApiError('code_invalid', 'The first administrator already exists');
      const created = ctx.staff.createWithPin(body.staffNo, body.name, 'admin', hash, salt, ctx.clock());
      ctx.settings.deleteRaw(SETUP_KEY);
      audit(actorOf(null, terminal), 'staff.setup_first_admin', `staff:${created.staff_no}`);
      if (terminal) startSession(ctx.staff, reply, req, created.id, terminal, ctx.clock());
      return { staff: view(created) };
    },

    staffSignIn: async ({ body, terminal, req, reply }) => {
      const now = ctx.clock();
      const from = `terminal:${terminal?.id ?? req.ip}`;
      const until = terminalFailures.blockedUntil(from, now);
      if (until !== null) {
        throw new ApiError('too_many_sign_ins', `Too many wrong PINs at this terminal: try again after ${new Date(until).toISOString()}`);
      }
      let record = ctx.staff.byNo(body.staffNo);
      const pinHash = record?.pin_hash;
      const pinSalt = record?.pin_salt;
      if (!record || record.disabled_at !== null || !pinHash || !pinSalt) {
        await burnPinCheck(body.pin);
        audit(actorOf(null, terminal), 'staff.sign_in_failed', `staff:${body.staffNo}`, 'unknown or not enrolled');
        terminalFailures.fail(from, ctx.clock());
        throw new ApiError('pin_invalid', 'Wrong staff number or PIN');
      }
      if (record.locked_until !== null && record.locked_until > now) {
        throw new ApiError('staff_locked', `Locked after ${LOCK_AFTER_FAILURES} wrong PINs until ${new Date(record.locked_until).toISOString()}`);
      }
      if (record.locked_until !== null) {
        // The lock has run out: a fresh count of attempts.
        ctx.staff.recordSuccess(record.id);
        record = { ...record, failed_attempts: 0, locked_until: null };
      }
      if (!(await verifyPin(body.pin, pinHash, pinSalt))) {
        const after = ctx.staff.recordFailure(record.id, ctx.clock(), LOCK_AFTER_FAILURES, ctx.clock() + LOCK_MS);
        const locked = after?.locked_until !== null && after?.locked_until !== undefined && after.locked_until > ctx.clock();
        audit(
          actorOf(null, terminal),
          locked ? 'staff.locked' : 'staff.sign_in_failed',
          `staff:${record.staff_no}`,
          `attempt ${after?.failed_attempts ?? '?'}`,
        );
        if (locked) throw new ApiError('staff_locked', `Locked for ${LOCK_MS / 60_000} minutes after ${LOCK_AFTER_FAILURES} wrong PINs`);
        terminalFailures.fail(from, ctx.clock());
        throw new ApiError('pin_invalid', 'Wrong staff number or PIN');
      }
      ctx.staff.recordSuccess(record.id);
      if (terminal) startSession(ctx.staff, reply, req, record.id, terminal, ctx.clock());
      audit(actorOf(record, terminal), 'staff.sign_in', `terminal:${terminal?.id ?? '?'}`);
      return { staff: view({ ...record, failed_attempts: 0, locked_until: null }) };
    },

    staffSignOut: ({ staff, terminal, req, reply }) => {
      if (terminal) endSession(ctx.staff, reply, req, terminal, ctx.clock());
      if (staff) audit(actorOf(staff, terminal), 'staff.sign_out', `terminal:${terminal?.id ?? '?'}`);
      return { ok: true as const };
    },

    staffEnroll: async ({ body, terminal, req, reply }) => {
      const record = ctx.staff.byNo(body.staffNo);
      const now = ctx.clock();
      const valid =
        record !== null &&
        record.enroll_code_hash !== null &&
        record.enroll_expires_at !== null &&
        record.enroll_expires_at > now &&
        record.enroll_code_hash.equals(sha256(body.code));
      if (!valid || !record) throw new ApiError('code_invalid', 'The enrolment code is wrong, used or expired');
      const { hash, salt } = await hashPin(body.pin);
      const updated = ctx.staff.setPin(record.id, hash, salt);
      if (!updated) throw new ApiError('not_found', 'No such staff member');
      audit(actorOf(record, terminal), 'staff.enroll', `staff:${record.staff_no}`);
      if (terminal) startSession(ctx.staff, reply, req, record.id, terminal, ctx.clock());
      return { staff: view(updated) };
    },

    listStaff: () => ({ staff: ctx.staff.list(ctx.clock()) }),

    createStaff: ({ body, staff, terminal }) => {
      if (ctx.staff.byNo(body.staffNo)) throw new ApiError('conflict', `Staff number ${body.staffNo} is taken`);
      // Nobody makes an account with more rights than their own.
      if (!staff || !mayManage(staff.role, body.role)) throw new ApiError('staff_outranks', `A ${staff?.role ?? '?'} cannot create a ${body.role}`);
      const code = newOneTimeCode();
      const created = ctx.staff.createWithEnrollment(body.staffNo, body.name, body.role, sha256(code), ctx.clock() + ENROLL_CODE_TTL_MS, ctx.clock());
      audit(actorOf(staff, terminal), 'staff.create', `staff:${created.staff_no}`, `role ${created.role}`);
      return { staff: view(created), enrollmentCode: code };
    },

    resetStaff: ({ params, staff, terminal }) => {
      managed(params.id, staff);
      const code = newOneTimeCode();
      const updated = atomically(() => {
        const u = ctx.staff.resetEnrollment(params.id, sha256(code), ctx.clock() + ENROLL_CODE_TTL_MS);
        // A new PIN is set with the code: whoever is signed in with the old one is signed out.
        const ended = u ? ctx.staff.endSessionsOf(u.id, ctx.clock()) : 0;
        if (u) audit(actorOf(staff, terminal), 'staff.reset_pin', `staff:${u.staff_no}`, `${ended} session(s) ended`);
        return u;
      });
      if (!updated) throw new ApiError('not_found', `No staff member ${params.id}`);
      return { staff: view(updated), enrollmentCode: code };
    },

    disableStaff: ({ params, staff, terminal }) => {
      const target = managed(params.id, staff);
      if (target.id === staff?.id) throw new ApiError('conflict', 'You cannot disable your own account');
      const updated = atomically(() => {
        if (target.role === 'admin' && target.disabled_at === null && ctx.staff.activeAdmins() <= 1) {
          throw new ApiError('conflict', 'The last administrator cannot be disabled');
        }
        const u = ctx.staff.setDisabled(target.id, target.disabled_at ?? ctx.clock());
        const ended = ctx.staff.endSessionsOf(target.id, ctx.clock());
        audit(actorOf(staff, terminal), 'staff.disable', `staff:${target.staff_no}`, `${ended} session(s) ended`);
        return u;
      });
      if (!updated) throw new ApiError('not_found', `No staff member ${params.id}`);
      return { staff: view(updated) };
    },

    enableStaff: ({ params, staff, terminal }) => {
      const target = managed(params.id, staff);
      const updated = atomically(() => {
        const u = ctx.staff.setDisabled(target.id, null);
        audit(actorOf(staff, terminal), 'staff.enable', `staff:${target.staff_no}`);
        return u;
      });
      if (!updated) throw new ApiError('not_found', `No staff member ${params.id}`);
      return { staff: view(updated) };
    },

    setStaffRole: ({ params, body, staff, terminal }) => {
      const target = managed(params.id, staff);
      if (!staff || !mayManage(staff.role, body.role)) throw new ApiError('staff_outranks', `A ${staff?.role ?? '?'} cannot give the role ${body.role}`);
      if (target.id === staff.id) throw new ApiError('conflict', 'You cannot change your own role');
      const updated = atomically(() => {
        if (target.role === 'admin' && body.role !== 'admin' && ctx.staff.activeAdmins() <= 1) {
          throw new ApiError('conflict', 'The last administrator keeps the role');
        }
        const u = ctx.staff.setRole(target.id, body.role);
        // Rights change with the role: the next sign-in starts with the new ones.
        ctx.staff.endSessionsOf(target.id, ctx.clock());
        audit(actorOf(staff, terminal), 'staff.role', `staff:${target.staff_no}`, `${target.role} → ${body.role}`);
        return u;
      });
      if (!updated) throw new ApiError('not_found', `No staff member ${params.id}`);
      return { staff: view(updated) };
    },
  };
}
