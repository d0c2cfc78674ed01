import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api } from '../../electron/domain/contract/api.js';
import type { RouteSpec } from '../../electron/domain/contract/route-spec.js';
import { simApi } from '../../electron/domain/contract/sim-api.js';
import type { TerminalRole } from '../../electron/domain/roles.js';
import { startTestHost, type TestHost } from '../support/test-host.js';

/**
 * Every route of the contract, called by a caller it admits (the right terminal, the right staff
 * signed in), with malformed input of every kind: no answer may be a 5xx. Derived from the route
 * table, so a route added tomorrow is probed without anyone remembering to add it here.
 */
const NUL = '\u0000';
const BODIES: unknown[] = [
  null,
  [],
  'text',
  42,
  {},
  { unexpected: true },
  { text: NUL, name: `a${NUL}b`, code: '\u202eABCD-1234' },
  { primary: ['household', 'household'], backup: [], number: 9, name: 'x' },
  { deep: [[[[[[[[[[{}]]]]]]]]]] },
  { [`key${NUL}`]: 1 },
  { line: 'x'.repeat(5000), text: '\ud800', name: 7, id: -1, slotStart: 'soon', days: [0, 8] },
];
const PARAMS = ['abc', '-1', '0', '1.5', '99999999999999999999', '%00', encodeURIComponent('\u202e'), 'YZ%0020261124-0001'];
const QUERIES = ['?x=1', '?role=root', `?limit=${encodeURIComponent(NUL)}`, '?limit=-5&limit=7', `?case=${'Z'.repeat(300)}`];

/** A plausible input for a schema, read from its definition: each field present, strings 'A1',
 * numbers 1, the first choice of an enum or union. Not always valid (refinements, patterns), but
 * valid often enough to carry a bad character past the outer checks to the fields themselves. */
function sample(schema: unknown): unknown {
  const def = (schema as { _zod: { def: Record<string, unknown> & { type: string } } })._zod.def;
  switch (def.type) {
    case 'object':
      return Object.fromEntries(Object.entries(def['shape'] as Record<string, unknown>).map(([k, v]) => [k, sample(v)]));
    case 'string':
      return 'A1';
    case 'number':
      return 1;
    case 'boolean':
      return true;
    case 'enum':
      return Object.values(def['entries'] as Record<string, unknown>)[0];
    case 'literal':
      return (def['values'] as unknown[])[0];
    case 'array':
      return [sample(def['element'])];
    case 'union':
      return sample((def['options'] as unknown[])[0]);
    case 'pipe':
      return sample(def['in']);
    case 'optional':
    case 'nullable':
    case 'default':
    case 'readonly':
      return sample(def['innerType']);
    default:
      return 'A1';
  }
}

/** The sample with one string replaced by one holding `bad`, once per string in it. */
function withBadStrings(value: unknown, bad: string): unknown[] {
  if (typeof value === 'string') return [bad];
  if (Array.isArray(value)) return value.flatMap((v, i) => withBadStrings(v, bad).map((m) => value.map((x, j) => (j === i ? m : x))));
  if (value !== null && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => withBadStrings(v, bad).map((m) => ({ ...value, [k]: m })));
  return [];
}

function pathsOf(spec: RouteSpec): string[] {
  if (!spec.path.includes(':')) return [spec.path];
  return PARAMS.map((p) => spec.path.replace(/:([a-zA-Z]+)/g, p));
}

let t: TestHost;
let callers: Record<TerminalRole, { token: string; staff?: string }>;
beforeAll(async () => {
  t = await startTestHost({ simulateDevices: true });
  const supervisor = await t.supervisor();
  const clerk = await t.clerk();
  callers = {
    kiosk: { token: await t.pair('kiosk') },
    booth: { token: await t.pair('booth') },
    display: { token: await t.pair('display') },
    clerk,
    admin: supervisor,
  };
  // The clerk holds window 1, so window routes get as far as reading their input.
  expect((await t.request('/api/windows/1/open', { method: 'POST', ...clerk })).status).toBe(200);
});
afterAll(() => t.stop());

