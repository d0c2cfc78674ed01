import { useCallback, useState } from 'react';
import { useServerEvents } from '../../api/events.js';
import { ConnectionBanner } from '../../components/ConnectionBanner.js';
import { useConversation } from '../../components/ConversationState.js';
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
export function ClerkWorkspace({ onSessionLost }: { onSessionLost: () => void }) {
  const [windowId, setWindowId] = useState<number | null>(readWindowId);

  const choose = useCallback((id: number | null) => {
    if (id === null) sessionStorage.removeItem(WINDOW_KEY);
    else sessionStorage.setItem(WINDOW_KEY, String(id));
    setWindowId(id);
  }, []);
  // Stable, because the console re-reads its window whenever this changes.
  const changeWindow = useCallback(() => choose(null), [choose]);

  return windowId === null ? (
    <PickerWithEvents onChoose={choose} onSessionLost={onSessionLost} />
  ) : (
    <ConsoleWithEvents key={windowId} windowId={windowId} onChangeWindow={changeWindow} onSessionLost={onSessionLost} />
  );
}

function PickerWithEvents({ onChoose, onSessionLost }: { onChoose: (id: number) => void; onSessionLost: () => void }) {
  const { queue, status } = useServerEvents('clerk');
  return (
    <>
      <ConnectionBanner status={status} />
      <WindowPicker queue={queue} onChoose={onChoose} onSessionLost={onSessionLost} />
    </>
  );
}

/** The console's socket also carries this window's 笔谈, so it is opened with the window's id. */
function ConsoleWithEvents({ windowId, onChangeWindow, onSessionLost }: { windowId: number; onChangeWindow: () => void; onSessionLost: () => void }) {
  const conversation = useConversation(windowId);
  const { queue, status } = useServerEvents('clerk', { window: windowId, onConversation: conversation.onEvent });
  return (
    <>
      <ConnectionBanner status={status} />
      <WindowConsole windowId={windowId} queue={queue} conversation={conversation} onChangeWindow={onChangeWindow} onSessionLost={onSessionLost} />
    </>
  );
}
