import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { appRoot } from '../../db/app-root.js';
import { loadMigrations, migrate } from '../../db/migrate.js';
import { applyPragmas, DATABASE_FILE } from '../../db/open.js';
import { startHost } from '../../electron/host/start-host.js';
import { idNumber, startCaseHost } from '../support/case-host.js';
import { findTexts } from '../support/folder-scan.js';
import { tempDir } from '../support/temp-dir.js';
import { cipherOf } from '../support/test-cipher.js';

/**
 * 差评 rectification notes name the citizen (回访 by phone): they are sealed at rest like the
 * rating's comment, never logged, and read back whole by the supervisor.
 */
// Tuesday 24 November 2026, 10:00 in Asia/Shanghai.
const NOW = Date.UTC(2026, 10, 24, 2, 0, 0);
const CITIZEN = '欧阳美玲';
const PHONE = '13699887766';
const NOTES = {
  callback: `电话回访${CITIZEN}（${PHONE}），群众认可`,
  fix: `为${CITIZEN}补办，高峰期加开窗口`,
  answer: `已答复${CITIZEN}，电话${PHONE}`,
};
const form = { name: '张晓明', idNumber: idNumber('19850312'), phone: '13800138000', newAddress: '锡林浩特市额尔敦路12号', moveReason: 'work' };

describe('差评 rectification notes at rest', () => {
  it('are sealed in the database, kept out of the log, and shown whole to the supervisor', async () => {
    const logs: string[] = [];
    const h = await startCaseHost(NOW, { log: (l) => logs.push(l) });
    try {
      const clerk = await h.clerkAt(1, 'C601');
      const counter = { token: await h.pair('display') };
      await h.submit('hukou_transfer', form, ['id_card', 'hukou_booklet', 'transfer_consent']);
      for (const step of ['call-next', 'start', 'finish']) expect((await h.post(`/api/windows/1/${step}`, clerk, {})).status).toBe(200);
      const ask = ((await h.get('/api/windows/1/rating', counter)).body as { ask: { ticketId: number } }).ask;
      expect((await h.post('/api/windows/1/rating', counter, { ticketId: ask.ticketId, level: 2, reasons: ['slow'] })).status).toBe(200);
      const sup = await h.supervisor();
      const id = ((await h.get('/api/rectifications?filter=open', sup)).body as { items: { id: number }[] }).items[0]?.id;
      const step = async (body: Record<string, unknown>) => {
        const { version } = ((await h.get(`/api/rectifications/${id}`, sup)).body as { item: { version: number } }).item;
        const r = await h.post(`/api/rectifications/${id}`, sup, { version, ...body });
        expect(r.status, JSON.stringify(r.body)).toBe(200);
      };
      await step({ step: 'assign', staffId: 1 });
      for (const [name, text] of Object.entries(NOTES)) await step({ step: name, text });

      const item = ((await h.get(`/api/rectifications/${id}`, sup)).body as { item: Record<string, unknown> }).item;
      expect(item).toMatchObject({ callbackResult: NOTES.callback, fix: NOTES.fix, answer: NOTES.answer, appealReason: '' });
      const listed = ((await h.get('/api/rectifications?filter=all', sup)).body as { items: Record<string, unknown>[] }).items;
      expect(listed[0]).toMatchObject({ callbackResult: NOTES.callback, answer: NOTES.answer });

      expect(findTexts(h.dataDir, [CITIZEN, PHONE])).toEqual([]);
      await h.host.close();
      expect(findTexts(h.dataDir, [CITIZEN, PHONE])).toEqual([]);
      expect(logs.join('\n')).not.toMatch(new RegExp(`${CITIZEN}|${PHONE}`));
      const db = new Database(join(h.dataDir, DATABASE_FILE), { readonly: true });
      try {
        const row = db
          .prepare(`SELECT callback_result_enc AS c, fix_enc AS f, answer_enc AS a, appeal_reason_enc AS r FROM rating_rectifications`)
          .get() as Record<string, Buffer | null>;
        const cipher = cipherOf(h.dataDir);
        expect(cipher.open('rating_rectifications', 'callback_result_enc', row.c as Buffer)).toBe(NOTES.callback);
        expect(row.r).toBeNull();
      } finally {
        db.close();
      }
    } finally {
      await h.close();
    }
  });
});

describe('an older database with 差评 notes in clear', () => {
  const dir = tempDir();
  afterAll(() => dir.remove());

  it('is sealed at the first start, its clear columns dropped, and the notes leave every file', async () => {
    const migrations = loadMigrations(join(appRoot(), 'db', 'migrations'));
    const before = migrations.findIndex((m) => m.name === 'live_sessions_sealed_notes');
    const legacy = new Database(join(dir.path, DATABASE_FILE));
    applyPragmas(legacy);
    migrate(legacy, migrations.slice(0, before));
    legacy
      .prepare(
        `INSERT INTO service_ratings (id, ticket_id, level, channel, reasons, at, service_day) VALUES (1, 7, 1, 'counter', '["attitude"]', ?, '2026-11-24')`,
      )
      .run(NOW);
    legacy
      .prepare(
        `INSERT INTO rating_rectifications (rating_id, status, due_day, callback_result, fix, answer, appeal_reason, opened_at, updated_at)
         VALUES (1, 'appealed', '2026-12-01', ?, ?, '', ?, ?, ?)`,
      )
      .run(NOTES.callback, NOTES.fix, `${CITIZEN}多次无理取闹`, NOW, NOW);
    legacy.close();
    expect(findTexts(dir.path, [CITIZEN])).not.toEqual([]);

    const host = await startHost({ dataDir: dir.path, host: '127.0.0.1', port: 0, log: () => {}, clock: () => NOW });
    await host.close();
    expect(findTexts(dir.path, [CITIZEN, PHONE])).toEqual([]);
    const db = new Database(join(dir.path, DATABASE_FILE), { readonly: true });
    try {
      const columns = db.prepare(`SELECT name FROM pragma_table_info('rating_rectifications')`).pluck().all();
      for (const clear of ['callback_result', 'fix', 'answer', 'appeal_reason']) expect(columns).not.toContain(clear);
      const row = db
        .prepare(`SELECT callback_result_enc AS c, fix_enc AS f, answer_enc AS a, appeal_reason_enc AS r FROM rating_rectifications`)
        .get() as Record<string, Buffer | null>;
      const cipher = cipherOf(dir.path);
      expect(cipher.open('rating_rectifications', 'callback_result_enc', row.c as Buffer)).toBe(NOTES.callback);
      expect(cipher.open('rating_rectifications', 'fix_enc', row.f as Buffer)).toBe(NOTES.fix);
      expect(row.a).toBeNull();
      expect(cipher.open('rating_rectifications', 'appeal_reason_enc', row.r as Buffer)).toBe(`${CITIZEN}多次无理取闹`);
    } finally {
      db.close();
    }
  });
});
