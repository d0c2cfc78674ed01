import { describe, expect, it } from 'vitest';
import { BUSINESS_LINES } from '../../electron/domain/business-lines.js';
import { CATALOG_INPUT, serviceCatalog } from '../../electron/domain/catalog/catalog.js';
import { CATALOG_LANGUAGES, CatalogSchema, PREFILL_SOURCES, ServiceSchema, type Text } from '../../electron/domain/catalog/catalog-schema.js';
import { ageOn, formSchema } from '../../electron/domain/catalog/form-schema.js';

/** Every Text object anywhere in a value, with where it was found. */
function textsIn(value: unknown, path = ''): { path: string; text: Record<string, unknown> }[] {
  if (Array.isArray(value)) return value.flatMap((v, i) => textsIn(v, `${path}[${i}]`));
  if (value && typeof value === 'object') {
    const o = value as Record<string, unknown>;
    if ('zh-CN' in o || ('en' in o && 'mn' in o)) return [{ path, text: o }];
    return Object.entries(o).flatMap(([k, v]) => textsIn(v, path ? `${path}.${k}` : k));
  }
  return [];
}

const REQUIRED_SERVICES = {
  id_card_renewal: '居民身份证换领',
  id_card_reissue: '居民身份证补领',
  temp_id_card: '临时居民身份证',
  hukou_transfer: '户口迁移',
  household_certificate: '户籍证明',
  birth_registration: '出生登记',
  licence_renewal: '驾驶证期满换证',
  licence_reissue: '驾驶证补证',
  inspection_mark: '机动车检验标志核发',
  traffic_violation: '交通违法查询与处理',
  passport_first: '普通护照首次申领',
  border_tour_pass: '边境旅游出入境证件',
  expedited_document: '证件加急',
};

describe('service catalog', () => {
  const catalog = serviceCatalog();

  it('parses against its schema', () => {
    expect(CatalogSchema.safeParse(CATALOG_INPUT).success).toBe(true);
  });

  it('has every text in every language, never empty, Mongolian in traditional script', () => {
    const texts = textsIn(CATALOG_INPUT);
    expect(texts.length).toBeGreaterThan(100);
    for (const { path, text } of texts) {
      for (const lang of CATALOG_LANGUAGES) {
        const v = text[lang];
        expect(typeof v === 'string' && v.trim().length > 0, `${path} ${lang}`).toBe(true);
      }
      expect(String(text['mn']), `${path} mn`).toMatch(/[\u1820-\u18AF]/);
      expect(Object.keys(text).sort(), path).toEqual([...CATALOG_LANGUAGES].sort());
    }
  });

  it('fails when a translation is missing or empty', () => {
    const first = CATALOG_INPUT.services[0];
    if (!first) throw new Error('empty catalog');
    const name = first.name as Text;
    const withoutMn = { 'zh-CN': name['zh-CN'], en: name.en };
    const broken = { ...CATALOG_INPUT, services: [{ ...first, name: withoutMn }, ...CATALOG_INPUT.services.slice(1)] };
    expect(CatalogSchema.safeParse(broken).success).toBe(false);
    const empty = { ...CATALOG_INPUT, services: [{ ...first, notice: { ...first.notice, en: ' ' } }, ...CATALOG_INPUT.services.slice(1)] };
    expect(CatalogSchema.safeParse(empty).success).toBe(false);
    const latinMn = { ...CATALOG_INPUT, services: [{ ...first, description: { ...first.description, mn: 'TODO' } }, ...CATALOG_INPUT.services.slice(1)] };
    expect(CatalogSchema.safeParse(latinMn).success).toBe(false);
  });

  it('marks the Mongolian as needing a native speaker’s review', () => {
    expect(catalog.needsReview).toContain('mn');
  });

  it('has unique codes and valid business lines', () => {
    const codes = catalog.services.map((s) => s.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const s of catalog.services) expect(BUSINESS_LINES).toContain(s.line);
    const dup = { ...CATALOG_INPUT, services: [...CATALOG_INPUT.services, CATALOG_INPUT.services[0]] };
    expect(CatalogSchema.safeParse(dup).success).toBe(false);
  });

  it('contains the services of issue 3, each in its business line', () => {
    for (const [code, zh] of Object.entries(REQUIRED_SERVICES)) {
      const s = catalog.services.find((x) => x.code === code);
      expect(s, code).toBeDefined();
      expect(s?.name['zh-CN']).toContain(zh);
    }
    const lineOf = (code: string) => catalog.services.find((s) => s.code === code)?.line;
    expect(lineOf('hukou_transfer')).toBe('household');
    expect(lineOf('inspection_mark')).toBe('traffic');
    expect(lineOf('border_tour_pass')).toBe('exit_entry');
  });

  it('has well-formed fields: unique keys, valid prefill sources, options for selects, an applicant ID number', () => {
    for (const s of catalog.services) {
      const keys = s.fields.map((f) => f.key);
      expect(new Set(keys).size, s.code).toBe(keys.length);
      for (const f of s.fields) {
        if (f.prefill) expect(PREFILL_SOURCES).toContain(f.prefill);
        if (f.type === 'select') expect(f.options?.length ?? 0, `${s.code}.${f.key}`).toBeGreaterThanOrEqual(2);
        if (f.requiredWhen) expect(keys).toContain(f.requiredWhen.field);
      }
      // The host takes the applicant's ID number (green channel, progress query) from this field.
      expect(
        s.fields.find((f) => f.key === 'idNumber'),
        s.code,
      ).toMatchObject({ type: 'idNumber', required: true, prefill: 'idNumber' });
      expect(
        s.fields.some((f) => f.type === 'phone' && f.required),
        s.code,
      ).toBe(true);
    }
  });

  it('has materials with sensible requirements and the promised values', () => {
    for (const s of catalog.services) {
      for (const m of s.materials) if (m.requirement === 'deferrable') expect(m.supplyWithinDays).toBeGreaterThan(0);
      expect(s.instant).toBe(s.timeLimitDays === 0);
    }
    const get = (code: string) => catalog.services.find((s) => s.code === code);
    expect(get('id_card_renewal')?.fee.yuan).toBe(20);
    expect(get('passport_first')?.fee.yuan).toBe(120);
    expect(get('temp_id_card')?.timeLimitDays).toBe(0);
    expect(get('hukou_transfer')?.timeLimitDays).toBe(3);
    expect(get('border_tour_pass')).toMatchObject({ timeLimitDays: 0, groupAllowed: true });
    expect(get('expedited_document')?.expedite).toBe(true);
    const exitEntry = catalog.services.filter((s) => s.line === 'exit_entry');
    for (const s of exitEntry)
      expect(
        s.fields.some((f) => f.type === 'pinyinName'),
        s.code,
      ).toBe(true);
  });

  it('marks the kinship proofs a pledge may stand in for, naming a real ID number field', () => {
    const pledged = catalog.services.flatMap((s) => s.materials.filter((m) => m.requirement === 'deferrable' && m.pledge).map((m) => [s.code, m.code]));
    expect(pledged).toEqual([['birth_registration', 'marriage_certificate']]);
    const bad = structuredClone(catalog.services.find((s) => s.code === 'birth_registration'));
    const m = bad?.materials.find((x) => x.code === 'marriage_certificate');
    if (m?.requirement === 'deferrable' && m.pledge) m.pledge.relativeIdField = 'phone';
    expect(ServiceSchema.safeParse(bad).success).toBe(false);
  });

  it('offers at least one service at a booth, and some services are 容缺 or data-shared', () => {
    expect(catalog.services.some((s) => s.boothEligible)).toBe(true);
    expect(catalog.services.some((s) => s.materials.some((m) => m.requirement === 'deferrable'))).toBe(true);
    expect(catalog.services.some((s) => s.materials.some((m) => m.requirement === 'data_sharing'))).toBe(true);
  });

  it('says which text fields hold a name, an address or a number plate, so the kiosk offers the input that fits', () => {
    const text = catalog.services.flatMap((s) => s.fields.filter((f) => f.type === 'text').map((f) => ({ service: s.code, ...f })));
    for (const f of text) {
      const expected = /name$/i.test(f.key) ? 'name' : /address$/i.test(f.key) ? 'address' : /plate/i.test(f.key) ? 'plate' : undefined;
      expect(f.entry, `${f.service}.${f.key}`).toBe(expected);
    }
    expect(text.some((f) => f.entry === 'name')).toBe(true);
    const bad = CatalogSchema.safeParse({
      ...CATALOG_INPUT,
      services: CATALOG_INPUT.services.map((s, i) => (i === 0 ? { ...s, fields: s.fields.map((f) => (f.type === 'phone' ? { ...f, entry: 'name' } : f)) } : s)),
    });
    expect(bad.success).toBe(false);
  });
});

