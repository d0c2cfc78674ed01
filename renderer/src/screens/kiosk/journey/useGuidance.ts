import { useEffect, useState } from 'react';
import { z } from 'zod';

/**
 * Spoken guidance for the kiosk journey: one clip per screen (`journey.guide.*` in the catalogs),
 * made offline by scripts/generate-guidance.ts into /voice/guide/. Nothing is synthesised here:
 * Electron on Linux has no dependable speechSynthesis voice.
 */
export const GUIDE_KEYS = [
  'welcome',
  'line',
  'service',
  'quick',
  'notice',
  'identify',
  'keypad',
  'scan',
  'question',
  // The on-screen input of a text question, by how the citizen is writing (components/ime).
  'handwriting',
  'pinyin',
  'letters',
  'plate',
  'materials',
  'blocked',
  'check',
  'confirmation',
  'confirmationNoTicket',
  // A ticket taken without an application ("只取号"): nothing was submitted.
  'ticketTaken',
  'idle',
  'progress',
  // 好差评 on the counter screen after 办结: the five levels, then a 差评's reasons.
  'rating',
  'ratingReason',
] as const;
export type GuideKey = (typeof GUIDE_KEYS)[number];

/** language → guide key → URL path below /voice/guide/. */
export type GuideManifest = Readonly<Record<string, Readonly<Record<string, string>>>>;

export const GUIDE_BASE = '/voice/guide/';
const EMPTY: GuideManifest = {};

/** A hall may ship its own manifest: only plain relative audio files below /voice/guide/ pass. */
const Entry = z.object({
  file: z
    .string()
    .regex(/^[\w-]+(\/[\w.-]+)*\.(ogg|opus|mp3|wav|m4a|webm)$/i)
    .refine((f) => !f.includes('..')),
});
const LANGUAGE = /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/;

/** Lenient per entry: one bad line in a hand-edited manifest silences that clip, not the kiosk. */
export function parseGuideManifest(json: unknown): GuideManifest {
  const top = z.object({ clips: z.record(z.string(), z.unknown()) }).safeParse(json);
  if (!top.success) return EMPTY;
  const out: Record<string, Record<string, string>> = {};
  for (const [lang, table] of Object.entries(top.data.clips)) {
    if (!LANGUAGE.test(lang) || typeof table !== 'object' || table === null) continue;
    const map: Record<string, string> = {};
    for (const [key, raw] of Object.entries(table)) {
      const entry = Entry.safeParse(raw);
      if (entry.success) map[key] = entry.data.file;
    }
    if (Object.keys(map).length > 0) out[lang] = map;
  }
  return out;
}

let loaded: GuideManifest | null = null;
let loading: Promise<GuideManifest> | null = null;

/** Fetched once per page. A failed fetch is not cached, so the next screen that mounts tries again. */
function loadGuideManifest(): Promise<GuideManifest> {
  // Through then(): a fetch that throws synchronously must become a rejection, not an exception.
  loading ??= Promise.resolve()
    .then(() => fetch(`${GUIDE_BASE}manifest.json`, { credentials: 'same-origin', cache: 'no-cache' }))
    .then(async (res) => {
      if (!res.ok) throw new Error(`manifest ${res.status}`);
      // A missing file comes back as the app's HTML page (client-side routes): json() throws.
      loaded = parseGuideManifest(await res.json());
      return loaded;
    })
    .catch(() => {
      loading = null;
      return EMPTY;
    });
  return loading;
}

/** One element for every clip: a new clip replaces the last, never overlaps it. */
let audio: HTMLAudioElement | null = null;
/** Which request owns the element, so a screen's cleanup never stops another screen's clip. */
let playing = 0;
let nextRequest = 1;

function play(url: string): number {
  const id = nextRequest++;
  playing = id;
  try {
    audio ??= new Audio();
    audio.src = url;
    // Autoplay refusal (a plain browser without a gesture) or a missing file: silence, never a throw.
    void Promise.resolve(audio.play()).catch(() => undefined);
  } catch {
    // No audio support at all: the guidance stays on screen as text.
  }
  return id;
}

function stop(id: number): void {
  if (playing !== id || audio === null) return;
  playing = 0;
  try {
    audio.pause();
  } catch {
    // Nothing to stop.
  }
}

function clipUrl(manifest: GuideManifest, language: string, key: GuideKey): string | null {
  const file = manifest[language]?.[key];
  return file ? GUIDE_BASE + file : null;
}

/** What scripts/generate-guidance.ts makes: the answer until the manifest has arrived. */
const GENERATED_LANGUAGES: readonly string[] = ['zh-CN', 'en'];

/**
 * Whether guidance clips exist for `language` (espeak-ng has no Mongolian voice, so `mn` has none
 * unless the hall recorded its own). Synchronous, for render: before the manifest has loaded (a few
 * milliseconds after the first kiosk screen mounts) it answers for the generated set.
 */
export function voiceAvailable(language: string): boolean {
  if (loaded === null) {
    void loadGuideManifest();
    return GENERATED_LANGUAGES.includes(language);
  }
  return Object.keys(loaded[language] ?? {}).length > 0;
}

/**
 * Plays the clip for `key` once each time it (or the language) changes while `on`, and the current
 * one when `on` turns true; stops it on the next change, when turned off and on unmount. The last
 * requested clip is in `<html data-guidance="<lang>/<key>">` while on, for tests and diagnostics.
 */
export function useGuidance(key: GuideKey | null, opts: { language: string; on: boolean }): void {
  const { language, on } = opts;
  const [manifest, setManifest] = useState<GuideManifest | null>(() => loaded);

  useEffect(() => {
    if (manifest !== null) return;
    let live = true;
    void loadGuideManifest().then((m) => {
      if (live) setManifest(m);
    });
    return () => {
      live = false;
    };
  }, [manifest]);

  useEffect(() => {
    const root = document.documentElement;
    if (!on) {
      delete root.dataset.guidance;
      return;
    }
    if (key === null) return;
    root.dataset.guidance = `${language}/${key}`;
    // Until the manifest is here there is nothing to play; this effect runs again when it arrives.
    const url = manifest === null ? null : clipUrl(manifest, language, key);
    if (url === null) return;
    const id = play(url);
    return () => stop(id);
  }, [key, language, on, manifest]);

  useEffect(
    () => () => {
      delete document.documentElement.dataset.guidance;
    },
    [],
  );
}
