import type { BusinessLine } from '../electron/domain/business-lines.js';
import type { ServiceWindow } from '../electron/domain/contract/schemas.js';
import type { Db } from './open.js';

export function windowStore(db: Db) {
  const all = db.prepare<[], { id: number; number: number; name: string; lines: string }>(
    `SELECT w.id, w.number, w.name, coalesce(json_group_array(l.line) FILTER (WHERE l.line IS NOT NULL), '[]') AS lines
     FROM windows w LEFT JOIN window_lines l ON l.window_id = w.id
     GROUP BY w.id ORDER BY w.number`,
  );
  const toWindow = (r: { id: number; number: number; name: string; lines: string }): ServiceWindow => ({
    id: r.id,
    number: r.number,
    name: r.name,
    lines: JSON.parse(r.lines) as BusinessLine[],
  });
  return {
    list(): ServiceWindow[] {
      return all.all().map(toWindow);
    },
    get(id: number): ServiceWindow | null {
      return this.list().find((w) => w.id === id) ?? null;
    },
  };
}

export type WindowStore = ReturnType<typeof windowStore>;
