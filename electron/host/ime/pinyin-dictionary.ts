import { readFile } from 'node:fs/promises';
import type { PinyinCandidate, PinyinContext } from '../../domain/contract/ime-api.js';
import { COMPOUND_SURNAMES, SURNAME_READINGS } from '../../domain/identity/pinyin-name.js';
import { GIVEN_NAME, SURNAMES } from './name-characters.js';
import { canonicalSyllable, completions, splitSyllables, SYLLABLE_SET } from './pinyin-syllables.js';

/**
 * Pinyin → characters for the on-screen input, built on the host from two sources:
 *
 * - Debian's rime-data-pinyin-simp (`/usr/share/rime-data/pinyin_simp.dict.yaml`, Apache-2.0, from
 *   Android's PinyinIME): about 17,000 characters and 50,000 words, each with a frequency, which
 *   orders the candidates as people write;
 * - pinyin-pro (already the host's pinyin library), whose readings of every character of the CJK
 *   block fill in what the first lacks: rare name characters (堃, 祎 …) are then reachable by
 *   their reading, after the common ones.
 *
 * Without the Debian file (a Windows hall, say) the second alone serves, ordered by GB 2312 level
 * (its first level is the 3,755 characters in common use). Loaded on the first request, in memory
 * only; nothing of what is asked is kept.
 */
export interface PinyinLookup {
  syllables: string[];
  candidates: PinyinCandidate[];
  more: boolean;
}

export interface PinyinDictionary {
  /** Where the frequencies came from, for the start log. */
  readonly source: 'rime' | 'pinyin-pro';
  lookup(letters: string, context: PinyinContext, offset: number, limit: number): PinyinLookup;
}

interface Weighted {
  text: string;
  weight: number;
}

const SURNAME_RANK: ReadonlyMap<string, number> = new Map([...new Set(SURNAMES)].map((c, i) => [c, i]));
/** Phrases offered for running text are at most this many syllables long. */
const MAX_PHRASE_SYLLABLES = 6;

/** GB 2312 level of a character: 2 for the first level (common use), 1 for the second, 0 otherwise. */
function gb2312Levels(): Map<string, number> {
  const levels = new Map<string, number>();
  const decoder = new TextDecoder('gb18030');
  for (let row = 0xb0; row <= 0xf7; row++)
    for (let cell = 0xa1; cell <= 0xfe; cell++) {
      const ch = decoder.decode(new Uint8Array([row, cell]));
      if (ch.length === 1 && ch !== '\ufffd') levels.set(ch, row <= 0xd7 ? 2 : 1);
    }
  return levels;
}

/** Parses a Rime dictionary: a YAML header ending with `...`, then `text<TAB>pinyin<TAB>weight`. */
export function parseRimeDictionary(text: string): { chars: Map<string, Map<string, number>>; phrases: Map<string, Weighted[]> } {
  const chars = new Map<string, Map<string, number>>();
  const phrases = new Map<string, Weighted[]>();
  const body = text.indexOf('\n...');
  for (const line of (body >= 0 ? text.slice(body + 4) : text).split('\n')) {
    if (line === '' || line.startsWith('#')) continue;
    const [word, code, w] = line.split('\t');
    if (!word || !code) continue;
    const weight = Number.parseInt(w ?? '0', 10) || 0;
    const syllables = code.trim().split(/\s+/).map(canonicalSyllable);
    if (!syllables.every((s) => SYLLABLE_SET.has(s))) continue;
    const glyphs = [...word];
    if (glyphs.length !== syllables.length) continue;
    const [syl] = syllables;
    if (syl !== undefined && glyphs.length === 1) {
      let m = chars.get(syl);
      if (!m) chars.set(syl, (m = new Map()));
      m.set(word, Math.max(weight, m.get(word) ?? 0));
    } else if (glyphs.length <= MAX_PHRASE_SYLLABLES) {
      const key = syllables.join(' ');
      let list = phrases.get(key);
      if (!list) phrases.set(key, (list = []));
      list.push({ text: word, weight });
    }
  }
  for (const list of phrases.values()) list.sort((a, b) => b.weight - a.weight);
  return { chars, phrases };
}

/** Every character pinyin-pro reads, by syllable (all its readings); and the two-character
 * surnames by their reading as one string (欧阳 → ouyang, 尉迟 → yuchi). */
