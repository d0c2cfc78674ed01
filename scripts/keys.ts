/** `npm run keys -- <command>`: the key that seals personal data at rest (see scripts/lib/keys-command.ts). */
import { keysCommand } from './lib/keys-command.js';
import { runCommand } from './lib/data-options.js';

runCommand(keysCommand);
