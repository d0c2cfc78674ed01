import type { z } from 'zod';
import type { Service } from '../../domain/catalog/catalog-schema.js';
import { formSchema, type FormData, type RawFormSchema } from '../../domain/catalog/form-schema.js';
import { addWorkingDays } from '../../domain/calendar/working-days.js';
import { validateIdNumber } from '../../domain/identity/id-number.js';
import { ApiError } from '../http/api-error.js';
import type { HostContext } from '../host-context.js';

export interface ApplicantInput {
  form: z.output<typeof RawFormSchema>;
  materials: readonly string[];
}

export interface CheckedApplicant {
  form: FormData;
  idNumber: string;
  birthDate: string;
  provided: string[];
  missingDeferrable: string[];
  supplementBy: string | null;
}

/** A service's form checked by the catalog's rules (the kiosk's): 400 naming each field at fault. */
export function parseForm(ctx: Pick<HostContext, 'catalog'>, service: Service, raw: ApplicantInput['form'], today: string, at: string): FormData {
  const ports = ctx.catalog.catalog().ports.map((p) => p.value);
  const parsed = formSchema(service, ports, today).safeParse(raw);
  if (parsed.success) return parsed.data;
  const issues = parsed.error.issues.map((i) => ({ path: [`${at}form`, ...i.path.map(String)].join('.'), message: i.message }));
  throw new ApiError('bad_request', `Invalid form: ${issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`, issues);
}

/**
 * One applicant's form and materials, checked by the same rules wherever the application starts
 * (the kiosk, the booth, a clerk's walk-in at the window): the form by the service's schema (400
 * with the fields at fault); a missing mandatory material refuses the application (409 with the
 * list: the one-time notice instead); a missing 容缺 material is accepted with a date, in working
 * days of the hall's calendar, to supply it by. `at` prefixes the issue paths ("body.").
 */
export function checkApplicant(
  ctx: Pick<HostContext, 'catalog' | 'calendar'>,
  service: Service,
  input: ApplicantInput,
  today: string,
  at: string,
): CheckedApplicant {
  const form = parseForm(ctx, service, input.form, today, at);
  const id = typeof form['idNumber'] === 'string' ? validateIdNumber(form['idNumber'], today) : null;
  if (!id?.ok) throw new ApiError('bad_request', 'The applicant ID number is missing', [{ path: `${at}form.idNumber`, message: 'required' }]);

  const known = new Set(service.materials.map((m) => m.code));
  const unknown = input.materials.filter((c) => !known.has(c));
  if (unknown.length > 0)
    throw new ApiError(
      'bad_request',
      `Unknown materials: ${unknown.join(', ')}`,
      unknown.map((c) => ({ path: `${at}materials`, message: `not a material of this service: ${c}` })),
    );
  const ticked = new Set(input.materials);
  const missingMandatory = service.materials.filter((m) => m.requirement === 'mandatory' && !ticked.has(m.code));
  if (missingMandatory.length > 0) {
    throw new ApiError(
      'conflict',
      `Mandatory materials missing: ${missingMandatory.map((m) => m.code).join(', ')}`,
      missingMandatory.map((m) => ({ path: `${at}materials.${m.code}`, message: `mandatory material missing: ${m.name.en}` })),
    );
  }
  const deferred = service.materials.filter((m) => m.requirement === 'deferrable' && !ticked.has(m.code));
  const days = Math.max(0, ...deferred.map((m) => (m.requirement === 'deferrable' ? m.supplyWithinDays : 0)));
  return {
    form,
    idNumber: id.value,
    birthDate: id.birthDate,
    // What the citizen says they brought, on paper. Data-shared materials are never listed here:
    // the hall fetches them (数据跑路), and "已带材料" must not claim the citizen brought them.
    provided: service.materials.filter((m) => ticked.has(m.code) && m.requirement !== 'data_sharing').map((m) => m.code),
    missingDeferrable: deferred.map((m) => m.code),
    supplementBy: deferred.length > 0 ? addWorkingDays(today, days, ctx.calendar.current()) : null,
  };
}
