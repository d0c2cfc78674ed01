import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { api } from '../../electron/domain/contract/api.js';

/**
 * One contract file per handler file, named alike: electron/domain/contract/<x>-api.ts exports
 * `<x>Api`, a table of routes, and electron/host/handlers/<x>-handlers.ts exports `<x>Handlers`,
 * a factory that serves exactly those routes. A newcomer looking for a route's code opens the
 * handler file named like its contract file. Derived from the folders, so a new file is held to
 * it without editing this test.
 */
const CONTRACT_DIR = new URL('../../electron/domain/contract/', import.meta.url);
const HANDLERS_DIR = new URL('../../electron/host/handlers/', import.meta.url);

/** Tables the host registers on their own rather than through `api`: the simulator's exist only
 * on a host started with --simulate-devices. */
const SERVED_APART = new Set(['sim']);

function partsIn(dir: URL, suffix: string): string[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith(suffix) && f.length > suffix.length)
    .map((f) => f.slice(0, -suffix.length))
    .sort();
}

/** windows → windows, catalog-overrides → catalogOverrides */
const camel = (kebab: string) => kebab.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());

/**
 * A stand-in for the HostContext: every property, call and result is itself, so a factory can be
 * built (it only captures the context and prepares its statements) without a database or server.
 */
function anyContext(): unknown {
  const self: unknown = new Proxy(function stub() {}, {
    get: (_target, key) => (key === 'then' ? undefined : self),
    apply: () => self,
    construct: () => self as object,
  });
  return self;
}

type Table = Record<string, unknown>;
type Factory = (ctx: unknown) => Record<string, unknown>;

async function load(name: string): Promise<{ table: Table; factory: Factory }> {
  const contract = (await import(new URL(`${name}-api.ts`, CONTRACT_DIR).href)) as Record<string, unknown>;
  const handlers = (await import(new URL(`${name}-handlers.ts`, HANDLERS_DIR).href)) as Record<string, unknown>;
  const table = contract[`${camel(name)}Api`];
  const factory = handlers[`${camel(name)}Handlers`];
  if (typeof table !== 'object' || table === null) throw new Error(`contract/${name}-api.ts must export ${camel(name)}Api`);
  if (typeof factory !== 'function') throw new Error(`handlers/${name}-handlers.ts must export the function ${camel(name)}Handlers`);
  return { table: table as Table, factory: factory as Factory };
}

const contracts = partsIn(CONTRACT_DIR, '-api.ts');
const handlers = partsIn(HANDLERS_DIR, '-handlers.ts');

describe('contract and handler files', () => {
  it('pair up by name', () => {
    expect({ contractsWithoutHandlers: contracts.filter((c) => !handlers.includes(c)) }).toEqual({ contractsWithoutHandlers: [] });
    expect({ handlersWithoutContract: handlers.filter((h) => !contracts.includes(h)) }).toEqual({ handlersWithoutContract: [] });
    expect(contracts.length).toBeGreaterThan(5);
  });

  for (const name of contracts.filter((c) => handlers.includes(c))) {
    it(`handlers/${name}-handlers.ts serves exactly the routes of contract/${name}-api.ts`, async () => {
      const { table, factory } = await load(name);
      expect(Object.keys(factory(anyContext())).sort()).toEqual(Object.keys(table).sort());
    });
  }

  it('every route stands in one contract file, and api merges them all', async () => {
    const owner = new Map<string, string[]>();
    for (const name of contracts) {
      const { table } = await load(name);
      for (const route of Object.keys(table)) owner.set(route, [...(owner.get(route) ?? []), name]);
      const merged = Object.keys(table).filter((route) => route in api);
      // A table is merged into `api` whole, or (served apart) not at all.
      expect({ name, merged: merged.length }).toEqual({ name, merged: SERVED_APART.has(name) ? 0 : Object.keys(table).length });
    }
    expect([...owner].filter(([, files]) => files.length > 1)).toEqual([]);
    expect(Object.keys(api).filter((route) => !owner.has(route))).toEqual([]);
  });
});
