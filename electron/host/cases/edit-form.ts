import type { z } from 'zod';
import type { StaffRecord } from '../../../db/staff.js';
import type { RawFormSchema } from '../../domain/catalog/form-schema.js';
import type { ApplicationStatus } from '../../domain/contract/applications-api.js';
import type { CaseView } from '../../domain/contract/cases-api.js';
import type { Terminal } from '../../domain/contract/schemas.js';
import { ApiError } from '../http/api-error.js';
import type { HostContext } from '../host-context.js';
import { actorOf } from '../handlers/actor.js';
import type { CaseWork } from './case-work.js';
import { parseForm } from './check-application.js';

/** Until a decision is made, a clerk may correct what the applicant answered. */
const EDITABLE: readonly ApplicationStatus[] = ['submitted', 'accepted', 'supplement_pending'];

/** An answer as the history shows it: text, or the pinyin name as SURNAME GIVENNAME. */
function shown(v: unknown): string | null {
  if (v === undefined || v === null || v === '') return null;
  if (typeof v === 'object') {
    const o = v as { surname?: string; givenName?: string };
    return `${o.surname ?? ''} ${o.givenName ?? ''}`.trim();
  }
  return String(v);
}

/**
 * A clerk's corrections of the form answers, checked by the same rules as the kiosk's, stored with
 * one change row per field (old → new, who, when; the values sealed). The applicant's ID number
 * is who the case is about: it is not corrected here (withdraw and apply again).
 */
export function editForm(
  ctx: HostContext,
  work: CaseWork,
  caseNumber: string,
  body: { windowId: number; version: number; form: z.output<typeof RawFormSchema> },
  who: { staff: StaffRecord; terminal: Terminal },
): CaseView {
  const now = ctx.clock();
  const actor = actorOf(who.staff, who.terminal);
  let changed = false;
  const row = ctx.db
    .transaction(() => {
      const r = work.load(caseNumber);
      const service = work.serviceOf(r);
      const w = work.windowFor(body.windowId, who.staff, r);
      if (r.version !== body.version) throw new ApiError('conflict', `Case ${r.case_number} changed meanwhile: it is now ${work.lastChange(r)}`);
      if (!EDITABLE.includes(r.status)) throw new ApiError('conflict', `The answers of a case that is ${r.status} can no longer be changed`);
      const form = parseForm(ctx, service, body.form, ctx.today(), 'body.');
      const old = JSON.parse(r.form_json ?? '{}') as Record<string, unknown>;
      if (form['idNumber'] !== old['idNumber'])
        throw new ApiError('bad_request', 'The applicant’s ID number is not corrected here', [{ path: 'body.form.idNumber', message: 'cannot be changed' }]);
      const keys = [...new Set([...Object.keys(old), ...Object.keys(form)])];
      const diffs = keys.map((field) => ({ field, old: shown(old[field]), new: shown(form[field]) })).filter((d) => d.old !== d.new);
      if (diffs.length === 0) return r;
      if (!work.store.editForm(r.id, r.version, r.status, form, diffs, { now, actor, staffId: who.staff.id, windowId: w.id }))
        throw new ApiError('conflict', `Case ${r.case_number} changed meanwhile`);
      // The field names only: the values are personal data.
      ctx.audit.append({ at: now, actor, action: 'case.form_edit', target: r.case_number, detail: `fields ${diffs.map((d) => d.field).join(', ')}` });
      changed = true;
      return work.load(caseNumber);
    })
    .immediate();
  if (changed) work.changed(row.case_number, row, null, undefined, now);
  return work.views.view(row, who.staff);
}
