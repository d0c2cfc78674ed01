import { SCREEN_ROLES } from '../domain/roles.js';
import type { RunningHost } from './host-api.js';

export const BANNER_CODE_TTL_MS = 60 * 60_000;

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
    const issued = host.issuePairingCode(role, names[role] ?? `${role} (local)`, BANNER_CODE_TTL_MS);
    lines.push(`  ${role.padEnd(8)} ${host.url}/pair?code=${issued.code}&role=${role}`);
  }
  if (host.setupCode) lines.push(`First administrator: on the admin screen, set up with code ${host.setupCode} (one-time).`);
  lines.push('More terminals: pair them from the admin screen. Stop with Ctrl+C.');
  return lines.join('\n');
}
