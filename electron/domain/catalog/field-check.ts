import { isPersonName } from '../contract/text-rules.js';
import { isRealDate, validateIdNumber } from '../identity/id-number.js';
import { ISO_DATE_PATTERN } from '../service-day.js';
import type { Field } from './catalog-schema.js';
import { GROUP_CODE_PATTERN, MOBILE_PATTERN, type FormData, type FormValue } from './form-schema.js';

/**
 * One answer checked the way the host's form schema checks it, but returning a problem code the
 * kiosk can put into words at the field in the citizen's language (the host's zod messages are for
 * developers). tests/unit/field-check.test.ts holds both to the same verdicts.
 */
export type FieldProblem =
  | 'required'
  | 'choose'
  | 'phone'
  | 'date'
  | 'dateFuture'
  | 'datePast'
  | 'idFormat'
  | 'idCheckDigit'
  | 'idBirthDate'
  | 'idRegion'
  | 'groupCode'
  | 'letters'
  | 'personName'
  | 'tooLong';

const ID_PROBLEM = { format: 'idFormat', check_digit: 'idCheckDigit', birth_date: 'idBirthDate', region: 'idRegion' } as const;

export function isBlankValue(v: FormValue | undefined): boolean {
  if (v === undefined) return true;
  if (typeof v === 'string') return v.trim() === '';
  return v.surname.trim() === '';
}

/** Whether the field must be answered, given the other answers (requiredWhen). */
export function isRequired(field: Field, answers: FormData): boolean {
  const when = field.requiredWhen;
  return field.required || (when !== undefined && when.equals.includes(String(answers[when.field] ?? '')));
}

export function checkField(
  field: Field,
  value: FormValue | undefined,
  answers: FormData,
  ctx: { today: string; ports: readonly string[] },
): FieldProblem | null {
  if (isBlankValue(value)) return isRequired(field, answers) ? (field.type === 'select' || field.type === 'port' ? 'choose' : 'required') : null;
  if (value === undefined) return null;
  if (field.type === 'pinyinName') {
    if (typeof value === 'string') return 'letters';
    const ok = /^[A-Z]{1,40}$/.test(value.surname.trim().toUpperCase()) && /^[A-Z]{0,40}$/.test(value.givenName.trim().toUpperCase());
    return ok ? null : 'letters';
  }
  if (typeof value !== 'string') return 'required';
  const v = value.trim();
  switch (field.type) {
    case 'text':
      if (v.length > (field.maxLength ?? 200)) return 'tooLong';
      return field.entry === 'name' && !isPersonName(v) ? 'personName' : null;
    case 'phone':
      return MOBILE_PATTERN.test(v.replace(/[\s-]/g, '')) ? null : 'phone';
    case 'date': {
      if (!ISO_DATE_PATTERN.test(v) || !isRealDate(v.replaceAll('-', ''))) return 'date';
      if (field.dateRule === 'past' && v > ctx.today) return 'dateFuture';
      if (field.dateRule === 'future' && v < ctx.today) return 'datePast';
      return null;
    }
    case 'select':
      return (field.options ?? []).some((o) => o.value === v) ? null : 'choose';
    case 'port':
      return ctx.ports.includes(v) ? null : 'choose';
    case 'groupCode':
      return GROUP_CODE_PATTERN.test(v.toUpperCase()) ? null : 'groupCode';
    case 'idNumber': {
      const r = validateIdNumber(v, ctx.today);
      return r.ok ? null : ID_PROBLEM[r.problem];
    }
  }
}

/**
 * The problem with a partly typed ID number, as early as it shows: a wrong character, a birth date
 * that cannot exist, or (at 18) a wrong check digit. Null while what is typed can still be right.
 */
export function partialIdProblem(typed: string, today: string): FieldProblem | null {
  const v = typed.toUpperCase();
  // X is only ever the check character, the 18th.
  if (!/^\d{0,17}$|^\d{17}[\dX]$/.test(v)) return 'idFormat';
  if (v.length >= 1 && v[0] === '0') return 'idRegion';
  if (v.length >= 14 && !isRealDate(v.slice(6, 14), today)) return 'idBirthDate';
  if (v.length === 18) {
    const r = validateIdNumber(v, today);
    return r.ok ? null : ID_PROBLEM[r.problem];
  }
  return null;
}
