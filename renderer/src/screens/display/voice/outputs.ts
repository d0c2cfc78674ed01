import { PlaybackBlocked } from './announcer.js';
import type { VoiceOutput } from './announcer.js';
import type { AnnounceLanguage } from './tokens.js';

const sleep = (ms: number) => new Promise<void>((r) => window.setTimeout(r, ms));

/** BCP 47 prefixes a platform voice may carry for each announce language. */
const VOICE_PREFIXES: Record<AnnounceLanguage, readonly string[]> = {
  'zh-CN': ['zh-cn', 'zh-hans', 'cmn', 'zh'],
  en: ['en'],
  mn: ['mn', 'mvf'],
};

/** Voices arrive asynchronously in Chromium: wait for the list once, briefly. */
function voices(): Promise<SpeechSynthesisVoice[]> {
  if (!('speechSynthesis' in window)) return Promise.resolve([]);
  const now = window.speechSynthesis.getVoices();
  if (now.length > 0) return Promise.resolve(now);
  return new Promise((resolve) => {
    const done = () => resolve(window.speechSynthesis.getVoices());
    window.speechSynthesis.addEventListener('voiceschanged', done, { once: true });
    window.setTimeout(done, 1000);
  });
}

export async function platformVoice(lang: AnnounceLanguage): Promise<SpeechSynthesisVoice | null> {
  const list = await voices();
  const prefixes = VOICE_PREFIXES[lang];
  return list.find((v) => prefixes.some((p) => v.lang.toLowerCase().replace('_', '-').startsWith(p))) ?? null;
}

function speak(voice: SpeechSynthesisVoice, text: string): Promise<boolean> {
  return new Promise((resolve, reject) => {
    const u = new SpeechSynthesisUtterance(text);
    u.voice = voice;
    u.lang = voice.lang;
    u.rate = 0.9;
    // Some engines never fire `end`; the queue must not hang on them.
    const guard = window.setTimeout(() => resolve(true), 3000 + text.length * 400);
    u.onend = () => {
      window.clearTimeout(guard);
      resolve(true);
    };
    u.onerror = (ev) => {
      window.clearTimeout(guard);
      if (ev.error === 'not-allowed') reject(new PlaybackBlocked());
      else resolve(false);
    };
    window.speechSynthesis.speak(u);
  });
}

/**
 * Clips through Web Audio: each file is fetched once from our own origin (CSP connect-src 'self'),
 * decoded and cached, and played back to back. An AudioContext that stays suspended means the
 * autoplay policy wants a gesture (a plain browser; the Electron shell lifts the policy).
 */
export function createWebAudioOutput(): VoiceOutput & { preload(urls: readonly string[]): void } {
  let ctx: AudioContext | null = null;
  const buffers = new Map<string, Promise<AudioBuffer | null>>();

  const context = (): AudioContext => {
    ctx ??= new AudioContext();
    return ctx;
  };

  const load = (url: string): Promise<AudioBuffer | null> => {
    let p = buffers.get(url);
    if (!p) {
      p = fetch(url, { credentials: 'same-origin' })
        .then(async (res) => {
          // A missing file comes back as the app's HTML page (client-side routes): not a clip.
          if (!res.ok || (res.headers.get('content-type') ?? '').startsWith('text/html')) return null;
          return await context().decodeAudioData(await res.arrayBuffer());
        })
        .catch(() => null);
      buffers.set(url, p);
    }
    return p;
  };

  const running = async (): Promise<boolean> => {
    const c = context();
    if (c.state === 'running') return true;
    // Without a gesture resume() neither resolves nor rejects in Chromium; do not wait on it forever.
    await Promise.race([c.resume().catch(() => undefined), sleep(300)]);
    return (c.state as AudioContextState) === 'running';
  };

  return {
    preload(urls) {
      for (const url of urls) void load(url);
    },
    async playClip(url) {
      if (!(await running())) throw new PlaybackBlocked();
      const buffer = await load(url);
      if (!buffer) return false;
      const c = context();
      return new Promise<boolean>((resolve) => {
        const src = c.createBufferSource();
        src.buffer = buffer;
        src.connect(c.destination);
        // If the output device stalls, `ended` may never come; the next call must still be heard.
        const guard = window.setTimeout(() => resolve(true), buffer.duration * 1000 + 1500);
        src.onended = () => {
          window.clearTimeout(guard);
          resolve(true);
        };
        src.start();
      });
    },
    async speak(lang, text) {
      const voice = await platformVoice(lang);
      return voice ? speak(voice, text) : false;
    },
    async unlock() {
      try {
        await context().resume();
      } catch {
        return false;
      }
      return context().state === 'running';
    },
  };
}
