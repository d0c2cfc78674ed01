/** `npm run restore -- --from <file>`: puts a backup in place (see scripts/lib/restore-command.ts). */
import { restoreCommand } from './lib/restore-command.js';
import { runCommand } from './lib/data-options.js';

runCommand(restoreCommand);
