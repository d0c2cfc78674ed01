import { validateIdNumber, isoDate, isRealDate } from '../identity/id-number.js';
import { genderFor, isNationCode, type Gender } from './nations.js';
import { decodeUcs2Le } from './ucs2.js';

/** The text block a card holds: 256 bytes of UCS-2LE (hardware.md §1). */
export const TEXT_BYTES = 256;
export const PHOTO_BYTES = 1024;
const TYPE_OFFSET = 248;

export const CARD_TYPES = ['resident', 'hmt_residence', 'foreign_permanent', 'foreign_permanent_2023'] as const;
export type CardType = (typeof CARD_TYPES)[number];
/** The character at offset 248 for each type; the resident card leaves it blank. */
export const CARD_TYPE_CHAR: Record<CardType, string> = { resident: ' ', hmt_residence: 'J', foreign_permanent: 'I', foreign_permanent_2023: 'Y' };

export interface CardText {
  cardType: CardType;
  /** Chinese name; for a foreign card without one, the English name. */
  name: string;
  nameEn: string | null;
  gender: Gender;
  nationCode: string | null;
  nationality: string | null;
  /** YYYY-MM-DD */
  birthDate: string;
  address: string | null;
  /** Resident ID number, or the permit number of a foreign permanent resident card. */
  idNumber: string;
  /** 'J' cards: the Mainland travel permit number printed on the back. */
  permitNumber: string | null;
  issueCount: string | null;
  authority: string;
  validFrom: string;
  /** YYYY-MM-DD, or 'long_term' (长期). */
  validUntil: string;
}

export type CardTextProblem = 'unknown_card_type' | 'bad_date' | 'bad_gender' | 'bad_nation' | 'bad_id_number' | 'bad_text';
export type CardTextResult = { ok: true; card: CardText } | { ok: false; problem: CardTextProblem; field: string };

type Field = readonly [offset: number, bytes: number];
const RESIDENT = {
  name: [0, 30],
  gender: [30, 2],
  nation: [32, 4],
  birth: [36, 16],
  address: [52, 70],
  idNumber: [122, 36],
  authority: [158, 30],
  validFrom: [188, 16],
  validUntil: [204, 16],
  permitNumber: [220, 18],
  issueCount: [238, 4],
} as const satisfies Record<string, Field>;
const FOREIGN_2017 = {
  nameEn: [0, 120],
  gender: [120, 2],
  idNumber: [122, 30],
  nationality: [152, 6],
  name: [158, 30],
  validFrom: [188, 16],
  validUntil: [204, 16],
  birth: [220, 16],
  authority: [240, 8],
} as const satisfies Record<string, Field>;
const FOREIGN_2023 = {
  name: [0, 30],
  gender: [30, 2],
  birth: [36, 16],
  nameEn1: [52, 70],
  idNumber: [122, 36],
  validFrom: [188, 16],
  validUntil: [204, 16],
  nameEn2: [220, 22],
  nationality: [242, 6],
} as const satisfies Record<string, Field>;

/** What a foreign permanent residence card does not carry, whichever its layout. */
const NOT_ON_FOREIGN_CARDS = { nationCode: null, address: null, permitNumber: null, issueCount: null } as const;

class Refused {
  constructor(
    readonly problem: CardTextProblem,
    readonly field: string,
  ) {}
}

export function cardTypeOf(text: Uint8Array): CardType | null {
  const c = decodeUcs2Le(text, TYPE_OFFSET, 2);
  if (c === '' || c === ' ') return 'resident';
  if (c === 'J') return 'hmt_residence';
  if (c === 'I') return 'foreign_permanent';
  if (c === 'Y') return 'foreign_permanent_2023';
  return null;
}

/** Decodes and checks the 256-byte text block. Never throws: a refusal names the bad field. */
export function parseCardText(text: Uint8Array, today?: string): CardTextResult {
  try {
    return { ok: true, card: decode(text, today) };
  } catch (err) {
    if (err instanceof Refused) return { ok: false, problem: err.problem, field: err.field };
    return { ok: false, problem: 'bad_text', field: 'text' };
  }
}

