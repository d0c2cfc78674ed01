/**
 * Machine-readable zones (ICAO Doc 9303): TD1 cards (3×30), TD2 (2×36), TD3 passports (2×44), and
 * the one-line 30-character zone of the Chinese exit-entry permits (往来港澳/台湾通行证). Written here
 * rather than taken from the `mrz` package: that package is ESM-only, does not know the Chinese
 * permit, and the rule is ten lines. Every refusal names the field that failed.
 */
export type MrzFormat = 'TD1' | 'TD2' | 'TD3' | 'CN_PERMIT';

export interface MrzResult {
  format: MrzFormat;
  documentCode: string;
  issuingState: string;
  documentNumber: string;
  nationality: string;
  surname: string;
  givenNames: string;
  /** YYMMDD as printed; the century is the caller's guess. */
  birthDate: string;
  sex: 'male' | 'female' | 'unspecified';
  expiryDate: string;
  personalNumber: string;
}

export type MrzProblem = 'format' | 'characters' | 'check_digit' | 'date';
export type MrzParse = { ok: true; mrz: MrzResult } | { ok: false; problem: MrzProblem; field: string };

const MRZ_CHARS = /^[A-Z0-9<]+$/;

export function mrzCharValue(c: string): number {
  if (c === '<') return 0;
  const code = c.charCodeAt(0);
  if (code >= 48 && code <= 57) return code - 48;
  if (code >= 65 && code <= 90) return code - 55;
  return -1;
}

/** Weights 7 3 1 repeating, sum mod 10. */
export function mrzCheckDigit(text: string): number {
  let sum = 0;
  for (let i = 0; i < text.length; i++) sum += Math.max(0, mrzCharValue(text[i] ?? '<')) * ([7, 3, 1][i % 3] ?? 0);
  return sum % 10;
}

class Refused {
  constructor(
    readonly problem: MrzProblem,
    readonly field: string,
  ) {}
}

function check(value: string, digit: string | undefined, field: string): void {
  // ICAO allows '<' as the check of an empty optional field.
  if (digit === '<' && /^<*$/.test(value)) return;
  if (digit === undefined || String(mrzCheckDigit(value)) !== digit) throw new Refused('check_digit', field);
}

function yymmdd(value: string, field: string): string {
  if (!/^\d{6}$/.test(value)) throw new Refused('date', field);
  const m = Number(value.slice(2, 4));
  const d = Number(value.slice(4, 6));
  if (m < 1 || m > 12 || d < 1 || d > 31) throw new Refused('date', field);
  return value;
}

const clean = (s: string) => s.replace(/<+$/g, '').replace(/</g, ' ').trim();
const sexOf = (c: string | undefined) => (c === 'M' ? 'male' : c === 'F' ? 'female' : 'unspecified');

function names(field: string): { surname: string; givenNames: string } {
  const [surname = '', given = ''] = field.split('<<', 2);
  return { surname: clean(surname), givenNames: clean(given.replace(/^<+/, '')) };
}

/** Accepts the lines as an array or as one string with line breaks; spaces and case are forgiven. */
export function parseMrz(input: string | readonly string[]): MrzParse {
  const lines = (typeof input === 'string' ? input.split(/\r?\n/) : [...input]).map((l) => l.replace(/\s+/g, '').toUpperCase()).filter((l) => l !== '');
  try {
    for (const [i, l] of lines.entries()) if (!MRZ_CHARS.test(l)) throw new Refused('characters', `line${i + 1}`);
    const shape = lines.map((l) => l.length).join('x');
    if (shape === '44x44') return { ok: true, mrz: twoLine('TD3', lines[0] ?? '', lines[1] ?? '') };
    if (shape === '36x36') return { ok: true, mrz: twoLine('TD2', lines[0] ?? '', lines[1] ?? '') };
    if (shape === '30x30x30') return { ok: true, mrz: td1(lines[0] ?? '', lines[1] ?? '', lines[2] ?? '') };
    if (shape === '30' && /^C[A-Z]/.test(lines[0] ?? '')) return { ok: true, mrz: cnPermit(lines[0] ?? '') };
    throw new Refused('format', 'lines');
  } catch (err) {
    if (err instanceof Refused) return { ok: false, problem: err.problem, field: err.field };
    throw err;
  }
}

