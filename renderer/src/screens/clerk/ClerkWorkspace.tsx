import { useCallback, useState } from 'react';
import { WindowConsole } from './WindowConsole.js';
import { WindowPicker } from './WindowPicker.js';

// sessionStorage, not localStorage: the choice belongs to this sitting at this PC, and a new
// browser session should ask again rather than silently serve someone else's window.
export const WINDOW_KEY = 'yizhan.clerk.windowId';

function readWindowId(): number | null {
  const raw = sessionStorage.getItem(WINDOW_KEY);
  const id = raw === null ? NaN : Number(raw);
  return Number.isInteger(id) && id > 0 ? id : null;
}

/** A signed-in clerk: choose a window, then serve it. */
export function ClerkWorkspace() {
  const [windowId, setWindowId] = useState<number | null>(readWindowId);
  // Why the list is shown again (the window was taken over by a colleague), as an i18n key.
  const [notice, setNotice] = useState<string | null>(null);

  const choose = useCallback((id: number | null, why: string | null = null) => {
    if (id === null) sessionStorage.removeItem(WINDOW_KEY);
    else sessionStorage.setItem(WINDOW_KEY, String(id));
    setNotice(why);
    setWindowId(id);
  }, []);
  // Stable, because the console goes back to the list through it when its window is gone.
  const changeWindow = useCallback((why?: string) => choose(null, why ?? null), [choose]);

  return windowId === null ? (
    <WindowPicker onChoose={choose} notice={notice} />
  ) : (
    <WindowConsole key={windowId} windowId={windowId} onChangeWindow={changeWindow} />
  );
}
