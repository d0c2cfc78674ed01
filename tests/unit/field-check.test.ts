import { describe, expect, it } from 'vitest';
import { serviceCatalog } from '../../electron/domain/catalog/catalog.js';
import type { Field } from '../../electron/domain/catalog/catalog-schema.js';
import { checkField, partialIdProblem } from '../../electron/domain/catalog/field-check.js';
import { formSchema, type FormValue } from '../../electron/domain/catalog/form-schema.js';
import { idCheckChar } from '../../electron/domain/identity/id-number.js';

/**
 * The kiosk's per-field check (which says what is wrong in the citizen's words) must agree with the
 * host's form schema (which decides): an answer the kiosk lets through must not be refused at
 * submission, and the other way round.
 */
const TODAY = '2026-11-24';
const catalog = serviceCatalog();
const ports = catalog.ports.map((p) => p.value);
const valid = (first17: string) => first17 + idCheckChar(first17);

const SAMPLES: Record<Field['type'], FormValue[]> = {
  text: ['张三', '', '   ', 'x'.repeat(500)],
  phone: ['13912345678', '1391234567', '23912345678', '139 1234 5678', '139123456789', 'abc'],
  date: ['2026-11-24', '2026-11-25', '2026-11-23', '2026-02-30', '20261124', '1990-01-01'],
  select: ['male', 'employment', 'agency_tour', 'nonsense', ''],
  port: ['manzhouli', 'erenhot', 'paris', ''],
  groupCode: ['NM-2026-118', 'ab', 'nm-2026-118', 'NM 2026', ''],
  pinyinName: [
    { surname: 'SHAN', givenName: 'WENJIE' },
    { surname: 'shan', givenName: '' },
    { surname: '', givenName: 'X' },
    { surname: 'ZH4NG', givenName: 'SAN' },
  ],
  idNumber: [valid('15010219850615031'), '150102198506150312', '15010219850615031', valid('15010220300615031'), valid('05010219850615031'), ''],
};

describe('field check agrees with the host form schema', () => {
  for (const service of catalog.services) {
    for (const field of service.fields) {
      it(`${service.code}.${field.key} (${field.type})`, () => {
        const others: Record<string, FormValue> = {};
        for (const value of SAMPLES[field.type]) {
          const kiosk = checkField(field, value, others, { today: TODAY, ports }) === null;
          const host = formSchema(service, ports, TODAY).safeParse({ [field.key]: value });
          const hostIssues = host.success ? [] : host.error.issues.filter((i) => i.path[0] === field.key);
          expect(
            kiosk,
            `${JSON.stringify(value)}: kiosk ${kiosk ? 'accepts' : 'refuses'}, host issues ${JSON.stringify(hostIssues.map((i) => i.message))}`,
          ).toBe(hostIssues.length === 0);
        }
      });
    }
  }
});

describe('an ID number typed key by key', () => {
  it('is questioned as soon as it cannot be right, and not before', () => {
    const good = valid('15010219850615031');
    for (let n = 0; n < 18; n++) expect(partialIdProblem(good.slice(0, n), TODAY), good.slice(0, n)).toBeNull();
    expect(partialIdProblem(good, TODAY)).toBeNull();
    expect(partialIdProblem('0', TODAY)).toBe('idRegion');
    expect(partialIdProblem('15010219851315', TODAY)).toBe('idBirthDate'); // month 13
    expect(partialIdProblem('15010220300101', TODAY)).toBe('idBirthDate'); // born in the future
    expect(partialIdProblem('150102198506150312', TODAY)).toBe('idCheckDigit');
    expect(partialIdProblem('1501X', TODAY)).toBe('idFormat');
  });
});
