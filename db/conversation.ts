import type { ConversationMessage } from '../electron/domain/contract/schemas.js';
import type { FieldCipher } from './field-cipher.js';
import type { Db } from './open.js';

interface StoredMessage {
  id: number;
  sender: 'clerk' | 'applicant';
  text_enc: Buffer;
  at: number;
}

/** 笔谈 lines at a window, sealed; kept only while its ticket is served (personal, and of no later use). */
export function conversationStore(db: Db, cipher: FieldCipher) {
  const insert = db.prepare<[number, number | null, string, Buffer, number], { id: number }>(
    `INSERT INTO conversation_messages (window_id, ticket_id, sender, text_enc, at) VALUES (?, ?, ?, ?, ?) RETURNING id`,
  );
  const list = db.prepare<[number], StoredMessage>(`SELECT id, sender, text_enc, at FROM conversation_messages WHERE window_id = ? ORDER BY id`);
  const clear = db.prepare<[number]>(`DELETE FROM conversation_messages WHERE window_id = ?`);
  const toMessage = (r: StoredMessage): ConversationMessage => ({
    id: r.id,
    from: r.sender,
    text: cipher.open('conversation_messages', 'text_enc', r.text_enc),
    at: r.at,
  });
  return {
    add(windowId: number, ticketId: number | null, from: 'clerk' | 'applicant', text: string, at: number): ConversationMessage {
      const r = insert.get(windowId, ticketId, from, cipher.seal('conversation_messages', 'text_enc', text), at);
      if (!r) throw new Error('message insert returned no row');
      return { id: r.id, from, text, at };
    },
    list: (windowId: number): ConversationMessage[] => list.all(windowId).map(toMessage),
    /** True when there was anything to clear. */
    clear: (windowId: number): boolean => clear.run(windowId).changes > 0,
  };
}

export type ConversationStore = ReturnType<typeof conversationStore>;