describe('no malformed input gets a 5xx, on any route of the contract', () => {
  const table: Record<string, RouteSpec> = { ...api, ...simApi };
  for (const [name, spec] of Object.entries(table)) {
    it(`${spec.method} ${spec.path} (${name})`, async () => {
      const role = spec.access === 'public' ? 'kiosk' : (spec.access[0] as TerminalRole);
      const caller = callers[role];
      const failures: string[] = [];
      const send = async (path: string, body?: unknown) => {
        const res = await t.request(path, { method: spec.method, ...caller, ...(body !== undefined ? { body: JSON.stringify(body) } : {}) });
        if (res.status >= 500) failures.push(`${spec.method} ${path} ${JSON.stringify(body)} → ${res.status} ${JSON.stringify(res.body)}`);
      };
      for (const path of pathsOf(spec)) {
        for (const q of QUERIES) await send(path + q, spec.method === 'GET' || spec.method === 'DELETE' ? undefined : {});
        if (spec.method === 'POST' || spec.method === 'PUT') for (const body of BODIES) await send(path, body);
      }
      // A plausible body, then the same with a NUL or an override in each of its texts in turn.
      const path = spec.path.replace(/:([a-zA-Z]+)/g, '1');
      if (spec.method === 'POST' || spec.method === 'PUT') {
        const plausible = sample(spec.body);
        await send(path, plausible);
        for (const bad of [`${NUL}A`, `A${NUL}`, 'A\u202eB', '\ud800']) for (const body of withBadStrings(plausible, bad)) await send(path, body);
      }
      expect(failures).toEqual([]);
    });
  }

  it('still serves a ticket after all of that', async () => {
    const res = await t.request('/api/tickets', { method: 'POST', ...callers.kiosk, body: { line: 'traffic' } });
    expect(res.status).toBe(200);
  });
});

describe('what the probe found is refused with a clear 400', () => {
  // A host of its own: the probe above resets PINs and signs people out on the way.
  let h: TestHost;
  let clerk: { token: string; staff: string };
  let admin: { token: string; staff: string };
  beforeAll(async () => {
    h = await startTestHost();
    admin = await h.supervisor();
    clerk = await h.clerk();
    expect((await h.request('/api/windows/1/open', { method: 'POST', ...clerk })).status).toBe(200);
  });
  afterAll(() => h.stop());

  it('a NUL in a 笔谈 line, a pairing-code name or a device name', async () => {
    const said = await h.request('/api/windows/1/conversation', { method: 'POST', ...clerk, body: { text: NUL, from: 'clerk' } });
    expect(said.status).toBe(400);
    expect(said.body).toMatchObject({ error: { code: 'bad_request', issues: [{ path: 'body.text' }] } });
    const code = await h.request('/api/pairing-codes', { method: 'POST', ...admin, body: { role: 'kiosk', name: `A${NUL}` } });
    expect(code.status).toBe(400);
    const device = await h.request('/api/devices', {
      method: 'POST',
      ...admin,
      body: { kind: 'scanner', transport: 'wedge', name: `扫码${NUL}`, terminalId: null },
    });
    expect(device.status).toBe(400);
  });

  it('a bidirectional override in a name, though the text is otherwise fine', async () => {
    const res = await h.request('/api/pairing-codes', { method: 'POST', ...admin, body: { role: 'kiosk', name: '大厅\u202e机' } });
    expect(res.status).toBe(400);
  });

  it('Mongolian text with its own format characters is accepted', async () => {
    const res = await h.request('/api/pairing-codes', { method: 'POST', ...admin, body: { role: 'kiosk', name: 'ᠲᠠᠨᠬᠢᠮ\u202fᠤᠨ ᠮᠠᠱᠢᠨ' } });
    expect(res.status).toBe(200);
  });

  it('a window listing the same business line twice', async () => {
    const res = await h.request('/api/windows', {
      method: 'POST',
      ...admin,
      body: { number: 50, name: '50号窗口', primary: ['household', 'household'], backup: [] },
    });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ error: { code: 'bad_request', issues: [{ path: 'body.primary' }] } });
  });
});
