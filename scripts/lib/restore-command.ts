import { join } from 'node:path';
import { appRoot } from '../../db/app-root.js';
import { loadMigrations } from '../../db/migrate.js';
import { inspectBackup, restoreBackup } from '../../db/restore.js';
import { parseKeyFile } from '../../electron/host/keys/key-file.js';
import { keyFileStore } from '../../electron/host/keys/key-store.js';
import { CommandError, dataOptions } from './data-options.js';

export const RESTORE_USAGE = `Usage: npm run restore -- --from <backup file> [--data-dir <dir>] [--key-file <file>]
  Replaces the data folder's database with the backup. Refused while a hub runs on that folder,
  for a backup from a newer Yizhan, and when the key file lacks a key the backup's data needs
  (import it first: npm run keys -- import --from <exported key file>). The database it replaces
  is kept as backups/before-restore-<UTC time>.sqlite in the data folder.`;

export async function restoreCommand(argv: string[], env: NodeJS.ProcessEnv, now = Date.now()): Promise<string> {
  const o = dataOptions(argv, env, ['from'], RESTORE_USAGE);
  const from = o.values['from'];
  if (typeof from !== 'string') throw new CommandError(RESTORE_USAGE);
  const supported = loadMigrations(join(appRoot(), 'db', 'migrations')).length;
  const info = inspectBackup(from, supported);
  if (info.keyIds.length > 0) {
    const text = keyFileStore(o.keyFile).read();
    const held = new Set(text === null ? [] : parseKeyFile(text, o.keyFile).keys.map((k) => k.id));
    const missing = info.keyIds.filter((id) => !held.has(id));
    if (missing.length > 0)
      throw new CommandError(
        `The backup's personal data is sealed with key ${missing.join(', ')}, which ${o.keyFile} does not hold. ` +
          `Import the hall's exported key file first: npm run keys -- import --from <file> --data-dir ${o.dataDir}`,
      );
  }
  const saved = join(o.dataDir, 'backups', `before-restore-${new Date(now).toISOString().replace(/[-:.]/g, '')}.sqlite`);
  const r = await restoreBackup(o.dataDir, from, supported, saved);
  return [
    `Restored ${from} into ${o.databasePath}: schema version ${r.info.userVersion}, ${r.info.tickets} ticket(s).`,
    ...(r.savedPrevious ? [`The database it replaced is kept as ${r.savedPrevious}.`] : []),
    ...(r.info.userVersion < supported ? [`The next start migrates it to schema version ${supported}.`] : []),
  ].join('\n');
}
