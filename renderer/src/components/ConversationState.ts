import { useCallback, useState } from 'react';
import type { ConversationMessage } from '@domain/contract/schemas.js';
import { callApi } from '../api/client.js';
import { useRunner } from '../data/use-command.js';
import type { CommandError } from '../data/errors.js';
import { useHostEvent, useWatchWindow } from '../data/use-host-events.js';
import { useQuery } from '../data/use-query.js';

/** Merge by id and keep the host's order: a push and a read may overlap or cross. */
function merge(list: readonly ConversationMessage[], add: readonly ConversationMessage[]): ConversationMessage[] {
  const byId = new Map(list.map((m) => [m.id, m]));
  for (const m of add) byId.set(m.id, m);
  return [...byId.values()].sort((a, b) => a.id - b.id);
}

export interface ConversationState {
  messages: ConversationMessage[];
  /** Send one line; resolves true once the host has stored it. */
  send: (from: 'clerk' | 'applicant', text: string) => Promise<boolean>;
  sending: boolean;
  error: CommandError | null;
  clearError: () => void;
}

/**
 * The 笔谈 of one window: followed on the page's socket, read again each time the host confirms
 * the watch (so also after every reconnect: pushes are never replayed), kept current by pushes in
 * between. A read replaces what was shown: whatever the host no longer holds was cleared.
 */
export function useConversation(windowId: number): ConversationState {
  const read = useQuery('conversation', { params: { id: windowId } });
  // Pushes since the last watch; `stale`: the read that a clear made out of date.
  const [local, setLocal] = useState<{ pushes: ConversationMessage[]; stale: number }>({ pushes: [], stale: -1 });
  const runner = useRunner<'send'>();

  const { refetch } = read;
  useWatchWindow(
    windowId,
    useCallback(() => {
      setLocal({ pushes: [], stale: -1 });
      refetch();
    }, [refetch]),
  );
  useHostEvent('conversation.message', (e) => {
    if (e.windowId === windowId) setLocal((l) => ({ ...l, pushes: [...l.pushes, e.message] }));
  });
  useHostEvent('conversation.cleared', (e) => {
    if (e.windowId === windowId) setLocal({ pushes: [], stale: read.updatedAt });
  });

  const base = read.data && read.updatedAt !== local.stale ? read.data.messages : [];
  const { run } = runner;
  const send = useCallback(
    async (from: 'clerk' | 'applicant', text: string) => {
      const r = await run('send', () => callApi('sendConversation', { params: { id: windowId }, body: { from, text } }));
      if (r) setLocal((l) => ({ ...l, pushes: [...l.pushes, r.message] }));
      return r !== undefined;
    },
    [run, windowId],
  );
  return { messages: merge(base, local.pushes), send, sending: runner.busy !== null, error: runner.error, clearError: runner.clearError };
}
