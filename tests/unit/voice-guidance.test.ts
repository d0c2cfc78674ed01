import { createHash } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { GUIDE_KEYS, parseGuideManifest, voiceAvailable } from '../../renderer/src/screens/kiosk/journey/useGuidance.js';

/**
 * The committed guidance clips (npm run voice:guidance) must say the current catalog text: a text
 * edited without regenerating fails here, naming the stale clip.
 */
const GUIDE = new URL('../../renderer/public/voice/guide/', import.meta.url);
const LOCALES = new URL('../../renderer/src/i18n/locales/', import.meta.url);
const LANGUAGES = ['zh-CN', 'en'] as const;

const rawManifest: unknown = JSON.parse(readFileSync(new URL('manifest.json', GUIDE), 'utf8'));
const Manifest = z.object({
  clips: z.record(z.string(), z.record(z.string(), z.object({ file: z.string(), sha256: z.string().optional() }))),
});
const manifest = Manifest.parse(rawManifest);

function guideTexts(lang: string): Record<string, string> {
  const catalog = z
    .object({ journey: z.object({ guide: z.record(z.string(), z.string()) }) })
    .parse(JSON.parse(readFileSync(new URL(`${lang}.json`, LOCALES), 'utf8')));
  return catalog.journey.guide;
}

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

describe('kiosk voice guidance clips', () => {
  it('the catalogs have exactly the guide keys the kiosk asks for', () => {
    for (const lang of LANGUAGES) expect(Object.keys(guideTexts(lang)).sort(), lang).toEqual([...GUIDE_KEYS].sort());
  });

  it('every guide text has a clip made from that very text', () => {
    for (const lang of LANGUAGES) {
      const table = manifest.clips[lang] ?? {};
      const stale = Object.entries(guideTexts(lang))
        .filter(([key, text]) => table[key]?.sha256 !== sha256(text))
        .map(([key]) => `${lang}/${key}`);
      expect(stale, 'clips missing or stale: run `npm run voice:guidance`').toEqual([]);
    }
  });

  it('every file named exists and is a non-empty Ogg stream, and the set stays small', () => {
    let total = 0;
    for (const table of Object.values(manifest.clips)) {
      for (const { file } of Object.values(table)) {
        const url = new URL(file, GUIDE);
        expect(existsSync(url), file).toBe(true);
        const bytes = readFileSync(url);
        expect(bytes.length, file).toBeGreaterThan(4);
        expect(bytes.subarray(0, 4).toString('latin1'), file).toBe('OggS');
        total += statSync(url).size;
      }
    }
    expect(total).toBeLessThan(1024 * 1024);
  });

  it('the kiosk accepts every shipped entry and refuses paths that leave the folder', () => {
    const parsed = parseGuideManifest(rawManifest);
    for (const lang of LANGUAGES) expect(Object.keys(parsed[lang] ?? {}).sort(), lang).toEqual([...GUIDE_KEYS].sort());
    expect(parsed.mn).toBeUndefined();
    expect(voiceAvailable('mn')).toBe(false);
    const hostile = parseGuideManifest({
      clips: {
        en: { welcome: { file: '../secret.ogg' }, line: { file: '/etc/passwd' }, quick: { file: 'en/quick.ogg' } },
        '../x': { idle: { file: 'x.ogg' } },
      },
    });
    expect(hostile).toEqual({ en: { quick: 'en/quick.ogg' } });
    expect(parseGuideManifest('<!doctype html>')).toEqual({});
  });
});
