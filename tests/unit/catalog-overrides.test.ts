import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serviceCatalog } from '../../electron/domain/catalog/catalog.js';
import { applyOverrides, CatalogOverridesSchema, describeOverrideChanges, HALL_FEE_NOTE } from '../../electron/domain/catalog/catalog-overrides.js';
import { idCheckChar } from '../../electron/domain/identity/id-number.js';
import type { SettingsStore } from '../../db/settings.js';
import { CATALOG_OVERRIDES_KEY, catalogService } from '../../electron/host/catalog-service.js';
import { startTestHost, TEST_PIN, type TestHost } from '../support/test-host.js';

const base = serviceCatalog();
const svc = (catalog: typeof base, code: string) => {
  const s = catalog.services.find((x) => x.code === code);
  if (!s) throw new Error(`no ${code}`);
  return s;
};

describe('applyOverrides (pure)', () => {
  it('changes the fee and replaces the note that named the old amount, in all three languages', () => {
    const merged = applyOverrides(base, { passport_first: { feeYuan: 140 } });
    const p = svc(merged, 'passport_first');
    expect(svc(base, 'passport_first').fee.note['zh-CN']).toContain('120');
    expect(p.fee).toEqual({ yuan: 140, note: HALL_FEE_NOTE });
    expect(p.fee.note.mn).toMatch(/[\u1820-\u18AF]/);
    expect(merged.needsReview).toContain('mn');
    // Everything else is untouched, and the input catalog is not mutated.
    expect(p.timeLimitDays).toBe(svc(base, 'passport_first').timeLimitDays);
    expect(svc(base, 'passport_first').fee.yuan).toBe(120);
    expect(svc(merged, 'id_card_renewal')).toEqual(svc(base, 'id_card_renewal'));
  });

  it('keeps instant exactly for a time limit of 0, both ways', () => {
    const merged = applyOverrides(base, { household_certificate: { timeLimitDays: 2 }, id_card_renewal: { timeLimitDays: 0 } });
    expect(svc(merged, 'household_certificate')).toMatchObject({ timeLimitDays: 2, instant: false });
    expect(svc(merged, 'id_card_renewal')).toMatchObject({ timeLimitDays: 0, instant: true });
    // A fee left alone keeps its shipped note.
    expect(svc(merged, 'id_card_renewal').fee).toEqual(svc(base, 'id_card_renewal').fee);
  });

  it('an override equal to the shipped value changes nothing, note included', () => {
    const merged = applyOverrides(base, { passport_first: { feeYuan: 120, timeLimitDays: svc(base, 'passport_first').timeLimitDays } });
    expect(merged).toEqual(base);
  });

  it('ignores unknown service codes', () => {
    expect(applyOverrides(base, { no_such_service: { feeYuan: 5 } })).toEqual(base);
  });

  it('lists the changes with old and new values, codes only', () => {
    const merged = applyOverrides(base, { passport_first: { feeYuan: 140 }, household_certificate: { timeLimitDays: 2, feeYuan: 10 } });
    expect(describeOverrideChanges(base, merged).sort()).toEqual(['household_certificate: fee 0→10, days 0→2', 'passport_first: fee 120→140']);
  });

  it('the schema takes fees in yuan with at most two decimals and time limits of 0 to 60 whole days', () => {
    expect(CatalogOverridesSchema.safeParse({ passport_first: { feeYuan: 12.34, timeLimitDays: 60 } }).success).toBe(true);
    expect(CatalogOverridesSchema.safeParse({ passport_first: {} }).success).toBe(true);
    for (const bad of [
      { feeYuan: 12.345 },
      { feeYuan: -1 },
      { feeYuan: 10_000.01 },
      { timeLimitDays: 61 },
      { timeLimitDays: 1.5 },
      { timeLimitDays: -1 },
      { fee: 3 },
    ]) {
      expect(CatalogOverridesSchema.safeParse({ passport_first: bad }).success, JSON.stringify(bad)).toBe(false);
    }
    expect(CatalogOverridesSchema.safeParse({ 'Not A Code': { feeYuan: 1 } }).success).toBe(false);
  });
});

// Tuesday 2026-11-24, 10:00 in Asia/Shanghai.
const NOW = Date.UTC(2026, 10, 24, 2, 0, 0);

function idNumber(birth: string, seq = '123'): string {
  const first17 = `110105${birth}${seq}`;
  return first17 + idCheckChar(first17);
}

interface ServiceView {
  code: string;
  fee: { yuan: number; note: Record<string, string> };
  timeLimitDays: number;
  instant: boolean;
}

