/**
 * Generates the call-announcement clips the display plays (renderer/public/voice/), run by hand:
 * `npm run voice:generate`. Needs espeak-ng and sox (with Ogg Vorbis):
 *   apt-get install -y espeak-ng sox libsox-fmt-all
 *
 * Each clip is one token of the sentence ("请", "A", "零", "窗口" …); the display chains them
 * (renderer/src/screens/display/voice/tokens.ts builds the sequence). The manifest maps each token's
 * text to its file, so a hall can replace any clip with its own recording by dropping a file of the
 * same name into the folder. The output is committed: the app never synthesises speech at run time.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(fileURLToPath(import.meta.url), '../../..');
const OUT = join(ROOT, 'renderer/public/voice');
const RATE = 16_000;

interface Clip {
  /** Token text as the display's sequence names it. */
  token: string;
  /** File name without extension: ASCII, so a hall can find and replace it on any system. */
  file: string;
  /** What espeak-ng is given (may differ from the token, e.g. spelled out for clarity). */
  say: string;
}

interface Voice {
  lang: 'zh-CN' | 'en';
  /** espeak-ng voice. Chinese uses cmn-latn-pinyin: in espeak-ng 1.51 the plain `cmn` voice reads
   * some characters' pinyin as English ("请" → "king three"); this variant reads the characters. */
  espeak: string;
  /** Words per minute: slower than the default, for a large echoing hall. */
  speed: number;
  clips: Clip[];
}

const LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ'.split('');
const letterClips = (): Clip[] => LETTERS.map((l) => ({ token: l, file: `letter-${l.toLowerCase()}`, say: l }));

const ZH_DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
const EN_DIGITS = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine'];
const EN_TEENS = ['ten', 'eleven', 'twelve', 'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen'];
const EN_TENS = ['twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'];

const VOICES: Voice[] = [
  {
    lang: 'zh-CN',
    espeak: 'cmn-latn-pinyin',
    speed: 140,
    clips: [
      ...ZH_DIGITS.map((d, i) => ({ token: d, file: `digit-${i}`, say: d })),
      ...letterClips(),
      { token: '请', file: 'qing', say: '请' },
      { token: '号', file: 'hao', say: '号' },
      { token: '到', file: 'dao', say: '到' },
      { token: '窗口', file: 'chuangkou', say: '窗口' },
      { token: '办理', file: 'banli', say: '办理' },
      { token: '再次呼叫', file: 'zaici-hujiao', say: '再次呼叫' },
      { token: '十', file: 'shi', say: '十' },
      { token: '百', file: 'bai', say: '百' },
    ],
  },
  {
    lang: 'en',
    espeak: 'en',
    speed: 150,
    clips: [
      ...EN_DIGITS.map((d) => ({ token: d, file: d, say: d })),
      ...EN_TEENS.filter((t) => t !== 'ten').map((t) => ({ token: t, file: t, say: t })),
      { token: 'ten', file: 'ten', say: 'ten' },
      ...EN_TENS.map((t) => ({ token: t, file: t, say: t })),
      ...letterClips(),
      { token: 'Number', file: 'number', say: 'Number' },
      { token: 'please go to window', file: 'please-go-to-window', say: 'please go to window' },
      { token: 'calling again', file: 'calling-again', say: 'Calling again.' },
      { token: 'hundred', file: 'hundred', say: 'hundred' },
    ],
  },
];

function need(tool: string, args: string[]): void {
  try {
    execFileSync(tool, args, { stdio: 'ignore' });
  } catch {
    throw new Error(`${tool} is missing: apt-get install -y espeak-ng sox libsox-fmt-all`);
  }
}

/** Trim the synthesiser's silence at both ends (the display chains clips; silence would drag),
 * bring every clip to one loudness, and leave a short breath after each word. */
const SHAPE = ['silence', '1', '0.02', '0.5%', 'reverse', 'silence', '1', '0.02', '0.5%', 'reverse', 'norm', '-3', 'pad', '0', '0.05'];

function synthesize(voice: Voice, clip: Clip, tmp: string, out: string): void {
  const wav = join(tmp, `${voice.lang}-${clip.file}.wav`);
  execFileSync('espeak-ng', ['-v', voice.espeak, '-s', String(voice.speed), '-w', wav, clip.say]);
  execFileSync('sox', [wav, '-r', String(RATE), '-c', '1', '-C', '1', out, ...SHAPE]);
}

/** A two-tone "ding-dong" (E5 then C5) with a bell-like decay, written as 16-bit PCM WAV. */
function chimeWav(): Buffer {
  const tones: [number, number][] = [
    [659.25, 0.45],
    [523.25, 0.8],
  ];
  const samples: number[] = [];
  for (const [freq, seconds] of tones) {
    const n = Math.round(seconds * RATE);
    for (let i = 0; i < n; i++) {
      const t = i / RATE;
      const attack = Math.min(1, t / 0.005);
      const decay = Math.exp(-t * 4.5);
      // A little second and third harmonic makes it a bell, not a test tone.
      const wave = Math.sin(2 * Math.PI * freq * t) + 0.35 * Math.sin(4 * Math.PI * freq * t) + 0.12 * Math.sin(6 * Math.PI * freq * t);
      samples.push(0.45 * attack * decay * wave);
    }
  }
  const data = Buffer.alloc(samples.length * 2);
  samples.forEach((s, i) => data.writeInt16LE(Math.round(Math.max(-1, Math.min(1, s)) * 32767), i * 2));
  const header = Buffer.alloc(44);
  header.write('RIFF', 0);
  header.writeUInt32LE(36 + data.length, 4);
  header.write('WAVE', 8);
  header.write('fmt ', 12);
  header.writeUInt32LE(16, 16);
  header.writeUInt16LE(1, 20); // PCM
  header.writeUInt16LE(1, 22); // mono
  header.writeUInt32LE(RATE, 24);
  header.writeUInt32LE(RATE * 2, 28);
  header.writeUInt16LE(2, 32);
  header.writeUInt16LE(16, 34);
  header.write('data', 36);
  header.writeUInt32LE(data.length, 40);
  return Buffer.concat([header, data]);
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

function main(): void {
  need('espeak-ng', ['--version']);
  need('sox', ['--version']);
  const tmp = mkdtempSync(join(tmpdir(), 'yizhan-voice-'));
  try {
    mkdirSync(OUT, { recursive: true });
    const chimeIn = join(tmp, 'chime.wav');
    writeFileSync(chimeIn, chimeWav());
    execFileSync('sox', [chimeIn, '-C', '1', join(OUT, 'chime.ogg')]);

    const clips: Record<string, Record<string, string>> = {};
    for (const voice of VOICES) {
      mkdirSync(join(OUT, voice.lang), { recursive: true });
      const map: Record<string, string> = {};
      for (const clip of voice.clips) {
        const rel = `${voice.lang}/${clip.file}.ogg`;
        synthesize(voice, clip, tmp, join(OUT, rel));
        map[clip.token] = rel;
      }
      clips[voice.lang] = map;
    }
    const manifest = {
      note: 'Generated by scripts/generate-voice.ts (espeak-ng + sox). Replace any clip with a recording of the same name and format.',
      format: 'audio/ogg; codecs=vorbis',
      chime: 'chime.ogg',
      clips,
    };
    writeFileSync(join(OUT, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
    const count = VOICES.reduce((n, v) => n + v.clips.length, 1);
    console.warn(`voice: ${count} clips, ${(folderSize(OUT) / 1024).toFixed(0)} KiB in ${OUT}`);
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

main();
