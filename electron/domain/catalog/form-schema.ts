import { z } from 'zod';
import { isPersonName, PERSON_NAME_MESSAGE } from '../contract/text-rules.js';
import { isRealDate, validateIdNumber } from '../identity/id-number.js';
import { ISO_DATE_PATTERN } from '../service-day.js';
import type { Field, Service } from './catalog-schema.js';

/**
 * Builds the zod schema of one service's form from its catalog fields, so that the kiosk and the
 * host check a submission by the same rules: required fields, mainland mobile numbers, real dates
 * on the right side of today, GB 11643 ID numbers, known ports and select options.
 */

export const MOBILE_PATTERN = /^1[3-9]\d{9}$/;
export const GROUP_CODE_PATTERN = /^[A-Z0-9][A-Z0-9-]{3,31}$/;

/** Passport-style name in pinyin: upper-case letters; the citizen may correct the proposal. */
export const PinyinNameValueSchema = z
  .object({
    surname: z
      .string()
      .trim()
      .toUpperCase()
      .regex(/^[A-Z]{1,40}$/, 'surname: letters A–Z only'),
    givenName: z
      .string()
      .trim()
      .toUpperCase()
      .regex(/^[A-Z]{0,40}$/, 'given name: letters A–Z only'),
  })
  .strict();
export type PinyinNameValue = z.infer<typeof PinyinNameValueSchema>;

export type FormValue = string | PinyinNameValue;
export type FormData = Record<string, FormValue>;

/** What crosses the wire before checking: strings, or the pinyin name object. */
export const RawFormSchema = z.record(
  z.string().max(40),
  z.union([z.string().max(500), z.object({ surname: z.string().max(60), givenName: z.string().max(60) }).strict()]),
);

function dateSchema(f: Field, today: string): z.ZodType<string> {
  return z
    .string()
    .trim()
    .regex(ISO_DATE_PATTERN, 'expected a date YYYY-MM-DD')
    .refine((v) => isRealDate(v.replaceAll('-', '')), 'no such date')
    .refine((v) => f.dateRule !== 'past' || v <= today, 'cannot be in the future')
    .refine((v) => f.dateRule !== 'future' || v >= today, 'cannot be in the past');
}

function valueSchema(f: Field, ports: readonly string[], today: string): z.ZodType<FormValue> {
  switch (f.type) {
    case 'text': {
      const text = z
        .string()
        .trim()
        .min(1, 'required')
        .max(f.maxLength ?? 200);
      return f.entry === 'name' ? text.refine(isPersonName, PERSON_NAME_MESSAGE) : text;
    }
    case 'phone':
      return z
        .string()
        .transform((v) => v.replace(/[\s-]/g, ''))
        .pipe(z.string().regex(MOBILE_PATTERN, 'expected a mainland mobile number (11 digits starting 13–19)'));
    case 'date':
      return dateSchema(f, today);
    case 'select':
      return z.enum((f.options ?? []).map((o) => o.value) as [string, ...string[]], { message: 'not one of the choices' });
    case 'port':
      return z.enum(ports as [string, ...string[]], { message: 'unknown border port' });
    case 'groupCode':
      return z.string().trim().toUpperCase().regex(GROUP_CODE_PATTERN, 'expected a tour group code (4–32 letters, digits, -)');
    case 'pinyinName':
      return PinyinNameValueSchema;
    case 'idNumber':
      return z.string().transform((v, ctx) => {
        const r = validateIdNumber(v, today);
        if (r.ok) return r.value;
        ctx.addIssue({ code: 'custom', message: `invalid ID number (${r.problem})` });
        return z.NEVER;
      });
  }
}

function isBlank(v: unknown): boolean {
  return v === undefined || (typeof v === 'string' && v.trim() === '');
}

/** The checked form: known keys only, blank optional fields dropped, values normalised. */
export function formSchema(service: Service, ports: readonly string[], today: string): z.ZodType<FormData, unknown> {
  const known = new Set(service.fields.map((f) => f.key));
  return RawFormSchema.transform((raw, ctx) => {
    const out: FormData = {};
    for (const key of Object.keys(raw)) {
      if (!known.has(key)) ctx.addIssue({ code: 'custom', path: [key], message: 'not a field of this service' });
    }
    for (const f of service.fields) {
      const v = raw[f.key];
      const when = f.requiredWhen;
      const required = f.required || (when !== undefined && when.equals.includes(String(raw[when.field] ?? '')));
      if (isBlank(v)) {
        if (required) ctx.addIssue({ code: 'custom', path: [f.key], message: 'required' });
        continue;
      }
      const r = valueSchema(f, ports, today).safeParse(v);
      if (r.success) out[f.key] = r.data;
      else for (const i of r.error.issues) ctx.addIssue({ code: 'custom', path: [f.key, ...i.path.map(String)], message: i.message });
    }
    return out;
  });
}

/** Whole years between a birth date and today (both YYYY-MM-DD). */
export function ageOn(birthDate: string, today: string): number {
  const years = Number(today.slice(0, 4)) - Number(birthDate.slice(0, 4));
  return today.slice(5) >= birthDate.slice(5) ? years : years - 1;
}
