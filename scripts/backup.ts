/** `npm run backup -- --to <dir>`: an online backup of the database (see scripts/lib/backup-command.ts). */
import { backupCommand } from './lib/backup-command.js';
import { runCommand } from './lib/data-options.js';

runCommand(backupCommand);