describe('form rules from the catalog', () => {
  const catalog = serviceCatalog();
  const ports = catalog.ports.map((p) => p.value);
  const tour = catalog.services.find((s) => s.code === 'border_tour_pass');
  if (!tour) throw new Error('no border_tour_pass');
  const base = {
    name: '张三',
    pinyinName: { surname: 'zhang', givenName: 'san' },
    idNumber: '11010519491231002x',
    phone: '138 0013 8000',
    port: 'manzhouli',
    travelDate: '2026-11-30',
    travelMode: 'individual',
  };

  it('normalises a good form', () => {
    const r = formSchema(tour, ports, '2026-11-24').parse(base);
    expect(r).toMatchObject({ idNumber: '11010519491231002X', phone: '13800138000', pinyinName: { surname: 'ZHANG', givenName: 'SAN' } });
  });

  it('needs a group code only for an agency tour', () => {
    const s = formSchema(tour, ports, '2026-11-24');
    const r = s.safeParse({ ...base, travelMode: 'agency_tour' });
    expect(r.success).toBe(false);
    expect(r.error?.issues.map((i) => i.path.join('.'))).toContain('groupCode');
    expect(s.safeParse({ ...base, travelMode: 'agency_tour', groupCode: 'mzl-2026-118' }).success).toBe(true);
  });

  it('refuses a travel date in the past, an unknown port and an unknown field', () => {
    const r = formSchema(tour, ports, '2026-11-24').safeParse({ ...base, travelDate: '2026-11-23', port: 'nowhere', shoeSize: '42' });
    expect(r.error?.issues.map((i) => i.path.join('.')).sort()).toEqual(['port', 'shoeSize', 'travelDate']);
  });

  it('counts age in whole years (working days: working-days.test.ts)', () => {
    expect(ageOn('1956-11-24', '2026-11-24')).toBe(70);
    expect(ageOn('1956-11-25', '2026-11-24')).toBe(69);
  });
});
