import { randomBytes } from 'node:crypto';
import type { Db } from './open.js';

export interface PrinterSettingRow {
  terminal_id: number;
  kind: 'cups' | 'folder' | 'electron' | 'none';
  target: string;
  media: string;
  updated_at: number;
}

export type PrintAuditAction = 'reprint' | 'printer_changed' | 'hall_name_changed';

/** Per-terminal printers, hall settings and the audit of reprints and changes. */
export function printSettingsStore(db: Db) {
  const get = db.prepare<[number], PrinterSettingRow>(`SELECT * FROM printer_settings WHERE terminal_id = ?`);
  const all = db.prepare<[], PrinterSettingRow>(`SELECT * FROM printer_settings ORDER BY terminal_id`);
  const upsert = db.prepare<[number, string, string, string, number]>(
    `INSERT INTO printer_settings (terminal_id, kind, target, media, updated_at) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (terminal_id) DO UPDATE SET kind = excluded.kind, target = excluded.target, media = excluded.media, updated_at = excluded.updated_at`,
  );
  const remove = db.prepare<[number]>(`DELETE FROM printer_settings WHERE terminal_id = ?`);
  const audit = db.prepare<[number, number | null, string, number | null, string]>(
    `INSERT INTO print_audit (at, actor_id, action, job_id, detail) VALUES (?, ?, ?, ?, ?)`,
  );
  const getSetting = db.prepare<[string], { value: string }>(`SELECT value FROM hall_settings WHERE key = ?`);
  const setSetting = db.prepare<[string, string]>(
    `INSERT INTO hall_settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value`,
  );
  const auditFor = db.prepare<[number], { at: number; actor_id: number | null; action: string }>(
    `SELECT at, actor_id, action FROM print_audit WHERE job_id = ? ORDER BY id`,
  );

  return {
    get: (terminalId: number) => get.get(terminalId) ?? null,
    all: () => all.all(),
    set(terminalId: number, s: { kind: string; target: string; media: string } | null, actorId: number | null, now: number) {
      db.transaction(() => {
        if (s) upsert.run(terminalId, s.kind, s.target, s.media, now);
        else remove.run(terminalId);
        audit.run(now, actorId, 'printer_changed', null, `terminal ${terminalId}: ${s ? s.kind : 'default'}`);
      }).immediate();
    },
    audit(action: PrintAuditAction, actorId: number | null, jobId: number | null, detail: string, now: number) {
      audit.run(now, actorId, action, jobId, detail);
    },
    auditFor: (jobId: number) => auditFor.all(jobId),
    /** A random tag per database, made once, carried in every job title. */
    printTag(): string {
      const have = getSetting.get('print_tag')?.value;
      if (have) return have;
      setSetting.run('print_tag', randomBytes(3).toString('hex'));
      return getSetting.get('print_tag')?.value ?? 'x';
    },
    hallName: () => getSetting.get('hall_name')?.value ?? '一站式公安政务服务大厅',
    setHallName(name: string, actorId: number | null, now: number) {
      db.transaction(() => {
        setSetting.run('hall_name', name);
        audit.run(now, actorId, 'hall_name_changed', null, '');
      }).immediate();
    },
  };
}
export type PrintSettingsStore = ReturnType<typeof printSettingsStore>;
