import { existsSync, readFileSync, statSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseManifest } from '../../renderer/src/screens/display/voice/manifest.js';
import { callTokens, CLIP_LANGUAGES, LETTERS } from '../../renderer/src/screens/display/voice/tokens.js';

/** The committed clip set (npm run voice:generate) must cover every token the display can ask for. */
const VOICE = new URL('../../renderer/public/voice/', import.meta.url);
const manifest = parseManifest(JSON.parse(readFileSync(new URL('manifest.json', VOICE), 'utf8')));

function everyToken(lang: (typeof CLIP_LANGUAGES)[number]): Set<string> {
  const tokens = new Set<string>();
  const numbers = LETTERS.map((l) => `${l}0123456789`);
  for (let w = 1; w <= 999; w++) {
    for (const n of numbers.slice(0, w <= 26 ? 26 : 1)) {
      for (const recall of [false, true]) for (const t of callTokens({ number: n, windowNumber: w }, lang, recall)) tokens.add(t);
    }
  }
  return tokens;
}

describe('voice clip set', () => {
  it('has a chime and a clip for every token in every clip language', () => {
    expect(manifest.chime).not.toBeNull();
    for (const lang of CLIP_LANGUAGES) {
      const table = manifest.clips[lang] ?? {};
      expect(
        [...everyToken(lang)].filter((t) => !(t in table)),
        lang,
      ).toEqual([]);
    }
  });

  it('ships every file the manifest names, small', () => {
    const files = [manifest.chime ?? '', ...CLIP_LANGUAGES.flatMap((l) => Object.values(manifest.clips[l] ?? {}))];
    let total = 0;
    for (const f of files) {
      const url = new URL(f, VOICE);
      expect(existsSync(url), f).toBe(true);
      total += statSync(url).size;
    }
    expect(total).toBeLessThan(1.5 * 1024 * 1024);
  });

  it('refuses paths that leave the voice folder', () => {
    const m = parseManifest({ chime: '../secret.ogg', clips: { 'zh-CN': { 请: '/etc/passwd', 号: 'zh-CN/hao.ogg' } } });
    expect(m.chime).toBeNull();
    expect(m.clips['zh-CN']).toEqual({ 号: 'zh-CN/hao.ogg' });
  });
});
