import { describe, expect, it } from 'vitest';
import { idCheckChar, validateIdNumber } from '../../electron/domain/identity/id-number.js';

describe('GB 11643 ID numbers', () => {
  it('accepts the valid examples of hardware.md with birth date and sex', () => {
    expect(validateIdNumber('11010519491231002X')).toEqual({
      ok: true,
      value: '11010519491231002X',
      region: '110105',
      birthDate: '1949-12-31',
      sex: 'female',
      legacy: false,
    });
    expect(validateIdNumber('360426199101010071')).toMatchObject({ ok: true, birthDate: '1991-01-01', sex: 'male' });
  });

  it('accepts a lower-case x and surrounding spaces', () => {
    expect(validateIdNumber(' 11010519491231002x ')).toMatchObject({ ok: true, value: '11010519491231002X' });
  });

  it('computes the MOD 11-2 check character', () => {
    expect(idCheckChar('11010519491231002')).toBe('X');
    expect(idCheckChar('36042619910101007')).toBe('1');
  });

  it('names the problem', () => {
    expect(validateIdNumber('110105194912310021')).toEqual({ ok: false, problem: 'check_digit' });
    expect(validateIdNumber('110105194913310025')).toEqual({ ok: false, problem: 'birth_date' });
    expect(validateIdNumber('11010519490230002X')).toEqual({ ok: false, problem: 'birth_date' });
    expect(validateIdNumber('1101051949123100')).toEqual({ ok: false, problem: 'format' });
    expect(validateIdNumber('11010519491231002Y')).toEqual({ ok: false, problem: 'format' });
    expect(validateIdNumber('011005194912310020')).toEqual({ ok: false, problem: 'region' });
    expect(validateIdNumber('360426209101010071', '2026-11-24')).toEqual({ ok: false, problem: 'birth_date' });
  });

  it('accepts legacy 15-digit numbers (19YY, no check character)', () => {
    expect(validateIdNumber('110105491231002')).toEqual({
      ok: true,
      value: '110105491231002',
      region: '110105',
      birthDate: '1949-12-31',
      sex: 'female',
      legacy: true,
    });
    expect(validateIdNumber('110105491331002')).toEqual({ ok: false, problem: 'birth_date' });
  });
});
