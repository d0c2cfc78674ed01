import { z } from 'zod';
import { CARD_FIELDS, PHOTO_BYTES, TEXT_BYTES } from './id-card-text.js';
import { encodeUcs2Le } from './ucs2.js';

/**
 * A card as the simulator holds it: the raw strings written into the 256-byte block, unchecked, so
 * that a fixture can carry a bad check digit or a date with letters in it exactly as a faulty card
 * would. Validated with zod wherever it enters (CLI, sim route, fixture files).
 */
const text = (max: number) => z.string().max(max);
export const CardFixtureSchema = z
  .object({
    /** ' ' resident, 'J', 'I', 'Y', or any other character for an unknown card type. */
    type: z.string().length(1).default(' '),
    name: text(60).default(''),
    nameEn: text(60).default(''),
    gender: text(1).default('1'),
    nation: text(2).default('01'),
    nationality: text(3).default(''),
    birth: text(8).default(''),
    address: text(35).default(''),
    idNumber: text(18).default(''),
    authority: text(15).default(''),
    validFrom: text(8).default(''),
    validUntil: text(8).default(''),
    permitNumber: text(9).default(''),
    issueCount: text(2).default(''),
    /** 8 bytes the reader answers to "select card" with, as hex; a card's identity on the reader. */
    serial: z
      .string()
      .regex(/^[0-9a-fA-F]{16}$/)
      .default('0102030405060708'),
  })
  .strict();
export type CardFixture = z.output<typeof CardFixtureSchema>;

export function encodeCardText(card: CardFixture): Uint8Array {
  const out = new Uint8Array(TEXT_BYTES);
  const put = (f: readonly [number, number], v: string) => encodeUcs2Le(out, f[0], f[1], v);
  put([0, TEXT_BYTES], '');
  if (card.type === 'I') {
    const f = CARD_FIELDS.foreign2017;
    put(f.nameEn, card.nameEn);
    put(f.gender, card.gender);
    put(f.idNumber, card.idNumber);
    put(f.nationality, card.nationality);
    put(f.name, card.name);
    put(f.validFrom, card.validFrom);
    put(f.validUntil, card.validUntil);
    put(f.birth, card.birth);
    put(f.authority, card.authority);
  } else if (card.type === 'Y') {
    const f = CARD_FIELDS.foreign2023;
    put(f.name, card.name);
    put(f.gender, card.gender);
    put(f.birth, card.birth);
    put(f.nameEn1, card.nameEn.slice(0, 35));
    put(f.idNumber, card.idNumber);
    put(f.validFrom, card.validFrom);
    put(f.validUntil, card.validUntil);
    put(f.nameEn2, card.nameEn.slice(35));
    put(f.nationality, card.nationality);
  } else {
    const f = CARD_FIELDS.resident;
    put(f.name, card.name);
    put(f.gender, card.gender);
    put(f.nation, card.type === 'J' ? '' : card.nation);
    put(f.birth, card.birth);
    put(f.address, card.address);
    put(f.idNumber, card.idNumber);
    put(f.authority, card.authority);
    put(f.validFrom, card.validFrom);
    put(f.validUntil, card.validUntil);
    if (card.type === 'J') {
      put(f.permitNumber, card.permitNumber);
      put(f.issueCount, card.issueCount);
    }
  }
  put([CARD_FIELDS.typeOffset, 2], card.type);
  return out;
}

/** A stand-in for the WLT photo: only vendor libraries decode it, so any fixed bytes do. */
export function fixturePhoto(): Uint8Array {
  const photo = new Uint8Array(PHOTO_BYTES);
  photo.set([0x57, 0x4c, 0x66, 0x00], 0);
  return photo;
}

export function serialBytes(card: CardFixture): Uint8Array {
  const out = new Uint8Array(8);
  for (let i = 0; i < 8; i++) out[i] = parseInt(card.serial.slice(i * 2, i * 2 + 2), 16);
  return out;
}
