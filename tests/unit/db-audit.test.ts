import { describe, expect, it } from 'vitest';
import { auditStore } from '../../db/audit.js';
import { openDatabase } from '../../db/open.js';
import { tempDir } from '../support/temp-dir.js';

describe('audit log hash chain', () => {
  it('verifies an untouched chain and detects an edited, removed or reordered entry', () => {
    const dir = tempDir();
    const { db } = openDatabase(dir.path);
    try {
      const audit = auditStore(db);
      for (let i = 1; i <= 5; i++) audit.append({ at: i, actor: 'staff:C1@terminal:1', action: 'ticket.call', target: `A00${i}`, detail: '' });
      expect(audit.verify()).toBe(true);
      expect(audit.recent(2).map((e) => e.target)).toEqual(['A005', 'A004']);
      // Someone with the file drops the guard triggers and rewrites history.
      db.exec(`DROP TRIGGER audit_log_no_update; DROP TRIGGER audit_log_no_delete;`);
      db.prepare(`UPDATE audit_log SET target = 'A999' WHERE id = 3`).run();
      expect(audit.verify()).toBe(false);
      db.prepare(`UPDATE audit_log SET target = 'A003' WHERE id = 3`).run();
      expect(audit.verify()).toBe(true);
      db.prepare(`DELETE FROM audit_log WHERE id = 2`).run();
      expect(audit.verify()).toBe(false);
    } finally {
      db.close();
      dir.remove();
    }
  });
});

describe('reading the audit log a page at a time', () => {
  it('filters by actor, action family or action, and time, and pages newest first', () => {
    const dir = tempDir();
    const { db } = openDatabase(dir.path);
    try {
      const audit = auditStore(db);
      const actors = ['staff:S001@terminal:1', 'staff:C1@terminal:2', 'terminal:3', 'system'];
      for (let i = 1; i <= 40; i++) {
        audit.append({ at: i * 1000, actor: actors[i % 4]!, action: i % 2 ? 'ticket.call' : 'window.open', target: `A${i}`, detail: '' });
      }
      const first = audit.find({ action: 'ticket' }, 5);
      expect(first.entries.map((e) => e.target)).toEqual(['A39', 'A37', 'A35', 'A33', 'A31']);
      const second = audit.find({ action: 'ticket', before: first.next ?? 0 }, 5);
      expect(second.entries.map((e) => e.target)).toEqual(['A29', 'A27', 'A25', 'A23', 'A21']);
      expect(audit.find({ action: 'window.open', from: 10_000, to: 14_000 }, 50).entries.map((e) => e.target)).toEqual(['A12', 'A10']);
      // A staff number finds them at every terminal; a terminal finds its staff's entries and its own.
      expect(audit.find({ actor: 'staff:C1' }, 50).entries.every((e) => e.actor === 'staff:C1@terminal:2')).toBe(true);
      expect(audit.find({ actor: 'terminal:2' }, 50).entries).toHaveLength(10);
      expect(audit.find({ actor: 'terminal:3' }, 50).entries).toHaveLength(10);
      // Wildcards in a filter are plain characters.
      expect(audit.find({ actor: '%' }, 50).entries).toEqual([]);
      const last = audit.find({}, 100);
      expect(last.entries).toHaveLength(40);
      expect(last.next).toBeNull();
    } finally {
      db.close();
      dir.remove();
    }
  });
});
