import { chmodSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { SIM_CREDENTIAL_FILE } from '../../domain/contract/sim-api.js';

/** Lets `npm run sim` reach this host as an admin without a pairing step: owner-only file in the data folder. */
export function writeSimCredential(dataDir: string, url: string, token: string, socketPath?: string): string {
  const path = join(dataDir, SIM_CREDENTIAL_FILE);
  writeFileSync(path, JSON.stringify({ url, token, ...(socketPath ? { socketPath } : {}) }), { mode: 0o600 });
  chmodSync(path, 0o600);
  return path;
}
