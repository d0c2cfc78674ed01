import type { Field, Service, Text } from '@domain/catalog/catalog-schema.js';
import { isBlankValue } from '@domain/catalog/field-check.js';
import type { FormData, FormValue } from '@domain/catalog/form-schema.js';
import { NATIONS } from '@domain/devices/nations.js';
import type { CardView } from '@domain/devices/device-contract.js';
import { validateIdNumber } from '@domain/identity/id-number.js';

/**
 * The kiosk journey's data and its pure rules: who the applicant is, which questions remain to be
 * asked, what a group member shares with the first. Kept apart from the screens so that the rules
 * read in one place and the screens only draw them.
 */

export type CatalogLanguage = 'zh-CN' | 'mn' | 'en';

export function catalogLanguage(lng: string): CatalogLanguage {
  return lng === 'en' || lng === 'mn' ? lng : 'zh-CN';
}

export function textIn(text: Text, lng: string): string {
  return text[catalogLanguage(lng)];
}

/** How the applicant proved who they are, and what that gave us. */
export interface Identity {
  source: 'card' | 'keypad' | 'appointment';
  idNumber: string;
  /** Answers known from the card (or derived from the ID number), keyed by prefill source. */
  known: Partial<Record<'name' | 'gender' | 'nation' | 'birthDate' | 'address', string>>;
}

export interface Member {
  identity: Identity;
  answers: FormData;
  /** Codes of the materials the applicant ticked as brought. */
  materials: string[];
}

/** Identity from a card read. Only resident cards and the 'J' permit carry a GB 11643 number. */
export function identityFromCard(card: CardView): Identity {
  const known: Identity['known'] = { name: card.name, birthDate: card.birthDate };
  if (card.gender === 'male' || card.gender === 'female') known.gender = card.gender;
  const nation = card.nationCode ? NATIONS[card.nationCode]?.zh : undefined;
  if (nation) known.nation = nation;
  if (card.address) known.address = card.address;
  return { source: 'card', idNumber: card.idNumber, known };
}

/** Identity from a typed (or appointment-held) ID number: its birth date and sex are in the number. */
export function identityFromNumber(idNumber: string, source: 'keypad' | 'appointment', name?: string | null): Identity {
  const r = validateIdNumber(idNumber);
  const known: Identity['known'] = {};
  if (r.ok) {
    known.birthDate = r.birthDate;
    known.gender = r.sex;
  }
  if (name) known.name = name;
  return { source, idNumber: r.ok ? r.value : idNumber, known };
}

/** A card is expired when its last valid day is before today ('long_term' never is). */
export function cardExpired(card: CardView, today: string): boolean {
  return card.validUntil !== 'long_term' && card.validUntil < today;
}

/** Services for which an expired resident card is the reason to come, not a reason to refuse. */
export const EXPIRED_CARD_WELCOME = new Set(['id_card_renewal', 'id_card_reissue', 'temp_id_card']);

/**
 * A field belongs to each group member (their name, number, phone …) or to the whole group (port,
 * travel date, how they travel, the tour code): the later members only answer their own.
 */
export function isPersonal(f: Field): boolean {
  return f.prefill !== undefined || f.type === 'pinyinName' || f.type === 'phone' || f.type === 'idNumber';
}

/** The answers an identity gives, as form values. */
export function prefilled(service: Service, identity: Identity): FormData {
  const out: FormData = {};
  for (const f of service.fields) {
    if (f.prefill === 'idNumber') out[f.key] = identity.idNumber;
    else if (f.prefill && f.prefill !== 'validUntil') {
      const v = identity.known[f.prefill];
      if (v) out[f.key] = v;
    }
  }
  return out;
}

/**
 * The questions to ask a member, in catalog order: the applicant's own ID number is never asked
 * (it is how they identified), answers the card gave are shown on the check page instead, and a
 * later group member answers only their own fields.
 */
export function questionsFor(service: Service, memberIndex: number, identity: Identity): Field[] {
  const fromCard = prefilled(service, identity);
  return service.fields.filter((f) => {
    if (f.prefill === 'idNumber') return false;
    if (memberIndex > 0 && !isPersonal(f)) return false;
    return fromCard[f.key] === undefined;
  });
}

/** Whether this service, with these answers, is a tour group that more members can join. */
export function takesMembers(service: Service, answers: FormData): boolean {
  return service.groupAllowed && answers['travelMode'] === 'agency_tour';
}

/** A later member's answers start from the group's shared ones. */
export function sharedAnswers(service: Service, lead: FormData): FormData {
  const out: FormData = {};
  for (const f of service.fields) {
    const v = lead[f.key];
    if (!isPersonal(f) && v !== undefined) out[f.key] = v;
  }
  return out;
}

/** The form as sent: blank answers left out (the host treats them as unanswered). */
export function formToSend(answers: FormData): Record<string, FormValue> {
  const out: Record<string, FormValue> = {};
  for (const [k, v] of Object.entries(answers)) if (!isBlankValue(v)) out[k] = v;
  return out;
}

/** A material's name in the reader's language (its code if the catalog no longer has it). */
export function materialName(service: Service, code: string, lng: string): string {
  const m = service.materials.find((x) => x.code === code);
  return m ? textIn(m.name, lng) : code;
}
