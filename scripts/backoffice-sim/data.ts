import { idCheckChar } from '../../electron/domain/identity/id-number.js';

/**
 * The simulator's small, shipped data set: obviously fake people (region 150102, sequence 9xx,
 * names 测试…) with valid check digits, so the hall's own ID validation accepts them. Each back
 * office sees only its own part: the household register the households, the traffic platform the
 * licences and vehicles, the exit-entry system the travel documents and exits.
 */
export function fakeId(birth: string, seq: string): string {
  const first17 = `150102${birth}${seq}`;
  return first17 + idCheckChar(first17);
}

export interface HouseholdRecord {
  name: string;
  householdNo: string;
  address: string;
  /** Registered at a legal, stable residence (the property register agrees). */
  residenceRegistered: boolean;
  kin: { idNumber: string; relation: string }[];
  /** Children's medical birth certificates on file (their certificate numbers). */
  birthCertificates: string[];
}

export interface TrafficRecord {
  licence: { number: string; status: 'valid' | 'suspended' | 'expired'; points: number; medicalOnFile: boolean } | null;
  vehicles: { plate: string; insured: boolean; inspected: boolean }[];
}

export interface ExitEntryRecord {
  documents: { kind: 'passport' | 'hk_macao_permit' | 'taiwan_permit'; number: string; status: 'valid' | 'expired' | 'cancelled' }[];
  exits: { date: string; port: string }[];
}

export const PEOPLE = {
  /** Everything on file, everywhere. */
  complete: fakeId('19850312', '901'),
  /** Known to the household register only, with no proof of residence. */
  householdOnly: fakeId('19900101', '902'),
  /** A licence suspended for points; no vehicle. */
  suspended: fakeId('19781120', '913'),
  /** Nobody knows this one. */
  unknown: fakeId('20000229', '924'),
} as const;

const spouse = fakeId('19870704', '935');

export const HOUSEHOLDS: ReadonlyMap<string, HouseholdRecord> = new Map([
  [
    PEOPLE.complete,
    {
      name: '测试甲',
      householdNo: 'HH-TEST-0001',
      address: '测试市测试路1号',
      residenceRegistered: true,
      kin: [{ idNumber: spouse, relation: 'spouse' }],
      birthCertificates: ['TEST-BC-0001'],
    },
  ],
  [
    spouse,
    {
      name: '测试乙',
      householdNo: 'HH-TEST-0001',
      address: '测试市测试路1号',
      residenceRegistered: true,
      kin: [{ idNumber: PEOPLE.complete, relation: 'spouse' }],
      birthCertificates: ['TEST-BC-0001'],
    },
  ],
  [
    PEOPLE.householdOnly,
    { name: '测试丙', householdNo: 'HH-TEST-0002', address: '测试市测试路2号', residenceRegistered: false, kin: [], birthCertificates: [] },
  ],
  [PEOPLE.suspended, { name: '测试丁', householdNo: 'HH-TEST-0003', address: '测试市测试路3号', residenceRegistered: true, kin: [], birthCertificates: [] }],
]);

export const TRAFFIC: ReadonlyMap<string, TrafficRecord> = new Map([
  [
    PEOPLE.complete,
    {
      licence: { number: 'TEST-DL-0001', status: 'valid', points: 0, medicalOnFile: true },
      vehicles: [{ plate: '测A·TEST1', insured: true, inspected: true }],
    },
  ],
  [PEOPLE.suspended, { licence: { number: 'TEST-DL-0003', status: 'suspended', points: 12, medicalOnFile: false }, vehicles: [] }],
]);

export const EXIT_ENTRY: ReadonlyMap<string, ExitEntryRecord> = new Map([
  [
    PEOPLE.complete,
    {
      documents: [{ kind: 'passport', number: 'TEST-E0000001', status: 'valid' }],
      exits: [{ date: '2025-07-01', port: '满洲里' }],
    },
  ],
]);
