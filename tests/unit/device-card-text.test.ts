import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CardFixtureSchema, encodeCardText } from '../../electron/domain/devices/card-fixture.js';
import { isExpired, parseCardText } from '../../electron/domain/devices/id-card-text.js';
import { NATIONS } from '../../electron/domain/devices/nations.js';
import { decodeUcs2Le } from '../../electron/domain/devices/ucs2.js';

const fixture = (name: string) =>
  CardFixtureSchema.parse(JSON.parse(readFileSync(join(import.meta.dirname, '../../scripts/sim/fixtures', `${name}.json`), 'utf8')));
const TODAY = '2026-11-24';

describe('256-byte card text', () => {
  it('puts each resident field at the offsets of hardware.md, UCS-2LE, space-padded', () => {
    const text = encodeCardText(fixture('resident'));
    expect(text.length).toBe(256);
    // 张 is U+5F20: little-endian 20 5F.
    expect([text[0], text[1]]).toEqual([0x20, 0x5f]);
    expect([text[6], text[7]]).toEqual([0x20, 0x00]);
    expect(decodeUcs2Le(text, 30, 2)).toBe('2');
    expect(decodeUcs2Le(text, 32, 4)).toBe('01');
    expect(decodeUcs2Le(text, 36, 16)).toBe('19491231');
    expect(decodeUcs2Le(text, 122, 36)).toBe('11010519491231002X');
    expect(decodeUcs2Le(text, 204, 16)).toBe('长期');
    expect(decodeUcs2Le(text, 248, 2)).toBe('');
  });

  it('decodes a resident card', () => {
    const r = parseCardText(encodeCardText(fixture('resident')), TODAY);
    expect(r).toEqual({
      ok: true,
      card: {
        cardType: 'resident',
        name: '张晓明',
        nameEn: null,
        gender: 'female',
        nationCode: '01',
        nationality: null,
        birthDate: '1949-12-31',
        address: '北京市朝阳区建国路1号',
        idNumber: '11010519491231002X',
        permitNumber: null,
        issueCount: null,
        authority: '北京市公安局朝阳分局',
        validFrom: '2020-01-01',
        validUntil: 'long_term',
      },
    });
  });

  it("decodes a 'J' residence permit with its permit number and issue count", () => {
    const r = parseCardText(encodeCardText(fixture('hmt-j')), TODAY);
    expect(r.ok && r.card).toMatchObject({
      cardType: 'hmt_residence',
      idNumber: '810000199001011230',
      permitNumber: 'H12345678',
      issueCount: '01',
      nationCode: null,
    });
  });

  it("decodes an 'I' foreign permanent resident card", () => {
    const r = parseCardText(encodeCardText(fixture('foreign-i')), TODAY);
    expect(r.ok && r.card).toMatchObject({
      cardType: 'foreign_permanent',
      name: '史密斯',
      nameEn: 'SMITH, JOHN',
      nationality: 'USA',
      idNumber: 'USA110085051201',
      birthDate: '1985-05-12',
      validUntil: '2027-06-01',
    });
  });

  it("decodes a 'Y' (2023) foreign permanent resident card, its English name in two parts", () => {
    const nameEn = 'VERYLONGSURNAMEFORTESTING, JOHANNES MAXIMILIAN';
    const text = encodeCardText(
      CardFixtureSchema.parse({
        type: 'Y',
        name: '马克',
        nameEn,
        gender: '1',
        birth: '19850512',
        idNumber: '911000198505120019',
        validFrom: '20230101',
        validUntil: '20330101',
        nationality: 'DEU',
      }),
    );
    const r = parseCardText(text, TODAY);
    expect(r.ok && r.card).toMatchObject({ cardType: 'foreign_permanent_2023', name: '马克', nameEn, nationality: 'DEU', idNumber: '911000198505120019' });
  });

  it('flags an expired card and refuses bad check digits, unknown types and non-digit dates by field', () => {
    const expired = parseCardText(encodeCardText(fixture('expired')), TODAY);
    expect(expired.ok && isExpired(expired.card, TODAY)).toBe(true);
    expect(parseCardText(encodeCardText(fixture('bad-check-digit')), TODAY)).toEqual({ ok: false, problem: 'bad_id_number', field: 'idNumber' });
    expect(parseCardText(encodeCardText(fixture('unknown-type')), TODAY)).toEqual({ ok: false, problem: 'unknown_card_type', field: 'cardType' });
    expect(parseCardText(encodeCardText(fixture('bad-date')), TODAY)).toEqual({ ok: false, problem: 'bad_date', field: 'birthDate' });
    const badNation = encodeCardText({ ...fixture('resident'), nation: '57' });
    expect(parseCardText(badNation, TODAY)).toEqual({ ok: false, problem: 'bad_nation', field: 'nationCode' });
    expect(parseCardText(new Uint8Array(255), TODAY)).toEqual({ ok: false, problem: 'bad_text', field: 'text' });
  });

  it('knows all 56 nations plus 97 and 98', () => {
    const codes = Object.keys(NATIONS);
    expect(codes).toHaveLength(58);
    expect(NATIONS['56']?.zh).toBe('基诺');
    expect(NATIONS['98']?.zh).toBe('外国血统中国籍人士');
  });
});
