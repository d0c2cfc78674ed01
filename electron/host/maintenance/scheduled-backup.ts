import { backupDatabase, listBackups, pruneBackups } from '../../../db/backup.js';
import type { Db } from '../../../db/open.js';
import { dailyTask, type DailyTask, type Scheduler } from './daily-task.js';

export interface BackupSchedule {
  /** Best on another disk than the data folder. */
  dir: string;
  /** How many daily backups to keep (the oldest go). */
  keep: number;
}

/** Pages copied between two turns of the event loop: requests keep being answered during a backup. */
const PAGES_PER_STEP = 1000;

/** A backup a day into the schedule's folder, the first a minute after start when none is a day old. */
export function scheduledBackup(db: Db, schedule: BackupSchedule, clock: () => number, log: (line: string) => void, timers?: Scheduler): DailyTask {
  return dailyTask({
    ...(timers ? { schedule: timers } : {}),
    name: 'backup',
    clock,
    log,
    lastRunAt: listBackups(schedule.dir)[0]?.at ?? null,
    firstCheckMs: 60_000,
    run: async () => {
      const path = await backupDatabase(db, schedule.dir, clock(), PAGES_PER_STEP);
      const removed = pruneBackups(schedule.dir, schedule.keep);
      log(`backup: wrote ${path}${removed.length > 0 ? `; removed ${removed.length} older` : ''}`);
    },
  });
}