function decode(text: Uint8Array, today: string | undefined): CardText {
  if (text.length !== TEXT_BYTES) throw new Refused('bad_text', 'text');
  const type = cardTypeOf(text);
  if (!type) throw new Refused('unknown_card_type', 'cardType');
  const get = (f: Field) => decodeUcs2Le(text, f[0], f[1]);
  const date = (f: Field, field: string) => {
    const v = get(f);
    if (!isRealDate(v)) throw new Refused('bad_date', field);
    return isoDate(v);
  };
  const until = (f: Field) => (get(f) === '长期' ? 'long_term' : date(f, 'validUntil'));
  const gender = (f: Field) => {
    const g = genderFor(get(f));
    if (!g) throw new Refused('bad_gender', 'gender');
    return g;
  };

  if (type === 'foreign_permanent') {
    const f = FOREIGN_2017;
    const idNumber = get(f.idNumber);
    if (!/^[A-Z]{3}\d{12}$/.test(idNumber)) throw new Refused('bad_id_number', 'idNumber');
    const nameEn = get(f.nameEn);
    const name = get(f.name);
    return {
      cardType: type,
      name: name || nameEn,
      nameEn,
      gender: gender(f.gender),
      ...NOT_ON_FOREIGN_CARDS,
      nationality: get(f.nationality),
      birthDate: date(f.birth, 'birthDate'),
      idNumber,
      authority: get(f.authority),
      validFrom: date(f.validFrom, 'validFrom'),
      validUntil: until(f.validUntil),
    };
  }

  const f = type === 'foreign_permanent_2023' ? FOREIGN_2023 : RESIDENT;
  const birthDate = date(f.birth, 'birthDate');
  const id = validateIdNumber(get(f.idNumber), today);
  if (!id.ok || id.legacy) throw new Refused('bad_id_number', 'idNumber');
  // The number carries the birth date as well; a card where they differ was not written by a PSB.
  if (id.birthDate !== birthDate) throw new Refused('bad_id_number', 'idNumber');
  if (type === 'foreign_permanent_2023') {
    const g = FOREIGN_2023;
    const nameEn = `${get(g.nameEn1)}${get(g.nameEn2)}`.trim();
    const name = get(g.name);
    return {
      cardType: type,
      name: name || nameEn,
      nameEn,
      gender: gender(g.gender),
      ...NOT_ON_FOREIGN_CARDS,
      nationality: get(g.nationality),
      birthDate,
      idNumber: id.value,
      authority: '',
      validFrom: date(g.validFrom, 'validFrom'),
      validUntil: until(g.validUntil),
    };
  }
  const r = RESIDENT;
  const hmt = type === 'hmt_residence';
  if (hmt && !/^8[123]0000$/.test(id.region)) throw new Refused('bad_id_number', 'idNumber');
  const nation = get(r.nation);
  if (!hmt && !isNationCode(nation)) throw new Refused('bad_nation', 'nationCode');
  const name = get(r.name);
  if (name === '') throw new Refused('bad_text', 'name');
  return {
    cardType: type,
    name,
    nameEn: null,
    gender: gender(r.gender),
    nationCode: hmt ? null : nation,
    nationality: null,
    birthDate,
    address: get(r.address),
    idNumber: id.value,
    permitNumber: hmt ? get(r.permitNumber) : null,
    issueCount: hmt ? get(r.issueCount) : null,
    authority: get(r.authority),
    validFrom: date(r.validFrom, 'validFrom'),
    validUntil: until(r.validUntil),
  };
}

/** A card whose validity ended before `today` (YYYY-MM-DD) must not identify anyone. */
export function isExpired(card: Pick<CardText, 'validUntil'>, today: string): boolean {
  return card.validUntil !== 'long_term' && card.validUntil < today;
}

export const CARD_FIELDS = { resident: RESIDENT, foreign2017: FOREIGN_2017, foreign2023: FOREIGN_2023, typeOffset: TYPE_OFFSET } as const;
