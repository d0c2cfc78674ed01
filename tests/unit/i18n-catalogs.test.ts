import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

/**
 * The two UI catalogs must say the same things: a key missing in one language shows a raw key (or
 * the wrong language) to a citizen, and a mismatched {{placeholder}} silently drops a number.
 */
const LOCALES = new URL('../../renderer/src/i18n/locales/', import.meta.url);

function load(file: string): Record<string, unknown> {
  const parsed: unknown = JSON.parse(readFileSync(new URL(file, LOCALES), 'utf8'));
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new Error(`${file}: not an object`);
  return parsed as Record<string, unknown>;
}

/** Flatten nested catalogs to "a.b.c" → value, keeping non-string leaves so the test can reject them. */
function flatten(obj: Record<string, unknown>, prefix = ''): Map<string, unknown> {
  const out = new Map<string, unknown>();
  for (const [k, v] of Object.entries(obj)) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (typeof v === 'object' && v !== null && !Array.isArray(v)) {
      for (const [kk, vv] of flatten(v as Record<string, unknown>, key)) out.set(kk, vv);
    } else {
      out.set(key, v);
    }
  }
  return out;
}

function placeholders(text: string): string[] {
  return [...text.matchAll(/\{\{\s*([\w.]+)\s*(?:,[^}]*)?\}\}/g)].map((m) => m[1] ?? '').sort();
}

const zh = flatten(load('zh-CN.json'));
const en = flatten(load('en.json'));

describe('i18n catalogs', () => {
  it('have a reasonable number of keys', () => {
    expect(zh.size).toBeGreaterThan(20);
  });

  it('every zh-CN key exists in en', () => {
    expect([...zh.keys()].filter((k) => !en.has(k))).toEqual([]);
  });

  it('every en key exists in zh-CN', () => {
    expect([...en.keys()].filter((k) => !zh.has(k))).toEqual([]);
  });

  it('every value is a non-empty string', () => {
    for (const [name, catalog] of [
      ['zh-CN', zh],
      ['en', en],
    ] as const) {
      const bad = [...catalog].filter(([, v]) => typeof v !== 'string' || v.trim() === '').map(([k]) => `${name}:${k}`);
      expect(bad).toEqual([]);
    }
  });

  it('interpolation placeholders match between languages', () => {
    const mismatched: string[] = [];
    for (const [key, zhValue] of zh) {
      const enValue = en.get(key);
      if (typeof zhValue !== 'string' || typeof enValue !== 'string') continue;
      const a = placeholders(zhValue);
      const b = placeholders(enValue);
      if (a.join(',') !== b.join(',')) mismatched.push(`${key}: zh-CN {{${a.join('}} {{')}}} vs en {{${b.join('}} {{')}}}`);
    }
    expect(mismatched).toEqual([]);
  });

  it('every business line and error code has a translation', async () => {
    const { BUSINESS_LINES } = await import('../../electron/domain/business-lines.js');
    const { ERROR_CODES } = await import('../../electron/domain/contract/schemas.js');
    const { TERMINAL_ROLES } = await import('../../electron/domain/roles.js');
    const needed = [
      ...BUSINESS_LINES.map((l) => `line.${l}`),
      ...ERROR_CODES.map((c) => `error.${c}`),
      ...TERMINAL_ROLES.map((r) => `screen.${r}`),
      // Codes the renderer's API client adds to the host's.
      'error.network',
      'error.bad_response',
      'error.invalid_input',
      'error.aborted',
    ];
    expect(needed.filter((k) => !zh.has(k) || !en.has(k))).toEqual([]);
  });
});
