import { homedir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { TerminalRoleSchema } from '../domain/contract/schemas.js';
import { PrinterConfigSchema } from '../domain/contract/print-api.js';
import { DEFAULT_TIME_ZONE } from '../domain/service-day.js';
import { specToConfig } from './printing/printer-spec.js';

/**
 * Flags shared by `npm start`, `npm run hub` and the Electron shell. Environment variables give
 * defaults (handy for services), flags override them.
 */
export const CliOptionsSchema = z.object({
  port: z.coerce.number().int().min(0).max(65535),
  host: z.string().min(1),
  dataDir: z.string().min(1),
  timeZone: z.string().min(1),
  role: TerminalRoleSchema,
  headless: z.boolean(),
  kiosk: z.boolean(),
  simulateDevices: z.boolean(),
  /** Printer of terminals without their own setting: cups:QUEUE, folder:/path, electron:DEVICE or none. */
  printer: z
    .string()
    .min(1)
    .transform((s, c) => {
      const r = PrinterConfigSchema.safeParse(specToConfig(s));
      if (r.success) return r.data;
      c.addIssue({ code: 'custom', message: 'expected cups:QUEUE, folder:/path, electron:DEVICE or none' });
      return z.NEVER;
    })
    .optional(),
  allowedHosts: z.array(z.string().min(1)),
  /** Folder printers set on the admin screen write only under this folder. */
  printerRoot: z.string().min(1).optional(),
  /** Base URL of a hall hub (no trailing slash) for a desktop window that does not host itself. */
  hub: z
    .url({ protocol: /^https?$/, error: 'must be an http(s) URL such as http://192.168.1.10:5150' })
    .transform((u) => {
      const url = new URL(u);
      return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
    })
    .optional(),
  /** The key file sealing personal data at rest; the host defaults it to <dataDir>/keys/yizhan.key. */
  keyFile: z.string().min(1).optional(),
  /** Daily backups go here (null: none); best on another disk than the data folder. */
  backupDir: z
    .string()
    .min(1)
    .transform((s) => (s === 'none' ? null : s)),
  backupKeep: z.coerce.number().int().min(1).max(1000),
  /** A desktop terminal of a hall hub (--hub): the devices on this machine, for its agent
   * (id_reader:serial:/dev/ttyUSB0 …; see terminal-agent/agent-devices.ts). */
  devices: z.array(z.string().min(1)),
  /** Desktop app only: write a plain copy of its (safeStorage-wrapped) key file here, then quit. */
  exportKey: z.string().min(1).optional(),
});
export type CliOptions = z.infer<typeof CliOptionsSchema>;

/** The host's backup schedule from the flags: none, or a folder and how many to keep. */
export function backupOf(opts: CliOptions): { dir: string; keep: number } | undefined {
  return opts.backupDir === null ? undefined : { dir: opts.backupDir, keep: opts.backupKeep };
}

/** The same folder Electron's app.getPath('userData') gives for productName "Yizhan", so the
 * headless host and the desktop app find one database. */
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env, platform = process.platform): string {
  if (platform === 'win32') return join(env['APPDATA'] ?? join(homedir(), 'AppData', 'Roaming'), 'Yizhan');
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', 'Yizhan');
  return join(env['XDG_CONFIG_HOME'] ?? join(homedir(), '.config'), 'Yizhan');
}

export const USAGE = `Usage: npm start -- [options]     (npm run hub -- [options] runs without a window)
  --port <n>           port to listen on (default 5150, env YIZHAN_PORT; 0 = any free port)
  --host <addr>        interface (default 127.0.0.1, env YIZHAN_HOST; 0.0.0.0 for a hall hub)
  --data-dir <dir>     database folder (default ${defaultDataDir()}, env YIZHAN_DATA_DIR)
  --time-zone <tz>     hall time zone for the daily numbering and every screen's dates (default ${DEFAULT_TIME_ZONE})
  --role <role>        screen of the desktop window: kiosk, booth, clerk, display, admin (default kiosk)
  --allowed-host <n>   extra host name the hall uses to reach the hub (repeatable)
  --printer <kind:x>   default printer: cups:QUEUE, folder:/path, electron:DEVICE, none (env YIZHAN_PRINTER)
  --printer-root <dir> the folder under which folder printers set on the admin screen may write (env YIZHAN_PRINTER_ROOT)
  --key-file <file>    key sealing personal data at rest (default <data dir>/keys/yizhan.key, env YIZHAN_KEY_FILE)
  --backup-dir <dir>   daily database backups (default <data dir>/backups, env YIZHAN_BACKUP_DIR; none = off)
  --backup-keep <n>    how many daily backups to keep (default 14)
  --export-key <file>  desktop app: write a plain copy of its key file (kept apart from backups), then quit
  --hub <url>          desktop window of a hall terminal: use the hub at <url> instead of hosting;
                       its agent runs this machine's --printer, --device and --simulate-devices
  --device <spec>      with --hub: a device on this machine (repeatable), e.g. id_reader:serial:/dev/ttyUSB0
  --no-kiosk           desktop window not in full-screen kiosk mode (development)
  --headless           serve only, never open a window
  --simulate-devices   simulated ID reader and scanner, driven by npm run sim (demos, tests)
  --help               this text`;