/**
 * TD3 (passports, 2×44) and TD2 (2×36) share one layout: the second line differs only in where the
 * optional data ends, and TD2's optional data has no check digit of its own.
 */
function twoLine(format: 'TD3' | 'TD2', l1: string, l2: string): MrzResult {
  const optionalEnd = format === 'TD3' ? 42 : 35;
  check(l2.slice(0, 9), l2[9], 'documentNumber');
  check(l2.slice(13, 19), l2[19], 'birthDate');
  check(l2.slice(21, 27), l2[27], 'expiryDate');
  if (format === 'TD3') check(l2.slice(28, 42), l2[42], 'personalNumber');
  const compositeAt = format === 'TD3' ? 43 : 35;
  check(l2.slice(0, 10) + l2.slice(13, 20) + l2.slice(21, compositeAt), l2[compositeAt], 'composite');
  return {
    format,
    documentCode: clean(l1.slice(0, 2)),
    issuingState: clean(l1.slice(2, 5)),
    ...names(l1.slice(5)),
    documentNumber: clean(l2.slice(0, 9)),
    nationality: clean(l2.slice(10, 13)),
    birthDate: yymmdd(l2.slice(13, 19), 'birthDate'),
    sex: sexOf(l2[20]),
    expiryDate: yymmdd(l2.slice(21, 27), 'expiryDate'),
    personalNumber: clean(l2.slice(28, optionalEnd)),
  };
}

function td1(l1: string, l2: string, l3: string): MrzResult {
  check(l1.slice(5, 14), l1[14], 'documentNumber');
  check(l2.slice(0, 6), l2[6], 'birthDate');
  check(l2.slice(8, 14), l2[14], 'expiryDate');
  check(l1.slice(5, 30) + l2.slice(0, 7) + l2.slice(8, 15) + l2.slice(18, 29), l2[29], 'composite');
  return {
    format: 'TD1',
    documentCode: clean(l1.slice(0, 2)),
    issuingState: clean(l1.slice(2, 5)),
    ...names(l3),
    documentNumber: clean(l1.slice(5, 14)),
    nationality: clean(l2.slice(15, 18)),
    birthDate: yymmdd(l2.slice(0, 6), 'birthDate'),
    sex: sexOf(l2[7]),
    expiryDate: yymmdd(l2.slice(8, 14), 'expiryDate'),
    personalNumber: clean(l1.slice(15, 30)),
  };
}

/**
 * The one-line zone of the electronic exit-entry permits (CS = Hong Kong/Macao; per one public
 * parser, unverified against a specimen): type [0,2), number [2,11) + check 11, expiry [13,19) +
 * check 19, birth [21,27) + check 27, composite 29 over [2,12)+[13,20)+[21,28).
 */
function cnPermit(l: string): MrzResult {
  check(l.slice(2, 11), l[11], 'documentNumber');
  check(l.slice(13, 19), l[19], 'expiryDate');
  check(l.slice(21, 27), l[27], 'birthDate');
  check(l.slice(2, 12) + l.slice(13, 20) + l.slice(21, 28), l[29], 'composite');
  return {
    format: 'CN_PERMIT',
    documentCode: l.slice(0, 2),
    issuingState: 'CHN',
    surname: '',
    givenNames: '',
    documentNumber: clean(l.slice(2, 11)),
    nationality: 'CHN',
    birthDate: yymmdd(l.slice(21, 27), 'birthDate'),
    sex: 'unspecified',
    expiryDate: yymmdd(l.slice(13, 19), 'expiryDate'),
    personalNumber: '',
  };
}
