import { existsSync } from 'node:fs';
import { backupDatabase, pruneBackups } from '../../db/backup.js';
import { connect } from '../../db/open.js';
import { CommandError, dataOptions } from './data-options.js';

export const BACKUP_USAGE = `Usage: npm run backup -- --to <dir> [--keep <n>] [--data-dir <dir>]
  A consistent copy of the database, taken while the hub keeps running, written to
  <dir>/yizhan-<UTC time>.sqlite. --keep deletes all but the newest n backups in <dir>.
  The key is never in it: keep the key file apart (npm run keys -- export --to <file>).`;

export async function backupCommand(argv: string[], env: NodeJS.ProcessEnv, now = Date.now()): Promise<string> {
  const o = dataOptions(argv, env, ['to', 'keep'], BACKUP_USAGE);
  const to = o.values['to'];
  if (typeof to !== 'string') throw new CommandError(BACKUP_USAGE);
  const keep = o.values['keep'] === undefined ? null : Number(o.values['keep']);
  if (keep !== null && (!Number.isInteger(keep) || keep < 1)) throw new CommandError(`--keep must be a whole number of at least 1\n\n${BACKUP_USAGE}`);
  if (!existsSync(o.databasePath)) throw new CommandError(`There is no database at ${o.databasePath}.`);
  // Its own connection beside the hub's, never migrating: the copy is of the database as it is.
  const db = connect(o.databasePath);
  try {
    // In one step: a write by the hub would restart a copy taken in several.
    const path = await backupDatabase(db, to, now);
    const version = db.pragma('user_version', { simple: true }) as number;
    const removed = keep === null ? [] : pruneBackups(to, keep);
    return [
      `Backup written: ${path} (schema version ${version}).`,
      ...(removed.length > 0 ? [`Removed ${removed.length} older backup(s).`] : []),
      'The key is not in it: keep a copy of the key file apart (npm run keys -- export --to <file>).',
    ].join('\n');
  } finally {
    db.close();
  }
}
