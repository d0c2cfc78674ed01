import { SCREEN_ROLES } from '../domain/roles.js';
import type { RunningHost } from './host-api.js';

export const BANNER_CODE_TTL_MS = 60 * 60_000;

/** The names the banner's terminals get: words a citizen may read on a slip ("取号机：自助取号机"),
 * not internal codes such as "kiosk (local)". Renamed or paired anew on the admin screen. */
export const BANNER_TERMINAL_NAMES: Readonly<Record<(typeof SCREEN_ROLES)[number], string>> = {
  kiosk: '自助取号机',
  booth: '24小时自助机',
  clerk: '窗口电脑',
  display: '叫号屏',
  admin: '管理台',
};

/**
 * Printed at every start: one one-time link per screen, so a single-machine install needs no setup
 * (open the link once in any Chromium and that browser is paired for that screen). Whoever can read
 * the host's console already owns the machine, so printing codes there gives nothing away.
 * Format (tests and scripts parse it): two spaces, role, spaces, URL.
 */
export function pairingBanner(host: RunningHost, names: Record<string, string> = {}): string {
  const lines = [
    `Yizhan host listening on ${host.url}`,
    `Database: ${host.databasePath} (schema version ${host.schemaVersion})`,
    `Open each screen once with its link (one-time, valid ${BANNER_CODE_TTL_MS / 60_000} minutes):`,
  ];
  for (const role of SCREEN_ROLES) {
    const issued = host.issuePairingCode(role, names[role] ?? BANNER_TERMINAL_NAMES[role], BANNER_CODE_TTL_MS);
    lines.push(`  ${role.padEnd(8)} ${host.url}/pair?code=${issued.code}&role=${role}`);
  }
  if (host.setupCode) lines.push(`First administrator: on the admin screen, set up with code ${host.setupCode} (one-time).`);
  lines.push('More terminals: pair them from the admin screen. Stop with Ctrl+C.');
  return lines.join('\n');
}
