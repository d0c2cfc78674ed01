import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../db/open.js';
import { windowStore } from '../../db/windows.js';
import { tempDir } from '../support/temp-dir.js';

describe('window store', () => {
  it('lists the default hall with A and B duties, and the (cached) list follows every write', () => {
    const dir = tempDir();
    const { db } = openDatabase(dir.path);
    try {
      const windows = windowStore(db);
      const two = windows.list().find((w) => w.number === 2);
      expect(two).toMatchObject({ primary: ['household'], backup: ['exit_entry'], status: 'closed', staffName: null });
      windows.setStatus(two!.id, 'open', null, { kind: 'window_opened', staffId: null, serviceDay: '2026-11-24', at: 1 });
      expect(windows.list().find((w) => w.number === 2)?.status).toBe('open');
      windows.save(two!.id, { number: 2, name: '二号综合窗口', primary: ['traffic'], backup: [] });
      expect(windows.list().find((w) => w.number === 2)).toMatchObject({ name: '二号综合窗口', primary: ['traffic'], backup: [] });
      const id = windows.create({ number: 9, name: '9号窗口', primary: ['exit_entry'], backup: ['household'] });
      expect(windows.list().map((w) => w.id)).toContain(id);
      expect(() => windows.create({ number: 9, name: 'dup', primary: ['household'], backup: [] })).toThrow();
      expect(windows.list().filter((w) => w.number === 9)).toHaveLength(1);
    } finally {
      db.close();
      dir.remove();
    }
  });
});
