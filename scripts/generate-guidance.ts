/**
 * Generates the kiosk's spoken guidance (renderer/public/voice/guide/), run by hand after editing a
 * `journey.guide.*` text: `npm run voice:guidance`. Needs espeak-ng and sox (with Ogg Vorbis):
 *   apt-get install -y espeak-ng sox libsox-fmt-all
 *
 * One clip per screen and language, made from the text in the locale catalogs. The manifest records
 * a hash of the text each clip was made from, so tests/unit/voice-guidance.test.ts fails when a text
 * changes and its clip was not remade. espeak-ng has no Mongolian voice: a hall adds its own
 * recordings under mn/ and an `mn` table in the manifest. The output is committed: the app never
 * synthesises speech at run time.
 */
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

const ROOT = resolve(fileURLToPath(import.meta.url), '../../..');
const OUT = join(ROOT, 'renderer/public/voice/guide');
const LOCALES = join(ROOT, 'renderer/src/i18n/locales');

interface Voice {
  lang: 'zh-CN' | 'en';
  /** As in generate-voice.ts: the plain `cmn` voice of espeak-ng 1.51 reads some characters' pinyin
   * as English; cmn-latn-pinyin reads the characters. */
  espeak: string;
  /** Words per minute: slower than the call clips, these are whole sentences for someone unsure. */
  speed: number;
}

const VOICES: Voice[] = [
  { lang: 'zh-CN', espeak: 'cmn-latn-pinyin', speed: 125 },
  { lang: 'en', espeak: 'en', speed: 135 },
];

/** Only `journey.guide` matters here; the rest of the catalog is not this script's business. */
const Catalog = z.object({
  journey: z.object({ guide: z.record(z.string().regex(/^[a-z][a-zA-Z0-9]*$/), z.string().min(1)) }),
});

/** How tests/unit/voice-guidance.test.ts tells a stale clip: sha256 of the UTF-8 text, hex. */
const textHash = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex');

function need(tool: string, args: string[]): void {
  try {
    execFileSync(tool, args, { stdio: 'ignore' });
  } catch {
    throw new Error(`${tool} is missing: apt-get install -y espeak-ng sox libsox-fmt-all`);
  }
}

/** Trim the synthesiser's silence at both ends (so the clip starts as the screen appears) and bring
 * every clip to one loudness. Mono, 16 kHz, Vorbis quality -1 (the lowest): plenty for speech, and
 * it keeps the committed set small. */
function synthesize(voice: Voice, text: string, tmp: string, out: string): void {
  const wav = join(tmp, 'clip.wav');
  execFileSync('espeak-ng', ['-v', voice.espeak, '-s', String(voice.speed), '-w', wav, text]);
  execFileSync('sox', [
    wav,
    '-r',
    '16000',
    '-c',
    '1',
    '-C',
    '-1',
    out,
    'silence',
    '1',
    '0.02',
    '0.5%',
    'reverse',
    'silence',
    '1',
    '0.02',
    '0.5%',
    'reverse',
    'norm',
    '-3',
  ]);
}

function folderSize(dir: string): number {
  let total = 0;
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    const st = statSync(p);
    total += st.isDirectory() ? folderSize(p) : st.size;
  }
  return total;
}

/** sha256 is absent from a hall's own recordings: there is no catalog text to compare them with. */
type Table = Record<string, { file: string; sha256?: string }>;

function oldManifest(): Record<string, Table> {
  try {
    return z
      .object({ clips: z.record(z.string(), z.record(z.string(), z.object({ file: z.string(), sha256: z.string().optional() }))) })
      .parse(JSON.parse(readFileSync(join(OUT, 'manifest.json'), 'utf8'))).clips;
  } catch {
    return {};
  }
}

/** A hall's own tables (e.g. `mn`, recorded by hand) survive regenerating the languages we make. */
function keptTables(old: Record<string, Table>): Record<string, Table> {
  return Object.fromEntries(Object.entries(old).filter(([lang]) => !VOICES.some((v) => v.lang === lang)));
}

function main(): void {
  need('espeak-ng', ['--version']);
  need('sox', ['--version']);
  const tmp = mkdtempSync(join(tmpdir(), 'yizhan-guide-'));
  try {
    const old = oldManifest();
    const clips: Record<string, Table> = keptTables(old);
    for (const voice of VOICES) {
      const guide = Catalog.parse(JSON.parse(readFileSync(join(LOCALES, `${voice.lang}.json`), 'utf8'))).journey.guide;
      mkdirSync(join(OUT, voice.lang), { recursive: true });
      const table: Table = {};
      for (const [key, text] of Object.entries(guide).sort(([a], [b]) => a.localeCompare(b))) {
        const file = `${voice.lang}/${key}.ogg`;
        const hash = textHash(text);
        // A clip whose text has not changed is kept: the encoder's output differs run to run, and
        // rewriting every clip would churn the repository for nothing.
        const same = old[voice.lang]?.[key]?.sha256 === hash && existsSync(join(OUT, file));
        if (!same) synthesize(voice, text, tmp, join(OUT, file));
        table[key] = { file, sha256: hash };
      }
      // A key removed from the catalog leaves no orphan clip behind.
      const wanted = new Set(Object.values(table).map((c) => c.file.split('/')[1]));
      for (const name of readdirSync(join(OUT, voice.lang))) if (!wanted.has(name)) rmSync(join(OUT, voice.lang, name));
      clips[voice.lang] = table;
    }
    const manifest = {
      note: 'Generated by scripts/generate-guidance.ts (espeak-ng + sox) from journey.guide.* in the locale catalogs. sha256 is of the text the clip says; a hall may add its own language table (e.g. mn) and recordings.',
      format: 'audio/ogg; codecs=vorbis',
      clips,
    };
    writeFileSync(join(OUT, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
    const count = Object.values(clips).reduce((n, t) => n + Object.keys(t).length, 0);
    console.warn(`guidance: ${count} clips, ${(folderSize(OUT) / 1024).toFixed(0)} KiB in ${OUT}`);
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

main();
