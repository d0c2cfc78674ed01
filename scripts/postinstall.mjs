// Runs after `npm install`. Electron's own install script downloads its binary from GitHub and
// fails the whole install where GitHub cannot be reached (a closed hall network, our CI), so
// package.json's allowScripts keeps npm from running it, and this script runs it instead: where
// the download works the desktop window is there, and where it does not, the install still
// succeeds and `npm start` serves the screens to a browser, saying why.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);
let installer;
try {
  installer = join(dirname(require.resolve('electron/package.json')), 'install.js');
} catch {
  process.exit(0); // a production install without devDependencies: nothing to fetch
}
if (process.env.ELECTRON_SKIP_BINARY_DOWNLOAD || !existsSync(installer)) {
  process.stdout.write('Electron: binary download skipped; `npm start` will serve the screens to a browser.\n');
  process.exit(0);
}
// A download that cannot start fails within seconds; a slow one gets a few minutes.
const run = spawnSync(process.execPath, [installer], { stdio: ['ignore', 'inherit', 'pipe'], timeout: 300_000, encoding: 'utf8' });
if (run.status === 0) process.exit(0);
const reason =
  (run.stderr || '').split('\n').find((l) => /Error|ENOTFOUND|EAI_AGAIN|ECONN|timed out/i.test(l)) ?? (run.error ? String(run.error) : `exit ${run.status}`);
process.stdout.write(
  `Electron: its binary could not be downloaded (${reason.trim()}).\n` +
    'The install is complete: `npm start` serves the screens to any Chromium-based browser instead of opening a window.\n' +
    'Where GitHub (or an ELECTRON_MIRROR) can be reached later, run `npm run electron:fetch`.\n',
);
