import { createContext, useContext } from 'react';

/** What the citizen chose on the welcome screen; reset by every wipe. */
export interface JourneyPrefs {
  elderly: boolean;
  voice: boolean;
}

export const DEFAULT_PREFS: JourneyPrefs = { elderly: false, voice: false };

export const JourneyPrefsContext = createContext<JourneyPrefs>(DEFAULT_PREFS);

export function useJourneyPrefs(): JourneyPrefs {
  return useContext(JourneyPrefsContext);
}

/** Dispatched on window when something other than a touch shows a person is there (a card read). */
export const ACTIVITY_EVENT = 'yizhan:activity';

export function signalActivity(): void {
  window.dispatchEvent(new Event(ACTIVITY_EVENT));
}