describe('catalog overrides over the real host', () => {
  let t: TestHost;
  let sup: { token: string; staff: string };
  let kiosk: string;
  const logs: string[] = [];

  const put = (body: unknown, who = sup) => t.request('/api/catalog/overrides', { method: 'PUT', token: who.token, staff: who.staff, body });
  const catalogEntry = async (code: string) => {
    const res = await t.request('/api/catalog', { token: kiosk });
    return (res.body as { services: ServiceView[] }).services.find((s) => s.code === code);
  };

  beforeAll(async () => {
    t = await startTestHost({ clock: () => NOW, log: (l) => logs.push(l) });
    sup = await t.supervisor();
    kiosk = await t.pair('kiosk');
  });
  afterAll(async () => {
    await t.stop();
  });

  it("a supervisor's override changes the catalog, the promised date of a new application, and is audited", async () => {
    const before = await t.request('/api/catalog/overrides', { token: sup.token });
    expect(before.status).toBe(200);
    expect(before.body).toMatchObject({ overrides: {} });
    expect((before.body as { services: { code: string; defaultFeeYuan: number }[] }).services.find((s) => s.code === 'household_certificate')).toMatchObject({
      defaultFeeYuan: 0,
      defaultTimeLimitDays: 0,
    });

    const res = await put({ household_certificate: { feeYuan: 10, timeLimitDays: 2 } });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ overrides: { household_certificate: { feeYuan: 10, timeLimitDays: 2 } } });

    expect(await catalogEntry('household_certificate')).toMatchObject({ fee: { yuan: 10, note: HALL_FEE_NOTE }, timeLimitDays: 2, instant: false });

    const form = { name: '张三', idNumber: idNumber('19800101'), phone: '13800138000', purpose: 'employment' };
    const submitted = await t.request('/api/applications', {
      method: 'POST',
      token: kiosk,
      body: { requestId: randomUUID(), serviceCode: 'household_certificate', form, materials: ['id_card'] },
    });
    expect(submitted.status).toBe(200);
    // Tuesday + 2 working days.
    expect((submitted.body as { application: { promisedBy: string } }).application.promisedBy).toBe('2026-11-26');

    const audit = await t.request('/api/audit?limit=20', { token: sup.token, staff: sup.staff });
    const entry = (audit.body as { entries: { action: string; actor: string; detail: string }[] }).entries.find((e) => e.action === 'catalog.update');
    expect(entry?.detail).toBe('household_certificate: fee 0→10, days 0→2');
    expect(entry?.actor).toMatch(/^staff:S001@terminal:\d+$/);
  });

  it('putting the whole object again resets a service left out to its shipped values', async () => {
    expect((await put({})).status).toBe(200);
    expect(await catalogEntry('household_certificate')).toMatchObject({ fee: { yuan: 0 }, timeLimitDays: 0, instant: true });
  });

  it('refuses bad values and unknown services at the field, storing nothing', async () => {
    const bad = await put({ household_certificate: { feeYuan: 1.234 } });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toContain('household_certificate');
    const unknown = await put({ no_such_service: { feeYuan: 1 } });
    expect(unknown.status).toBe(400);
    expect((unknown.body as { error: { issues: { path: string }[] } }).error.issues[0]?.path).toBe('body.no_such_service');
    expect((await t.request('/api/catalog/overrides', { token: sup.token })).body).toMatchObject({ overrides: {} });
  });

  it('a clerk gets 403 and an admin terminal without a sign-in 401; other terminals cannot read', async () => {
    const clerk = await t.clerk('C777');
    const adminTerminal = await t.pair('admin');
    expect((await t.request('/api/catalog/overrides', { method: 'PUT', token: adminTerminal, body: {} })).status).toBe(401);
    // The clerk signed in at an admin terminal: signed in, but not a supervisor.
    const signIn = await t.request('/api/staff/sign-in', { method: 'POST', token: adminTerminal, body: { staffNo: 'C777', pin: TEST_PIN } });
    expect(signIn.status).toBe(200);
    const clerkStaff = /yz_staff_admin=([^;]+)/.exec(signIn.headers.get('set-cookie') ?? '')?.[1];
    expect((await put({}, { token: adminTerminal, staff: clerkStaff ?? '' })).status).toBe(403);
    expect((await put({}, clerk)).status).toBe(403);
    expect((await t.request('/api/catalog/overrides', { token: kiosk })).status).toBe(403);
    // Only the supervisor's two saves above went through.
    expect(logs.filter((l) => l.startsWith('catalog: overrides saved'))).toHaveLength(2);
  });
});

describe('catalog service', () => {
  const settings = (stored: string | null) => {
    const written: string[] = [];
    // Reads what was last written, as the settings table does (only the overrides' key is set).
    return {
      written,
      store: {
        raw: (k: string) => (k === CATALOG_OVERRIDES_KEY ? (written.at(-1) ?? stored) : null),
        putRaw: (_k: string, v: string) => void written.push(v),
      } as unknown as SettingsStore,
    };
  };

  it('a stored value that no longer parses falls back to the shipped catalog and logs one line', () => {
    const logs: string[] = [];
    const c = catalogService(settings('{"household_certificate":{"feeYuan":"ten"}}').store, (l) => logs.push(l));
    expect(c.catalog()).toEqual(base);
    expect(c.find('household_certificate')?.fee.yuan).toBe(0);
    expect(c.overrides()).toEqual({});
    expect(logs).toHaveLength(1);
    expect(logs[0]).toMatch(/^catalog: stored overrides ignored/);
    const broken = catalogService(settings('not json').store, (l) => logs.push(l));
    expect(broken.catalog()).toEqual(base);
    expect(logs).toHaveLength(2);
  });

  it('merges once and keeps the merge until the overrides change', () => {
    const s = settings('{"passport_first":{"feeYuan":130}}');
    const c = catalogService(s.store, () => {});
    expect(c.catalog()).toBe(c.catalog());
    expect(c.find('passport_first')?.fee.yuan).toBe(130);
    c.putOverrides({ passport_first: { feeYuan: 150 } });
    expect(s.written).toEqual(['{"passport_first":{"feeYuan":150}}']);
    expect(c.find('passport_first')?.fee.yuan).toBe(150);
  });
});
