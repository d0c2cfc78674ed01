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
  encodeUcs2Le(out, 0, TEXT_BYTES, '');
  const hmt = card.type === 'J';
  // What each field of a layout holds; a layout writes the fields it has, in its own places.
  const values: Readonly<Record<string, string>> = {
    ...card,
    // A Hong Kong, Macao or Taiwan residence permit names no ethnic group, and only it has these two.
    nation: hmt ? '' : card.nation,
    permitNumber: hmt ? card.permitNumber : '',
    issueCount: hmt ? card.issueCount : '',
    // The 2023 foreign card splits the English name over two fields.
    nameEn1: card.nameEn.slice(0, 35),
    nameEn2: card.nameEn.slice(35),
  };
  const layout = card.type === 'I' ? CARD_FIELDS.foreign2017 : card.type === 'Y' ? CARD_FIELDS.foreign2023 : CARD_FIELDS.resident;
  for (const [name, [offset, bytes]] of Object.entries(layout)) encodeUcs2Le(out, offset, bytes, values[name] ?? '');
  encodeUcs2Le(out, CARD_FIELDS.typeOffset, 2, card.type);
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
