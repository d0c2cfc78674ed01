/**
 * What the hall hears for a call, as a sequence of short clip tokens. Pure and platform-free so the
 * exact wording is unit-tested; each token names a clip in /voice/manifest.json (the text of a
 * token is what the clip says, so a test can read the sequence back as a sentence).
 */

/** Languages with a shipped clip set. Mongolian has no espeak-ng voice: it goes to speechSynthesis. */
export const CLIP_LANGUAGES = ['zh-CN', 'en'] as const;
export type ClipLanguage = (typeof CLIP_LANGUAGES)[number];
export type AnnounceLanguage = ClipLanguage | 'mn';

export const CHIME = 'chime';

export const ZH_DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'] as const;
export const EN_DIGITS = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine'] as const;
export const EN_TEENS = ['ten', 'eleven', 'twelve', 'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen'] as const;
export const EN_TENS = ['', '', 'twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'] as const;
export const LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ'.split('');

/** Fixed words of each sentence (and of the recall prefix). */
export const WORDS = {
  'zh-CN': { please: '请', number: '号', goTo: '到', window: '窗口', handle: '办理', again: '再次呼叫', ten: '十', hundred: '百' },
  en: { number: 'Number', goTo: 'please go to window', again: 'calling again', hundred: 'hundred' },
} as const;

export interface CallToSay {
  /** Ticket number as printed: A001. */
  number: string;
  windowNumber: number;
}

function digitOf(d: number, names: readonly string[]): string {
  return names[d] ?? String(d);
}

/** A ticket number is read character by character, as halls do: A001 → A 零 零 一 (never "一"). */
export function spellTicket(ticket: string, digits: readonly string[]): string[] {
  const out: string[] = [];
  for (const ch of ticket.toUpperCase()) {
    if (ch >= '0' && ch <= '9') out.push(digitOf(Number(ch), digits));
    else if (LETTERS.includes(ch)) out.push(ch);
    // Anything else (a dash, a space) is not read aloud.
  }
  return out;
}

/** A window number as a Chinese numeral (3 → 三, 12 → 十二, 20 → 二十, 105 → 一百零五);
 * past 999 it is read digit by digit, which still makes sense to a listener. */
export function zhCardinal(n: number): string[] {
  const { ten, hundred } = WORDS['zh-CN'];
  const d = (k: number) => digitOf(k, ZH_DIGITS);
  if (!Number.isInteger(n) || n < 0 || n > 999) return spellTicket(String(Math.trunc(Math.abs(n))), ZH_DIGITS);
  if (n < 10) return [d(n)];
  if (n < 20) return n === 10 ? [ten] : [ten, d(n % 10)];
  if (n < 100) return n % 10 === 0 ? [d(Math.floor(n / 10)), ten] : [d(Math.floor(n / 10)), ten, d(n % 10)];
  const rest = n % 100;
  const head = [d(Math.floor(n / 100)), hundred];
  if (rest === 0) return head;
  if (rest < 10) return [...head, d(0), d(rest)];
  // 110 is 一百一十, not 一百十: after 百 the tens digit is always said.
  if (rest < 20) return [...head, d(1), ten, ...(rest % 10 === 0 ? [] : [d(rest % 10)])];
  return [...head, ...zhCardinal(rest)];
}

/** A window number in English words (3 → three, 12 → twelve, 45 → forty five, 105 → one hundred five). */
export function enCardinal(n: number): string[] {
  if (!Number.isInteger(n) || n < 0 || n > 999) return spellTicket(String(Math.trunc(Math.abs(n))), EN_DIGITS);
  if (n < 10) return [digitOf(n, EN_DIGITS)];
  if (n < 20) return [EN_TEENS[n - 10] ?? String(n)];
  if (n < 100) {
    const tens = EN_TENS[Math.floor(n / 10)] ?? String(n);
    return n % 10 === 0 ? [tens] : [tens, digitOf(n % 10, EN_DIGITS)];
  }
  const rest = n % 100;
  return [digitOf(Math.floor(n / 100), EN_DIGITS), WORDS.en.hundred, ...(rest === 0 ? [] : enCardinal(rest))];
}

/** The tokens of one call in one clip language, without the chime. */
export function callTokens(call: CallToSay, lang: ClipLanguage, recall = false): string[] {
  if (lang === 'zh-CN') {
    const w = WORDS['zh-CN'];
    // 请 A001 号 到 3 号 窗口 办理
    return [
      ...(recall ? [w.again] : []),
      w.please,
      ...spellTicket(call.number, ZH_DIGITS),
      w.number,
      w.goTo,
      ...zhCardinal(call.windowNumber),
      w.number,
      w.window,
      w.handle,
    ];
  }
  const w = WORDS.en;
  // Number A 0 0 1, please go to window 3
  return [...(recall ? [w.again] : []), w.number, ...spellTicket(call.number, EN_DIGITS), w.goTo, ...enCardinal(call.windowNumber)];
}

/**
 * The Mongolian sentence for the platform's speech engine (Khalkha, Cyrillic: the script speech
 * voices read). Kept here rather than in the UI catalogs because it is only ever spoken.
 */
export function mongolianSentence(call: CallToSay, recall = false): string {
  const spelled = call.number.toUpperCase().split('').join(' ');
  return `${recall ? 'Дахин дуудаж байна. ' : ''}${spelled} дугаартай иргэн ${call.windowNumber} дугаар цонхонд ирнэ үү.`;
}

export type Step = { kind: 'chime' } | { kind: 'clip'; lang: ClipLanguage; token: string } | { kind: 'speech'; lang: AnnounceLanguage; text: string };

/** One announcement: a chime, then the call in each language the hall announces in, in order. */
export function announcementPlan(call: CallToSay, languages: readonly AnnounceLanguage[], recall = false): Step[] {
  const steps: Step[] = [{ kind: 'chime' }];
  const seen = new Set<AnnounceLanguage>();
  for (const lang of languages.length > 0 ? languages : (['zh-CN'] as const)) {
    if (seen.has(lang)) continue;
    seen.add(lang);
    if (lang === 'mn') steps.push({ kind: 'speech', lang, text: mongolianSentence(call, recall) });
    else for (const token of callTokens(call, lang, recall)) steps.push({ kind: 'clip', lang, token });
  }
  return steps;
}

/** Replaces the clips of the given languages by one spoken sentence each (the platform voice, when
 * a hall prefers it and the machine has one). */
export function preferSpeech(plan: readonly Step[], languages: ReadonlySet<AnnounceLanguage>): Step[] {
  const out: Step[] = [];
  for (const step of plan) {
    const last = out[out.length - 1];
    if (step.kind !== 'clip' || !languages.has(step.lang)) out.push(step);
    else if (last?.kind === 'speech' && last.lang === step.lang) last.text += ` ${step.token}`;
    else out.push({ kind: 'speech', lang: step.lang, text: step.token });
  }
  return out;
}

/** How a step is named in the played log (tests read it back). */
export function stepLabel(step: Step): string {
  return step.kind === 'chime' ? CHIME : step.kind === 'clip' ? step.token : step.text;
}
