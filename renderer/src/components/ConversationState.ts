import { useCallback, useEffect, useState } from 'react';
import type { ConversationMessage } from '@domain/contract/schemas.js';
import { callApi, errorKey, isAborted } from '../api/client.js';
import type { ConversationEvent } from '../api/events.js';

/** Merge by id and keep the host's order: a push and the initial read may overlap or cross. */
function merge(list: readonly ConversationMessage[], add: readonly ConversationMessage[]): ConversationMessage[] {
  const byId = new Map(list.map((m) => [m.id, m]));
  for (const m of add) byId.set(m.id, m);
  return [...byId.values()].sort((a, b) => a.id - b.id);
}

export interface ConversationState {
  messages: ConversationMessage[];
  /** Feed to useServerEvents' onConversation. */
  onEvent: (ev: ConversationEvent) => void;
  /** Send one line; resolves when the host has stored it. */
  send: (from: 'clerk' | 'applicant', text: string) => Promise<void>;
  error: string | null;
  clearError: () => void;
}

/** The 笔谈 of one window: read once, then kept current by pushes, re-read after each reconnect. */
export function useConversation(windowId: number): ConversationState {
  const [messages, setMessages] = useState<ConversationMessage[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [reads, setReads] = useState(0);

  useEffect(() => {
    const ctl = new AbortController();
    callApi('conversation', { params: { id: windowId }, signal: ctl.signal })
      // A re-read replaces the list: whatever the host no longer holds was cleared meanwhile.
      .then((r) => setMessages(merge([], r.messages)))
      .catch((e: unknown) => {
        if (!isAborted(e)) setError(errorKey(e));
      });
    return () => ctl.abort();
  }, [windowId, reads]);

  const onEvent = useCallback((ev: ConversationEvent) => {
    if (ev.type === 'message') setMessages((list) => merge(list, [ev.message]));
    else if (ev.type === 'cleared') setMessages([]);
    else setReads((n) => n + 1);
  }, []);

  const send = useCallback(
    async (from: 'clerk' | 'applicant', text: string) => {
      setError(null);
      try {
        const r = await callApi('sendConversation', { params: { id: windowId }, body: { from, text } });
        setMessages((list) => merge(list, [r.message]));
      } catch (e) {
        setError(errorKey(e));
        throw e;
      }
    },
    [windowId],
  );

  const clearError = useCallback(() => setError(null), []);
  return { messages, onEvent, send, error, clearError };
}
