import type { ClipLanguage } from './tokens.js';

/** /voice/manifest.json, written by scripts/generate-voice.ts: token text → file, per language. */
export interface VoiceManifest {
  chime: string | null;
  clips: Partial<Record<ClipLanguage, Record<string, string>>>;
}

export const VOICE_BASE = '/voice/';
const EMPTY: VoiceManifest = { chime: null, clips: {} };

/** Only plain relative file names below /voice/ are accepted: the manifest may be a hall's own. */
function safePath(v: unknown): string | null {
  return typeof v === 'string' && /^[\w-]+(\/[\w.-]+)*\.(ogg|opus|mp3|wav|m4a|webm)$/i.test(v) && !v.includes('..') ? v : null;
}

export function parseManifest(json: unknown): VoiceManifest {
  if (typeof json !== 'object' || json === null) return EMPTY;
  const raw = json as { chime?: unknown; clips?: unknown };
  const clips: VoiceManifest['clips'] = {};
  if (typeof raw.clips === 'object' && raw.clips !== null) {
    for (const lang of ['zh-CN', 'en'] as const) {
      const table = (raw.clips as Record<string, unknown>)[lang];
      if (typeof table !== 'object' || table === null) continue;
      const map: Record<string, string> = {};
      for (const [token, file] of Object.entries(table as Record<string, unknown>)) {
        const path = safePath(file);
        if (path) map[token] = path;
      }
      clips[lang] = map;
    }
  }
  return { chime: safePath(raw.chime), clips };
}

export async function loadManifest(): Promise<VoiceManifest> {
  try {
    const res = await fetch(`${VOICE_BASE}manifest.json`, { credentials: 'same-origin', cache: 'no-cache' });
    if (!res.ok) return EMPTY;
    return parseManifest(await res.json());
  } catch {
    // No clip set: every call is still shown; the log records each token as missing.
    return EMPTY;
  }
}

export function clipUrl(manifest: VoiceManifest, step: { kind: 'chime' } | { kind: 'clip'; lang: ClipLanguage; token: string }): string | null {
  const file = step.kind === 'chime' ? manifest.chime : (manifest.clips[step.lang]?.[step.token] ?? null);
  return file ? VOICE_BASE + file : null;
}

export function allClipUrls(manifest: VoiceManifest): string[] {
  const files = [manifest.chime, ...Object.values(manifest.clips).flatMap((m) => Object.values(m ?? {}))];
  return files.filter((f): f is string => f !== null).map((f) => VOICE_BASE + f);
}
