import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { hallFigures } from '../../db/hall-figures.js';
import { openDatabase, type Db } from '../../db/open.js';
import { fieldCipher } from '../../db/field-cipher.js';
import { rectificationStore } from '../../db/rating-rectifications.js';
import { keyringOf, newKeyFile } from '../../electron/host/keys/key-file.js';
import { percentile } from './machine.js';

const RUNS = 20;
const DAYS = 250;
const TICKETS_PER_DAY = 1_000;
const DAY = '2026-11-24';

/** A busy hall's year in a real database file: tickets, their finish events, ratings and 差评 items. */
function fill(db: Db): { tickets: number; ratings: number; items: number } {
  const ticket = db.prepare(
    `INSERT INTO tickets (service_day, line, seq, number, status, issued_at, finished_at, window_id, ticket_class) VALUES (?, 'household', ?, ?, ?, ?, ?, ?, 'normal')`,
  );
  const event = db.prepare(
    `INSERT INTO ticket_events (ticket_id, kind, window_id, at, service_day, line, class) VALUES (?, 'finished', ?, ?, ?, 'household', 'normal')`,
  );
  const rating = db.prepare(
    `INSERT INTO service_ratings (ticket_id, window_id, window_number, level, skipped, channel, at, service_day) VALUES (?, ?, ?, ?, 0, 'counter', ?, ?)`,
  );
  const item = db.prepare(`INSERT INTO rating_rectifications (rating_id, status, due_day, opened_at, updated_at) VALUES (?, ?, ?, ?, ?)`);
  let tickets = 0;
  let ratings = 0;
  let items = 0;
  const start = Date.UTC(2026, 0, 1);
  db.transaction(() => {
    for (let d = 0; d < DAYS; d++) {
      const at0 = start + d * 86_400_000;
      const day = d === DAYS - 1 ? DAY : new Date(at0).toISOString().slice(0, 10);
      for (let i = 1; i <= TICKETS_PER_DAY; i++) {
        const at = at0 + i * 20_000;
        // On the benchmark's day a tenth is still waiting.
        const waiting = day === DAY && i > TICKETS_PER_DAY * 0.9;
        const window = 1 + (i % 6);
        const id = Number(
          ticket.run(day, i, `A${String(i).padStart(4, '0')}`, waiting ? 'waiting' : 'done', at, waiting ? null : at + 600_000, waiting ? null : window)
            .lastInsertRowid,
        );
        tickets++;
        if (waiting) continue;
        event.run(id, window, at + 600_000, day);
        if (i % 3 !== 0) continue;
        const level = i % 50 === 0 ? 2 : 5;
        const r = Number(rating.run(id, window, window, level, at + 660_000, day).lastInsertRowid);
        ratings++;
        if (level > 2) continue;
        item.run(r, d > DAYS - 5 ? 'open' : 'closed', day, at, at);
        items++;
      }
    }
  })();
  return { tickets, ratings, items };
}

function p95(fn: () => unknown): number {
  fn();
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t0 = process.hrtime.bigint();
    fn();
    times.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  return percentile(
    times.sort((a, b) => a - b),
    95,
  );
}

/**
 * The hall dashboard's figures and the supervisor's 差评 list on a year of a busy hall, each against
 * the single SQL aggregate that computes its main figure, in the same run.
 */
export function ratingsSection(): string {
  const dir = mkdtempSync(join(tmpdir(), 'yizhan-bench-ratings-'));
  try {
    const { db } = openDatabase(dir);
    const size = fill(db);
    const figures = hallFigures(db);
    const items = rectificationStore(db, fieldCipher(keyringOf(newKeyFile(Date.now()))));
    const now = Date.UTC(2026, 10, 24, 8);
    const baseline = db.prepare(`SELECT count(*) FROM tickets WHERE service_day = ? AND status = 'waiting'`);
    const rows = [
      ['baseline: count waiting today', p95(() => baseline.get(DAY))],
      [
        'dashboard figures (waiting by line and class, longest, over target, served today and yesterday, new 差评)',
        p95(() => {
          figures.waiting(DAY);
          figures.longest(DAY);
          figures.overTarget(DAY, now - 1_800_000);
          figures.finished(DAY, now);
          figures.finished('2026-11-23', now - 86_400_000);
          figures.unassignedBadRatings();
        }),
      ],
      ['差评 list: open', p95(() => items.list('open', DAY))],
      ['差评 list: overdue', p95(() => items.list('overdue', DAY))],
    ] as const;
    db.close();
    const base = rows[0][1];
    const table = rows.map(([what, ms]) => `| ${what} | ${ms.toFixed(2)} | ${(ms / base).toFixed(1)} |`).join('\n');
    return `## 好差评 and the hall dashboard (reads)

Method: a real database file with ${DAYS} service days of ${TICKETS_PER_DAY.toLocaleString('en')} tickets
(${size.tickets.toLocaleString('en')} tickets with their finish events, ${size.ratings.toLocaleString('en')} ratings,
${size.items.toLocaleString('en')} 差评 items), then p95 of ${RUNS} runs of each read in this process, against a
single indexed count in the same run. The dashboard's push cost is these reads once per change,
whatever the number of supervisor screens (see "Hall dashboard push" above for 200 screens).

| read | p95 ms | × baseline |
| --- | --- | --- |
${table}
`;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
