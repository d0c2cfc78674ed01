/**
 * Builds better-sqlite3 for the installed Electron into
 *   build/native/electron-v<abi>-<platform>-<arch>/better_sqlite3.node
 * which the Electron shell passes to the host as `nativeBinding` in development.
 *
 * Why not `electron-rebuild` in place: node_modules/better-sqlite3/build must keep the Node-ABI
 * build, because the unit tests and `npm run hub` load it in plain Node. So the package is copied to
 * a temporary folder and rebuilt there. Packaged apps do not need this: electron-builder rebuilds
 * native modules for Electron itself (npmRebuild).
 *
 * Needs, once per Electron version: the Electron headers from electronjs.org (node-gyp downloads and
 * caches them) and a C++ toolchain. Usage: node out/scripts/electron-native.js [--force]
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { copyFile, cp, mkdir, mkdtemp, readFile, rename, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const HEADERS_URL = 'https://electronjs.org/headers';

export class ElectronNativeError extends Error {
  override name = 'ElectronNativeError';
}

/** Folder name shared with electron/shell/main.ts (keep the two in sync). */
export function nativeDirName(abi: string, platform: string = process.platform, arch: string = process.arch): string {
  return `electron-v${abi}-${platform}-${arch}`;
}

export async function ensureElectronNative(appRoot: string, opts: { force?: boolean } = {}): Promise<string> {
  const electronDir = path.join(appRoot, 'node_modules', 'electron');
  const sqliteDir = path.join(appRoot, 'node_modules', 'better-sqlite3');
  if (!existsSync(path.join(electronDir, 'package.json'))) {
    throw new ElectronNativeError('node_modules/electron is not installed; run `npm install` first.');
  }
  if (!existsSync(path.join(sqliteDir, 'binding.gyp'))) {
    throw new ElectronNativeError('node_modules/better-sqlite3 is not installed; run `npm install` first.');
  }
  const version = await electronVersion(electronDir);
  const abi = await electronAbi(electronDir);
  const target = path.join(appRoot, 'build', 'native', nativeDirName(abi), 'better_sqlite3.node');
  if (existsSync(target) && opts.force !== true) return target;

  const nodeGyp = findNodeGyp(appRoot);
  const work = await mkdtemp(path.join(tmpdir(), 'yizhan-sqlite-electron-'));
  try {
    // The Node build in build/ is left behind: node-gyp would delete it anyway, and copying it is slow.
    await cp(sqliteDir, work, {
      recursive: true,
      filter: (src) => path.relative(sqliteDir, src).split(path.sep)[0] !== 'build',
    });
    const gypArgs = ['rebuild', '--release', '--runtime=electron', `--target=${version}`, `--dist-url=${HEADERS_URL}`];
    const code = await run(process.execPath, [nodeGyp, ...gypArgs], work);
    if (code !== 0) {
      throw new ElectronNativeError(
        `node-gyp exited with ${code} while building better-sqlite3 for Electron ${version}. ` +
          `It needs ${HEADERS_URL} to be reachable (first build per version) and a C++ toolchain ` +
          '(build-essential and python3 on Linux, Visual Studio Build Tools on Windows).',
      );
    }
    const built = path.join(work, 'build', 'Release', 'better_sqlite3.node');
    if (!existsSync(built)) throw new ElectronNativeError(`node-gyp succeeded but ${built} is missing.`);
    await mkdir(path.dirname(target), { recursive: true });
    // Copy then rename, so a half-written file is never picked up by a starting shell.
    const partial = `${target}.partial`;
    await copyFile(built, partial);
    await rename(partial, target);
    return target;
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

async function electronVersion(electronDir: string): Promise<string> {
  const pkg: unknown = JSON.parse(await readFile(path.join(electronDir, 'package.json'), 'utf8'));
  const version = typeof pkg === 'object' && pkg !== null && 'version' in pkg ? pkg.version : undefined;
  if (typeof version !== 'string' || !/^\d+\.\d+\.\d+/.test(version)) {
    throw new ElectronNativeError('cannot read the version from node_modules/electron/package.json.');
  }
  return version;
}

/**
 * Electron's module ABI (NODE_MODULE_VERSION), which differs from Node's. The installed binary is
 * the authority; when it was not downloaded (offline install, ELECTRON_SKIP_BINARY_DOWNLOAD) the
 * `abi_version` file the electron package ships is used instead, since building needs only headers.
 */
async function electronAbi(electronDir: string): Promise<string> {
  const binary = electronBinary(electronDir);
  if (binary !== undefined) {
    const result = spawnSync(binary, ['-p', 'process.versions.modules'], {
      env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' },
      encoding: 'utf8',
      timeout: 60_000,
    });
    const abi = result.stdout?.trim() ?? '';
    if (result.status === 0 && /^\d+$/.test(abi)) return abi;
    throw new ElectronNativeError(`running ${binary} to ask for its ABI failed (${result.error?.message ?? `exit ${result.status}`}).`);
  }
  const abiFile = path.join(electronDir, 'abi_version');
  const abi = existsSync(abiFile) ? (await readFile(abiFile, 'utf8')).trim() : '';
  if (/^\d+$/.test(abi)) return abi;
  throw new ElectronNativeError(
    'the Electron binary is not downloaded (node_modules/electron/path.txt or dist/ is missing) and the ' +
      'package has no abi_version file. Reinstall electron with internet access: `npm rebuild electron` ' +
      '(or delete node_modules/electron and run `npm install`).',
  );
}

/** Same lookup as node_modules/electron/index.js, without its throw on a missing download. */
function electronBinary(electronDir: string): string | undefined {
  const pathFile = path.join(electronDir, 'path.txt');
  if (!existsSync(pathFile)) return undefined;
  const relative = readFileSync(pathFile, 'utf8').trim();
  const override = process.env['ELECTRON_OVERRIDE_DIST_PATH'];
  const binary = override ? path.join(override, relative || 'electron') : path.join(electronDir, 'dist', relative);
  return existsSync(binary) ? binary : undefined;
}

/** node-gyp from the project, else the copy bundled with npm (present wherever npm is). */
function findNodeGyp(appRoot: string): string {
  const candidates = [path.join(appRoot, 'node_modules', 'node-gyp', 'bin', 'node-gyp.js')];
  const npmExecPath = process.env['npm_execpath'];
  if (npmExecPath) candidates.push(path.join(path.dirname(npmExecPath), '..', 'node_modules', 'node-gyp', 'bin', 'node-gyp.js'));
  // npm's usual global location, next to the node binary.
  const prefix = path.dirname(path.dirname(process.execPath));
  candidates.push(
    path.join(prefix, 'lib', 'node_modules', 'npm', 'node_modules', 'node-gyp', 'bin', 'node-gyp.js'),
    path.join(path.dirname(process.execPath), 'node_modules', 'npm', 'node_modules', 'node-gyp', 'bin', 'node-gyp.js'),
  );
  const found = candidates.find((file) => existsSync(file));
  if (found === undefined) {
    throw new ElectronNativeError('node-gyp not found; install it with `npm install --save-dev node-gyp`.');
  }
  return found;
}

function run(command: string, args: readonly string[], cwd: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, stdio: 'inherit' });
    child.on('error', reject);
    child.on('close', (code) => resolve(code ?? 1));
  });
}

const invokedAsScript = process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href;
if (invokedAsScript) {
  ensureElectronNative(process.cwd(), { force: process.argv.includes('--force') }).then(
    (file) => {
      process.stdout.write(`${path.relative(process.cwd(), file)}\n`);
    },
    (err: unknown) => {
      process.stderr.write(`electron-native: ${err instanceof Error ? err.message : String(err)}\n`);
      process.exitCode = 1;
    },
  );
}
