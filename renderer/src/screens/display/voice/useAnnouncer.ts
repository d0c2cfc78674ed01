import { useCallback, useEffect, useState, useSyncExternalStore } from 'react';
import type { CallNotice } from '../call-notice.js';
import { Announcer } from './announcer.js';
import type { AnnouncerSnapshot } from './announcer.js';
import { allClipUrls, clipUrl, loadManifest } from './manifest.js';
import type { VoiceManifest } from './manifest.js';
import { createWebAudioOutput, platformVoice } from './outputs.js';
import { announcementPlan, CLIP_LANGUAGES, preferSpeech } from './tokens.js';
import type { AnnounceLanguage } from './tokens.js';

export interface Voice {
  snapshot: AnnouncerSnapshot;
  /** Queue one call's announcement in the hall's languages (from the latest queue state). */
  announce: (notice: CallNotice, languages: readonly AnnounceLanguage[]) => void;
  /** From the "tap to enable sound" button. */
  unlock: () => void;
}

/**
 * `/display?voice=system` prefers the platform's speech engine for Chinese and English where this
 * machine has such a voice (some halls find it more natural); the shipped clips are the default
 * and the fallback.
 */
function wantsSystemVoice(): boolean {
  return new URLSearchParams(location.search).get('voice') === 'system';
}

function createVoice() {
  const output = createWebAudioOutput();
  let manifest: VoiceManifest = { chime: null, clips: {} };
  const speechLanguages = new Set<AnnounceLanguage>();
  const ready = Promise.all([
    loadManifest().then((m) => {
      manifest = m;
      output.preload(allClipUrls(m));
    }),
    wantsSystemVoice()
      ? Promise.all(
          CLIP_LANGUAGES.map(async (lang) => {
            if (await platformVoice(lang)) speechLanguages.add(lang);
          }),
        )
      : null,
  ]);
  const announcer = new Announcer(output, { ready, clipUrl: (step) => clipUrl(manifest, step) });
  return { announcer, speechLanguages };
}

export function useAnnouncer(): Voice {
  const [{ announcer, speechLanguages }] = useState(createVoice);
  useEffect(() => {
    announcer.start();
    return () => announcer.stop();
  }, [announcer]);
  const snapshot = useSyncExternalStore(announcer.subscribe, announcer.snapshot);
  const announce = useCallback(
    (notice: CallNotice, languages: readonly AnnounceLanguage[]) => {
      const plan = announcementPlan(notice.call, languages, notice.recall);
      announcer.enqueue(speechLanguages.size > 0 ? preferSpeech(plan, speechLanguages) : plan);
    },
    [announcer, speechLanguages],
  );
  const unlock = useCallback(() => void announcer.unlock(), [announcer]);
  return { snapshot, announce, unlock };
}
