import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { DATABASE_FILE } from '../../db/open.js';
import { defaultDataDir } from '../../electron/host/cli-options.js';
import { defaultKeyFile } from '../../electron/host/keys/key-store.js';

/** A refusal or a usage mistake: its message is the whole answer, no stack. */
export class CommandError extends Error {
  override name = 'CommandError';
}

export interface DataOptions {
  dataDir: string;
  databasePath: string;
  keyFile: string;
  values: Record<string, string | boolean | undefined>;
  positionals: string[];
}

/**
 * The options every maintenance command shares, found the way the host finds them: --data-dir
 * (YIZHAN_DATA_DIR, else the user data folder) and --key-file (YIZHAN_KEY_FILE, else
 * <dataDir>/keys/yizhan.key); plus the command's own string options.
 */
export function dataOptions(argv: readonly string[], env: NodeJS.ProcessEnv, own: readonly string[], usage: string): DataOptions {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: {
        'data-dir': { type: 'string' },
        'key-file': { type: 'string' },
        help: { type: 'boolean' },
        ...Object.fromEntries(own.map((o) => [o, { type: 'string' as const }])),
      },
    });
  } catch (err) {
    throw new CommandError(`${(err as Error).message}\n\n${usage}`);
  }
  if (parsed.values.help === true) throw new CommandError(usage);
  const dataDir = (parsed.values['data-dir'] as string | undefined) ?? (env['YIZHAN_DATA_DIR'] || defaultDataDir(env));
  return {
    dataDir,
    databasePath: join(dataDir, DATABASE_FILE),
    keyFile: (parsed.values['key-file'] as string | undefined) ?? (env['YIZHAN_KEY_FILE'] || defaultKeyFile(dataDir)),
    values: parsed.values,
    positionals: parsed.positionals,
  };
}

/** Runs a command as a program: its answer on stdout, a refusal on stderr with exit code 1. */
export function runCommand(command: (argv: string[], env: NodeJS.ProcessEnv) => Promise<string>): void {
  command(process.argv.slice(2), process.env).then(
    (out) => process.stdout.write(`${out}\n`),
    (err: unknown) => {
      const known =
        err instanceof Error && ['CommandError', 'KeyFileError', 'DatabaseInUseError', 'RestoreRefusedError', 'SchemaTooNewError'].includes(err.name);
      process.stderr.write(`${known ? (err as Error).message : err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
      process.exit(1);
    },
  );
}
