import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

/**
 * The three UI catalogs (Chinese, traditional Mongolian, English) must say the same things: a key
 * missing in one language shows a raw key (or the wrong language) to a citizen, and a mismatched
 * {{placeholder}} silently drops a number.
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

const CATALOGS = {
  'zh-CN': flatten(load('zh-CN.json')),
  mn: flatten(load('mn.json')),
  en: flatten(load('en.json')),
} as const;
type Lang = keyof typeof CATALOGS;
const LANGS = Object.keys(CATALOGS) as Lang[];
const zh = CATALOGS['zh-CN'];

/** Traditional Mongolian letters (U+1820–U+1878) and the Todo/Manchu/Ali Gali extensions (U+1880–U+18AA). */
const MONGOLIAN_LETTER = /[\u1820-\u1878\u1880-\u18AA]/u;
/** A value with no word at all (digits, punctuation, a code such as XXXX-XXXX or A/B) needs no script. */
const NO_WORDS = /^(?:[\p{N}\p{P}\p{S}\p{Zs}\u202F]|\{\{[^}]*\}\}|[A-Z]{1,4}(?=[^A-Za-z]|$))*$/u;
/** Keys whose Mongolian value is rightly not in Mongolian script: each language names itself. */
const NOT_MONGOLIAN = new Set(['lang.zh', 'lang.en']);

describe('i18n catalogs', () => {
  it('have a reasonable number of keys', () => {
    expect(zh.size).toBeGreaterThan(20);
  });

  for (const lang of LANGS) {
    if (lang === 'zh-CN') continue;
    it(`every zh-CN key exists in ${lang}`, () => {
      expect([...zh.keys()].filter((k) => !CATALOGS[lang].has(k))).toEqual([]);
    });
    it(`${lang} has no key that zh-CN lacks`, () => {
      expect([...CATALOGS[lang].keys()].filter((k) => !zh.has(k))).toEqual([]);
    });
  }

  it('every value is a non-empty string', () => {
    for (const lang of LANGS) {
      const bad = [...CATALOGS[lang]].filter(([, v]) => typeof v !== 'string' || v.trim() === '').map(([k]) => `${lang}:${k}`);
      expect(bad).toEqual([]);
    }
  });

  it('interpolation placeholders match between languages', () => {
    const mismatched: string[] = [];
    for (const [key, zhValue] of zh) {
      if (typeof zhValue !== 'string') continue;
      const a = placeholders(zhValue).join(',');
      for (const lang of LANGS) {
        const value = CATALOGS[lang].get(key);
        if (lang === 'zh-CN' || typeof value !== 'string') continue;
        const b = placeholders(value).join(',');
        if (a !== b) mismatched.push(`${key}: zh-CN {{${a}}} vs ${lang} {{${b}}}`);
      }
    }
    expect(mismatched).toEqual([]);
  });

  it('every Mongolian value is written in Mongolian script', () => {
    const latinOrHan = [...CATALOGS.mn]
      .filter(([k, v]) => typeof v === 'string' && !NOT_MONGOLIAN.has(k) && !MONGOLIAN_LETTER.test(v) && !NO_WORDS.test(v))
      .map(([k, v]) => `${k}: ${String(v)}`);
    expect(latinOrHan).toEqual([]);
  });

  it('each language is named in itself in every catalog', () => {
    for (const lang of LANGS) {
      expect([CATALOGS[lang].get('lang.zh'), CATALOGS[lang].get('lang.mn'), CATALOGS[lang].get('lang.en')]).toEqual(['中文', 'ᠮᠣᠩᠭᠣᠯ', 'English']);
    }
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
    expect(needed.filter((k) => LANGS.some((lang) => !CATALOGS[lang].has(k)))).toEqual([]);
  });
});
