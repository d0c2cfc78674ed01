import { describe, expect, it } from 'vitest';
import { mrzCheckDigit, parseMrz } from '../../electron/domain/identity/mrz.js';

const TD3 = ['P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<', 'L898902C36UTO7408122F1204159ZE184226B<<<<<10'];
// ICAO Doc 9303 part 5 and part 6 specimens.
const TD1 = ['I<UTOD231458907<<<<<<<<<<<<<<<', '7408122F1204159UTO<<<<<<<<<<<6', 'ERIKSSON<<ANNA<MARIA<<<<<<<<<<'];
const TD2 = ['I<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<', 'D231458907UTO7408122F1204159<<<<<<<6'];

function withCheck(body: string): string {
  return body + String(mrzCheckDigit(body));
}
/** A one-line exit-entry permit built with the rule: number, expiry, birth, composite. */
function permit(number: string, expiry: string, birth: string): string {
  const a = withCheck(number);
  const b = withCheck(expiry);
  const c = withCheck(birth);
  return `CS${a}<${b}<${c}<${mrzCheckDigit(a + b + c)}`;
}

describe('MRZ', () => {
  it('parses the TD3 specimen with all five check digits', () => {
    const r = parseMrz(TD3);
    expect(r).toEqual({
      ok: true,
      mrz: {
        format: 'TD3',
        documentCode: 'P',
        issuingState: 'UTO',
        surname: 'ERIKSSON',
        givenNames: 'ANNA MARIA',
        documentNumber: 'L898902C3',
        nationality: 'UTO',
        birthDate: '740812',
        sex: 'female',
        expiryDate: '120415',
        personalNumber: 'ZE184226B',
      },
    });
  });

  it('parses the TD1 and TD2 specimens', () => {
    expect(parseMrz(TD1.join('\n'))).toMatchObject({
      ok: true,
      mrz: { format: 'TD1', documentNumber: 'D23145890', surname: 'ERIKSSON', givenNames: 'ANNA MARIA', sex: 'female' },
    });
    expect(parseMrz(TD2)).toMatchObject({ ok: true, mrz: { format: 'TD2', documentNumber: 'D23145890', expiryDate: '120415' } });
  });

  it('names the field whose check digit is wrong', () => {
    const bad = (line: string, at: number) => line.slice(0, at) + String((Number(line[at]) + 1) % 10) + line.slice(at + 1);
    expect(parseMrz([TD3[0]!, bad(TD3[1]!, 9)])).toEqual({ ok: false, problem: 'check_digit', field: 'documentNumber' });
    expect(parseMrz([TD3[0]!, bad(TD3[1]!, 19)])).toEqual({ ok: false, problem: 'check_digit', field: 'birthDate' });
    expect(parseMrz([TD3[0]!, bad(TD3[1]!, 27)])).toEqual({ ok: false, problem: 'check_digit', field: 'expiryDate' });
    expect(parseMrz([TD3[0]!, bad(TD3[1]!, 42)])).toEqual({ ok: false, problem: 'check_digit', field: 'personalNumber' });
    expect(parseMrz([TD3[0]!, bad(TD3[1]!, 43)])).toEqual({ ok: false, problem: 'check_digit', field: 'composite' });
    expect(parseMrz([TD1[0]!, bad(TD1[1]!, 29), TD1[2]!])).toEqual({ ok: false, problem: 'check_digit', field: 'composite' });
  });

  it('parses the one-line Chinese exit-entry permit', () => {
    const line = permit('C12345678', '300101', '900815');
    expect(line).toHaveLength(30);
    expect(parseMrz(line)).toMatchObject({
      ok: true,
      mrz: { format: 'CN_PERMIT', documentCode: 'CS', documentNumber: 'C12345678', expiryDate: '300101', birthDate: '900815' },
    });
    const broken = line.slice(0, 19) + String((Number(line[19]) + 1) % 10) + line.slice(20);
    expect(parseMrz(broken)).toEqual({ ok: false, problem: 'check_digit', field: 'expiryDate' });
  });

  it('refuses bad characters, shapes and dates', () => {
    expect(parseMrz(['P<UTO?', 'x'])).toEqual({ ok: false, problem: 'characters', field: 'line1' });
    expect(parseMrz(['ABC'])).toEqual({ ok: false, problem: 'format', field: 'lines' });
    const badDate = 'L898902C36UTO7413122F1204159ZE184226B<<<<<10';
    const fixed = badDate.slice(0, 19) + String(mrzCheckDigit('741312')) + badDate.slice(20);
    expect(parseMrz([TD3[0]!, fixed.slice(0, 43) + String(mrzCheckDigit(fixed.slice(0, 10) + fixed.slice(13, 20) + fixed.slice(21, 43)))])).toEqual({
      ok: false,
      problem: 'date',
      field: 'birthDate',
    });
  });
});
