import type { ConversationMessage } from '../electron/domain/contract/schemas.js';
import type { Db } from './open.js';

/** 笔谈 lines at a window; kept only while its ticket is served (personal, and of no later use). */
export function conversationStore(db: Db) {
  const insert = db.prepare<[number, number | null, string, string, number], { id: number; sender: 'clerk' | 'applicant'; text: string; at: number }>(
    `INSERT INTO conversation_messages (window_id, ticket_id, sender, text, at) VALUES (?, ?, ?, ?, ?) RETURNING id, sender, text, at`,
  );
  const list = db.prepare<[number], { id: number; sender: 'clerk' | 'applicant'; text: string; at: number }>(
    `SELECT id, sender, text, at FROM conversation_messages WHERE window_id = ? ORDER BY id`,
  );
  const clear = db.prepare<[number]>(`DELETE FROM conversation_messages WHERE window_id = ?`);
  const toMessage = (r: { id: number; sender: 'clerk' | 'applicant'; text: string; at: number }): ConversationMessage => ({
    id: r.id,
    from: r.sender,
    text: r.text,
    at: r.at,
  });
  return {
    add(windowId: number, ticketId: number | null, from: 'clerk' | 'applicant', text: string, at: number): ConversationMessage {
      const r = insert.get(windowId, ticketId, from, text, at);
      if (!r) throw new Error('message insert returned no row');
      return toMessage(r);
    },
    list: (windowId: number): ConversationMessage[] => list.all(windowId).map(toMessage),
    /** True when there was anything to clear. */
    clear: (windowId: number): boolean => clear.run(windowId).changes > 0,
  };
}

export type ConversationStore = ReturnType<typeof conversationStore>;
