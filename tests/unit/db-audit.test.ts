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