export class CliError extends Error {}

export interface ParseSettings {
  /** Ignore positionals and unknown flags: Electron's argv also holds the app path and Chromium switches. */
  lenient?: boolean;
  /** Where data lives when neither flag nor environment says (Electron passes app.getPath('userData')). */
  defaultDataDir?: string;
}

export function parseCliOptions(argv: readonly string[], env: NodeJS.ProcessEnv = process.env, settings: ParseSettings = {}): CliOptions | 'help' {
  const lenient = settings.lenient ?? false;
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      strict: !lenient,
      allowPositionals: lenient,
      options: {
        hub: { type: 'string' },
        printer: { type: 'string' },
        'printer-root': { type: 'string' },
        'key-file': { type: 'string' },
        'backup-dir': { type: 'string' },
        'backup-keep': { type: 'string' },
        'export-key': { type: 'string' },
        port: { type: 'string' },
        host: { type: 'string' },
        'data-dir': { type: 'string' },
        'time-zone': { type: 'string' },
        role: { type: 'string' },
        'allowed-host': { type: 'string', multiple: true },
        device: { type: 'string', multiple: true },
        'no-kiosk': { type: 'boolean' },
        headless: { type: 'boolean' },
        'simulate-devices': { type: 'boolean' },
        help: { type: 'boolean' },
      },
    });
  } catch (err) {
    throw new CliError(`${(err as Error).message}\n\n${USAGE}`);
  }
  const v = parsed.values;
  if (v.help === true) return 'help';
  // In lenient mode an unknown or value-less flag parses as `true`; treat it as absent.
  const str = (x: unknown): string | undefined => (typeof x === 'string' ? x : undefined);
  const dataDir = str(v['data-dir']) ?? (env['YIZHAN_DATA_DIR'] || undefined) ?? settings.defaultDataDir ?? defaultDataDir(env);
  const result = CliOptionsSchema.safeParse({
    port: str(v.port) ?? (env['YIZHAN_PORT'] || undefined) ?? 5150,
    host: str(v.host) ?? (env['YIZHAN_HOST'] || undefined) ?? '127.0.0.1',
    dataDir,
    timeZone: str(v['time-zone']) ?? (env['YIZHAN_TIME_ZONE'] || undefined) ?? DEFAULT_TIME_ZONE,
    role: str(v.role) ?? 'kiosk',
    headless: v.headless === true,
    kiosk: v['no-kiosk'] !== true,
    simulateDevices: v['simulate-devices'] === true,
    allowedHosts: (Array.isArray(v['allowed-host']) ? v['allowed-host'] : []).filter((h): h is string => typeof h === 'string'),
    hub: str(v.hub),
    devices: (Array.isArray(v.device) ? v.device : []).filter((d): d is string => typeof d === 'string'),
    printer: str(v.printer) ?? (env['YIZHAN_PRINTER'] || undefined),
    printerRoot: str(v['printer-root']) ?? (env['YIZHAN_PRINTER_ROOT'] || undefined),
    keyFile: str(v['key-file']) ?? (env['YIZHAN_KEY_FILE'] || undefined),
    backupDir: str(v['backup-dir']) ?? (env['YIZHAN_BACKUP_DIR'] || undefined) ?? join(dataDir, 'backups'),
    backupKeep: str(v['backup-keep']) ?? 14,
    exportKey: str(v['export-key']),
  });
  if (!result.success) {
    const lines = result.error.issues.map((i) => `  --${String(i.path[0] ?? '?')}: ${i.message}`);
    throw new CliError(`Invalid options:\n${lines.join('\n')}\n\n${USAGE}`);
  }
  return result.data;
}
