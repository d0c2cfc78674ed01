import type { TerminalRole } from '../domain/roles.js';
import type { Terminal } from '../domain/contract/schemas.js';
import type { KeyStore } from './keys/key-store.js';
import type { Scheduler } from './maintenance/daily-task.js';
import type { BackupSchedule } from './maintenance/scheduled-backup.js';
import type { HttpTimeouts } from './http/timeouts.js';
import type { Printer, PrinterConfig } from './printing/printer.js';
import type { ImeOptions } from './ime/ime-service.js';
import type { RetryPolicy } from '../domain/delivery/retry-policy.js';
import type { BreakerOptions } from '../domain/delivery/circuit-breaker.js';

/**
 * What starting a host gives its owner (the headless `hub` command, the Electron shell, tests).
 * Kept in its own module so the shell depends on this shape, not on the host's internals.
 */
export interface HostOptions {
  /** Folder for the SQLite file and other state; created if missing. */
  dataDir: string;
  /** Interface to listen on; 127.0.0.1 on a single machine, 0.0.0.0 for a hall hub. */
  host: string;
  /** 0 picks a free port. */
  port: number;
  /** Hall time zone for the service day (numbers restart at its midnight). */
  timeZone?: string;
  /** Injectable clock (epoch ms) so tests can cross midnight. */
  clock?: () => number;
  /** Folder holding the built renderer (index.html + assets); omitted = API only. */
  rendererDir?: string;
  /** Extra Host header names accepted besides IP literals and localhost (DNS-rebinding defence). */
  allowedHostNames?: readonly string[];
  /** better-sqlite3 native binding to load instead of the default (Electron's ABI differs from Node's). */
  nativeBinding?: string;
  /** Run simulated ID reader and scanner (speaking the real bytes) and the /api/sim/* routes that
   * drive them; off in production, where those routes do not exist. */
  simulateDevices?: boolean;
  /** Where log lines go; defaults to stderr. Never receives personal data. */
  log?: (line: string) => void;
  /** Printer for terminals without their own setting (`--printer cups:PDF`); none when absent. */
  defaultPrinter?: PrinterConfig;
  /** The only folder under which a folder printer set on the admin screen may write (--printer-root);
   * without it, folder printers can be set only at start (--printer folder:…). */
  printerRoot?: string;
  /** How long a client may take (ms): tests shorten them; the hall uses the defaults (http/timeouts.ts). */
  httpTimeouts?: Partial<HttpTimeouts>;
  /** Electron's silent print, supplied by the shell (the host itself never imports Electron). */
  electronPrinter?: (deviceName: string) => Printer;
  /** The key file that seals personal data at rest (default <dataDir>/keys/yizhan.key), made on
   * first start with mode 0600; the host refuses to start when others may read it. */
  keyFile?: string;
  /** The key file's content through the owner instead (the shell wraps it with safeStorage). */
  keyStore?: KeyStore;
  /** A backup of the database a day into this folder, keeping the newest `keep`; none when absent. */
  backup?: BackupSchedule;
  /** Timers of the daily work (retention purge, backup); tests pass their own to step through days. */
  schedule?: Scheduler;
  /** Where the on-screen input's recognisers are (Debian's paths unless said; env YIZHAN_ZINNIA,
   * YIZHAN_ZINNIA_MODEL, YIZHAN_PINYIN_DICT). */
  ime?: ImeOptions;
  /** The back-office delivery's timing (tests shorten it; the hall uses the domain's defaults). */
  backOffice?: { policy?: RetryPolicy; breaker?: BreakerOptions; concurrency?: number; recheckMs?: number };
  /** The city link's pace (tests shorten it): pass interval, request timeout, retry and breaker rules. */
  city?: { intervalMs?: number; timeoutMs?: number; retry?: RetryPolicy; breaker?: BreakerOptions };
}

export interface IssuedPairingCode {
  code: string;
  role: TerminalRole;
  name: string;
  expiresAt: number;
}

export interface RunningHost {
  /** Base URL, e.g. http://127.0.0.1:5150 */
  readonly url: string;
  readonly databasePath: string;
  readonly schemaVersion: number;
  /** One-time code for creating the first administrator, while no staff exist (print it). */
  readonly setupCode: string | null;
  /** Issue a one-time pairing code (what the admin screen does), e.g. for the start banner. */
  issuePairingCode(role: TerminalRole, name: string, ttlMs: number): IssuedPairingCode;
  /** Pair directly, without a code: for the shell of a single-machine install, which owns the host.
   * Returns the secret credential to put in the window's cookie jar. */
  enrollLocalTerminal(role: TerminalRole, name: string): { terminal: Terminal; token: string; cookieName: string };
  /** Stop accepting, close sockets and the database. Idempotent. */
  close(): Promise<void>;
}