async function pinyinProReadings(): Promise<{ chars: Map<string, Set<string>>; compound: Map<string, string> }> {
  const { pinyin } = await import('pinyin-pro');
  const compound = new Map<string, string>();
  for (const cs of COMPOUND_SURNAMES) {
    const reading = SURNAME_READINGS[cs]?.toLowerCase() ?? pinyin(cs, { type: 'array', toneType: 'none' }).map(canonicalSyllable).join('');
    compound.set(cs, reading);
  }
  const out = new Map<string, Set<string>>();
  const add = (syl: string, ch: string) => {
    let s = out.get(syl);
    if (!s) out.set(syl, (s = new Set()));
    s.add(ch);
  };
  for (const [from, to] of [
    [0x3400, 0x4dbf],
    [0x4e00, 0x9fff],
  ] as const)
    for (let cp = from; cp <= to; cp++) {
      const ch = String.fromCodePoint(cp);
      for (const r of pinyin(ch, { multiple: true, type: 'array', toneType: 'none' })) {
        const syl = canonicalSyllable(r);
        if (SYLLABLE_SET.has(syl)) add(syl, ch);
      }
    }
  // Surnames read otherwise than the character usually is (单 SHAN) are found by that reading.
  for (const [ch, reading] of Object.entries(SURNAME_READINGS)) {
    const syl = canonicalSyllable(reading);
    if ([...ch].length === 1 && SYLLABLE_SET.has(syl)) add(syl, ch);
  }
  return { chars: out, compound };
}

export async function loadPinyinDictionary(file: string | null, log: (line: string) => void): Promise<PinyinDictionary> {
  let rime: ReturnType<typeof parseRimeDictionary> | null = null;
  if (file) {
    try {
      rime = parseRimeDictionary(await readFile(file, 'utf8'));
    } catch (err) {
      log(`ime: pinyin frequencies not loaded (${(err as NodeJS.ErrnoException).code ?? 'unreadable'}: ${file}); candidates follow GB 2312 order`);
    }
  }
  const { chars: readings, compound } = await pinyinProReadings();
  const levels = gb2312Levels();
  const chars = new Map<string, Map<string, number>>();
  for (const [syl, set] of readings) chars.set(syl, new Map([...set].map((ch) => [ch, 0])));
  if (rime)
    for (const [syl, m] of rime.chars) {
      let target = chars.get(syl);
      if (!target) chars.set(syl, (target = new Map()));
      for (const [ch, w] of m) target.set(ch, Math.max(w, target.get(ch) ?? 0));
    }
  const phrases = rime?.phrases ?? new Map<string, Weighted[]>();
  const ranked = new Map<string, string[]>();

  /** The characters read `syl`, best first for the context. */
  const rankedChars = (syl: string, context: PinyinContext): string[] => {
    const key = `${syl}|${context}`;
    const known = ranked.get(key);
    if (known) return known;
    const entries = [...(chars.get(syl) ?? new Map<string, number>())];
    const tier = (ch: string): number => {
      if (context === 'surname') return SURNAME_RANK.get(ch) ?? SURNAME_RANK.size;
      if (context === 'givenName') return GIVEN_NAME.has(ch) ? 0 : 1;
      return 0;
    };
    entries.sort(
      ([a, wa], [b, wb]) => tier(a) - tier(b) || wb - wa || (levels.get(b) ?? 0) - (levels.get(a) ?? 0) || (a.codePointAt(0) ?? 0) - (b.codePointAt(0) ?? 0),
    );
    const list = entries.map(([ch]) => ch);
    ranked.set(key, list);
    return list;
  };

  return {
    source: rime ? 'rime' : 'pinyin-pro',
    lookup(letters, context, offset, limit) {
      const syllables = splitSyllables(letters);
      if (!syllables) return { syllables: [], candidates: [], more: false };
      const out: PinyinCandidate[] = [];
      const seen = new Set<string>();
      const push = (text: string, n: number) => {
        if (seen.has(text)) return;
        seen.add(text);
        out.push({ text, letters: n });
      };
      const complete = syllables.filter((s) => s.complete);
      const lettersUpTo = (k: number) => syllables.slice(0, k).reduce((n, s) => n + s.letters, 0);
      // Several syllables: whole words first, longest first (呼和浩特 for huhehaote), for running
      // text; for a surname, the two-character surnames (欧阳 for ouyang).
      if (context === 'text')
        for (let k = Math.min(complete.length, MAX_PHRASE_SYLLABLES); k >= 2; k--)
          for (const p of phrases.get(
            complete
              .slice(0, k)
              .map((s) => s.text)
              .join(' '),
          ) ?? [])
            push(p.text, lettersUpTo(k));
      const [one, two] = complete;
      if (context === 'surname' && one && two) {
        const typed = one.text + two.text;
        for (const [cs, reading] of compound) if (reading === typed) push(cs, lettersUpTo(2));
      }
      const [first] = syllables;
      if (!first) return { syllables: [], candidates: [], more: false };
      if (first.complete) for (const ch of rankedChars(first.text, context)) push(ch, first.letters);
      else {
        // An unfinished syllable (zh): the characters of every syllable it may become, by the
        // same order, so that the common ones show while typing goes on.
        const lists = completions(first.text).map((s) => rankedChars(s, context));
        const merged = lists.flatMap((l) => l.map((ch, i) => ({ ch, i })));
        merged.sort((a, b) => a.i - b.i);
        for (const { ch } of merged) push(ch, first.letters);
      }
      return {
        syllables: syllables.map((s) => s.text),
        candidates: out.slice(offset, offset + limit),
        more: out.length > offset + limit,
      };
    },
  };
}
