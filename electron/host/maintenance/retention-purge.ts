import type { AuditStore } from '../../../db/audit.js';
import type { Db } from '../../../db/open.js';
import { purgeExpired, type PurgeCounts } from '../../../db/retention.js';
import type { SettingsStore } from '../../../db/settings.js';

interface PurgeDeps {
  db: Db;
  audit: AuditStore;
  settings: SettingsStore;
  clock: () => number;
  log: (line: string) => void;
}

/**
 * The retention purge, at start and daily: the period is the supervisor's setting, read each time.
 * The purge and its audit line (counts only, never whose data) commit together.
 */
export function runRetentionPurge(d: PurgeDeps): PurgeCounts {
  const now = d.clock();
  const days = d.settings.hall().retentionDays;
  const counts = d.db
    .transaction(() => {
      const c = purgeExpired(d.db, now, days);
      if (c.applications + c.appointments + c.printJobs + c.conversation > 0)
        d.audit.append({
          at: now,
          actor: 'system',
          action: 'retention.purge',
          target: 'personal data',
          detail: `older than ${days} days: applications ${c.applications}, appointments ${c.appointments}, print jobs ${c.printJobs}, 笔谈 lines ${c.conversation}`,
        });
      return c;
    })
    .immediate();
  if (counts.applications + counts.appointments + counts.printJobs + counts.conversation > 0) {
    // The cleared values are zeroed in their pages; the WAL still holds the pages as they were.
    d.db.pragma('wal_checkpoint(TRUNCATE)');
    d.log(
      `retention: purged the personal data of ${counts.applications} case(s), ${counts.appointments} appointment(s), ${counts.printJobs} print job(s), ${counts.conversation} 笔谈 line(s)`,
    );
  }
  return counts;
}
