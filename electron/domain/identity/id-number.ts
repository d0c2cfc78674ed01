/**
 * Resident ID numbers (GB 11643-1999): 6-digit region, birth date YYYYMMDD, 3-digit sequence (odd
 * = male), and a check character (ISO 7064 MOD 11-2). The kiosk uses the same rule for numbers
 * read from a card and for numbers typed by hand.
 */
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const CHECK_CHARS = '10X98765432';

export type IdNumberProblem = 'format' | 'check_digit' | 'birth_date' | 'region';

export type IdNumberResult =
  | {
      ok: true;
      /** 18 characters, upper-case X; a legacy number stays 15 digits. */
      value: string;
      region: string;
      birthDate: string;
      sex: 'male' | 'female';
      legacy: boolean;
    }
  | { ok: false; problem: IdNumberProblem };

export function idCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * (WEIGHTS[i] ?? 0);
  return CHECK_CHARS[sum % 11] ?? '?';
}

/** A calendar date that exists and is not in the future relative to `today` (YYYY-MM-DD), if given. */
export function isRealDate(yyyymmdd: string, today?: string): boolean {
  if (!/^\d{8}$/.test(yyyymmdd)) return false;
  const y = Number(yyyymmdd.slice(0, 4));
  const m = Number(yyyymmdd.slice(4, 6));
  const d = Number(yyyymmdd.slice(6, 8));
  if (y < 1850 || m < 1 || m > 12 || d < 1) return false;
  const days = new Date(Date.UTC(y, m, 0)).getUTCDate();
  if (d > days) return false;
  return today === undefined || isoDate(yyyymmdd) <= today;
}

export function isoDate(yyyymmdd: string): string {
  return `${yyyymmdd.slice(0, 4)}-${yyyymmdd.slice(4, 6)}-${yyyymmdd.slice(6, 8)}`;
}

export function validateIdNumber(input: string, today?: string): IdNumberResult {
  const value = input.trim().toUpperCase();
  if (/^\d{15}$/.test(value)) {
    const birth = `19${value.slice(6, 12)}`;
    if (!isRealDate(birth, today)) return { ok: false, problem: 'birth_date' };
    return { ok: true, value, region: value.slice(0, 6), birthDate: isoDate(birth), sex: Number(value[14]) % 2 === 1 ? 'male' : 'female', legacy: true };
  }
  if (!/^\d{17}[\dX]$/.test(value)) return { ok: false, problem: 'format' };
  if (!/^[1-9]\d{5}$/.test(value.slice(0, 6))) return { ok: false, problem: 'region' };
  const birth = value.slice(6, 14);
  if (!isRealDate(birth, today)) return { ok: false, problem: 'birth_date' };
  if (idCheckChar(value) !== value[17]) return { ok: false, problem: 'check_digit' };
  return { ok: true, value, region: value.slice(0, 6), birthDate: isoDate(birth), sex: Number(value[16]) % 2 === 1 ? 'male' : 'female', legacy: false };
}
