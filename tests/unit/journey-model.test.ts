import { describe, expect, it } from 'vitest';
import { findService } from '../../electron/domain/catalog/catalog.js';
import type { Service } from '../../electron/domain/catalog/catalog-schema.js';
import type { CardView } from '../../electron/domain/devices/device-contract.js';
import {
  cardExpired,
  identityFromCard,
  identityFromNumber,
  prefilled,
  questionsFor,
  sharedAnswers,
  takesMembers,
} from '../../renderer/src/screens/kiosk/journey/journey-model.js';

function service(code: string): Service {
  const s = findService(code);
  if (!s) throw new Error(code);
  return s;
}

const CARD: CardView = {
  cardType: 'resident',
  name: '单文杰',
  nameEn: null,
  gender: 'male',
  nationCode: '01',
  nationality: null,
  birthDate: '1985-06-15',
  address: '内蒙古自治区呼和浩特市回民区中山西路1号',
  idNumber: '150102198506150311',
  permitNumber: null,
  issueCount: null,
  authority: '呼和浩特市公安局回民分局',
  validFrom: '2018-01-01',
  validUntil: '2038-01-01',
  hasPhoto: true,
  masked: { name: '单*杰', idNumber: '**************0311' },
};

describe('the journey asks only what it does not know', () => {
  it('a card answers name, sex, nation, birth date and address of a passport application', () => {
    const s = service('passport_first');
    const id = identityFromCard(CARD);
    expect(prefilled(s, id)).toMatchObject({ name: '单文杰', idNumber: '150102198506150311', gender: 'male', nation: '汉', birthDate: '1985-06-15' });
    expect(questionsFor(s, 0, id).map((f) => f.key)).toEqual(['pinyinName', 'phone']);
  });

  it('a typed number gives birth date and sex; name, nation and address are asked', () => {
    const s = service('passport_first');
    const id = identityFromNumber('150102199003080424', 'keypad');
    expect(id.known).toEqual({ birthDate: '1990-03-08', gender: 'female' });
    expect(questionsFor(s, 0, id).map((f) => f.key)).toEqual(['name', 'pinyinName', 'nation', 'phone', 'address']);
  });

  it('later tour members answer only their own fields and share the rest', () => {
    const s = service('border_tour_pass');
    const id = identityFromCard(CARD);
    expect(questionsFor(s, 1, id).map((f) => f.key)).toEqual(['pinyinName', 'phone']);
    const lead = { name: '甲', phone: '13900000001', port: 'manzhouli', travelDate: '2026-11-25', travelMode: 'agency_tour', groupCode: 'NM-1' };
    expect(sharedAnswers(s, lead)).toEqual({ port: 'manzhouli', travelDate: '2026-11-25', travelMode: 'agency_tour', groupCode: 'NM-1' });
    expect(takesMembers(s, lead)).toBe(true);
    expect(takesMembers(s, { ...lead, travelMode: 'individual' })).toBe(false);
    expect(takesMembers(service('passport_first'), lead)).toBe(false);
  });

  it('a card is expired after its last valid day; a long-term card never', () => {
    expect(cardExpired({ ...CARD, validUntil: '2026-11-23' }, '2026-11-24')).toBe(true);
    expect(cardExpired({ ...CARD, validUntil: '2026-11-24' }, '2026-11-24')).toBe(false);
    expect(cardExpired({ ...CARD, validUntil: 'long_term' }, '2026-11-24')).toBe(false);
  });
});
