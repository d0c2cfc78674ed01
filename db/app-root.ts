import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The folder holding package.json: found by walking up from this module, so it is right whether the
 * code runs from sources (tests), from out/ (npm start) or from inside a packaged app's asar.
 */
export function appRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'db', 'migrations'))) return dir;
    const parent = dirname(dir);
    if (parent === dir) throw new Error('Cannot find the application folder (package.json with db/migrations)');
    dir = parent;
  }
}
