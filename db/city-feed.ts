import type { FieldCipher } from './field-cipher.js';
import type { Db } from './open.js';
import type { FeedKind, FeedRecord } from '../electron/domain/city/feed.js';
import { digestByDay, type DayDigest } from '../electron/domain/city/reconciliation.js';
import type { CalendarDay } from '../electron/domain/calendar/working-days.js';

export interface CityLink {
  cityUrl: string;
  hallId: string;
  credential: string;
  enrolledAt: number;
  ackedSeq: number;
  lastSyncAt: number | null;
}

/**
 * The hub's side of the city feed (migration 016): the outbox the triggers fill, the enrolment,
 * and what reconciliation and the status line read. The credential is sealed like personal data.
 */
export function cityFeedStore(db: Db, cipher: FieldCipher) {
  const getLink = db.prepare<
    [],
    { city_url: string; hall_id: string; credential_enc: Buffer; enrolled_at: number; acked_seq: number; last_sync_at: number | null }
  >('SELECT city_url, hall_id, credential_enc, enrolled_at, acked_seq, last_sync_at FROM city_link WHERE id = 1');
  const putLink = db.prepare<[string, string, Buffer, number]>(
    `INSERT INTO city_link (id, city_url, hall_id, credential_enc, enrolled_at, acked_seq) VALUES (1, ?, ?, ?, ?, 0)
     ON CONFLICT (id) DO UPDATE SET city_url = excluded.city_url, hall_id = excluded.hall_id, credential_enc = excluded.credential_enc,
       enrolled_at = excluded.enrolled_at, acked_seq = 0, last_sync_at = NULL`,
  );
  const setAcked = db.prepare<[number, number]>('UPDATE city_link SET acked_seq = ?, last_sync_at = ? WHERE id = 1');
  const pending = db.prepare<[number, number], { seq: number; kind: FeedKind; at: number; day: string; payload: string }>(
    'SELECT seq, kind, at, day, payload FROM city_feed WHERE seq > ? ORDER BY seq LIMIT ?',
  );
  const lastSeq = db.prepare<[], { seq: number | null }>('SELECT max(seq) AS seq FROM city_feed');
  const ofDay = db.prepare<[string], { seq: number; kind: FeedKind; at: number; day: string; payload: string }>(
    'SELECT seq, kind, at, day, payload FROM city_feed WHERE day = ?',
  );
  const recentDays = db.prepare<[string], { day: string }>('SELECT DISTINCT day FROM city_feed WHERE day >= ? ORDER BY day');
  const hasHead = db.prepare<[string], { n: number }>(`SELECT count(*) AS n FROM city_feed WHERE kind = 'audit_head' AND day = ?`);
  const addHead = db.prepare<[number, string, string]>(`INSERT INTO city_feed (kind, at, day, payload) VALUES ('audit_head', ?, ?, ?)`);
  const headBefore = db.prepare<[number], { id: number; hash: Buffer }>('SELECT id, hash FROM audit_log WHERE at < ? ORDER BY id DESC LIMIT 1');
  const waitingNow = db.prepare<[string], { n: number; oldest: number | null }>(
    `SELECT count(*) AS n, min(issued_at) AS oldest FROM tickets WHERE service_day = ? AND status = 'waiting'`,
  );
  const calendarVersion = db.prepare<[], { v: number }>('SELECT calendar_version AS v FROM city_link WHERE id = 1');
  const cityDays = db.prepare<[], CalendarDay>('SELECT day, kind, name FROM city_calendar ORDER BY day');
  const clearDays = db.prepare('DELETE FROM city_calendar');
  const addDay = db.prepare<[string, string, string]>('INSERT INTO city_calendar (day, kind, name) VALUES (?, ?, ?)');
  const setCalendarVersion = db.prepare<[number]>('UPDATE city_link SET calendar_version = ? WHERE id = 1');
  const openWindows = db.prepare<[], { n: number }>(`SELECT count(*) AS n FROM windows WHERE status = 'open'`);

  return {
    link(): CityLink | null {
      const row = getLink.get();
      if (!row) return null;
      return {
        cityUrl: row.city_url,
        hallId: row.hall_id,
        credential: cipher.open('city_link', 'credential_enc', row.credential_enc),
        enrolledAt: row.enrolled_at,
        ackedSeq: row.acked_seq,
        lastSyncAt: row.last_sync_at,
      };
    },
    /** A new enrolment starts over: the new city (or the same city's new credential) acks from 0. */
    saveLink(cityUrl: string, hallId: string, credential: string, now: number): void {
      putLink.run(cityUrl, hallId, cipher.seal('city_link', 'credential_enc', credential), now);
    },
    setAcked(seq: number, now: number): void {
      setAcked.run(seq, now);
    },
    pending(afterSeq: number, limit: number): FeedRecord[] {
      return pending.all(afterSeq, limit);
    },
    lastSeq(): number {
      return lastSeq.get()?.seq ?? 0;
    },
    /** Digests of the given days (or every day with records since `since`), for reconciliation. */
    digests(days: readonly string[]): DayDigest[] {
      return days.flatMap((d) => digestByDay(ofDay.all(d)));
    },
    daysSince(since: string): string[] {
      return recentDays.all(since).map((r) => r.day);
    },
    /**
     * The audit chain's head as of the end of `day` (the last entry before `dayEnd`), once per day:
     * the city can later tell whether the hall's log was rewritten after it was reported.
     */
    recordAuditHead(day: string, dayEnd: number, now: number): boolean {
      return db
        .transaction(() => {
          if ((hasHead.get(day)?.n ?? 0) > 0) return false;
          const head = headBefore.get(dayEnd);
          if (!head) return false;
          addHead.run(now, day, JSON.stringify({ auditId: head.id, hash: head.hash.toString('hex') }));
          return true;
        })
        .immediate();
    },
    calendarVersion(): number {
      return calendarVersion.get()?.v ?? 0;
    },
    cityCalendar(): CalendarDay[] {
      return cityDays.all();
    },
    /** The city's calendar replaces the one held before, whole, in one transaction. */
    saveCalendar(version: number, days: readonly CalendarDay[]): void {
      db.transaction(() => {
        clearDays.run();
        for (const d of days) addDay.run(d.day, d.kind, d.name);
        setCalendarVersion.run(version);
      }).immediate();
    },
    hallState(day: string, now: number): { waiting: number; longestWaitSeconds: number; windowsOpen: number } {
      const w = waitingNow.get(day);
      return {
        waiting: w?.n ?? 0,
        longestWaitSeconds: w?.oldest ? Math.max(0, Math.round((now - w.oldest) / 1000)) : 0,
        windowsOpen: openWindows.get()?.n ?? 0,
      };
    },
  };
}

export type CityFeedStore = ReturnType<typeof cityFeedStore>;
