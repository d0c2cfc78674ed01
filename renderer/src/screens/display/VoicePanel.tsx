import type { TFunction } from 'i18next';
import type { AnnouncerSnapshot } from './voice/announcer.js';

/**
 * The "tap to enable sound" button, shown only when the browser refused to play without a gesture
 * (a plain browser; the Electron shell lifts the autoplay policy), and the announcer's log for
 * tests and service staff: aria-hidden and hidden, as it repeats what the board already shows.
 */
export function VoicePanel({ snapshot, onUnlock, zh, en }: { snapshot: AnnouncerSnapshot; onUnlock: () => void; zh: TFunction; en: TFunction }) {
  return (
    <>
      {snapshot.state === 'blocked' ? (
        <button type="button" className="display-sound" onClick={onUnlock}>
          <span aria-hidden="true" className="display-sound__icon">
            🔊
          </span>{' '}
          {zh('voice.enable')} <span lang="en">/ {en('voice.enable')}</span>
        </button>
      ) : null}
      <ol id="voice-log" hidden aria-hidden="true" data-state={snapshot.state} data-queued={snapshot.queued}>
        {snapshot.played.map((p, i) => (
          <li key={i} data-job={p.job} data-lang={p.lang} data-result={p.result}>
            {p.label}
          </li>
        ))}
      </ol>
    </>
  );
}
