import { chmodSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { TerminalRoleSchema } from '../../domain/contract/schemas.js';
import { credentialCookieName, type TerminalRole } from '../../domain/roles.js';

/** The terminal's one credential, held by its agent (headless) in its data folder, owner-only. */
export const CREDENTIAL_FILE = 'terminal.json';

export const TerminalCredentialSchema = z.object({
  hub: z.url(),
  role: TerminalRoleSchema,
  terminalId: z.number().int().positive(),
  name: z.string(),
  token: z.string().min(16).max(128),
});
export type TerminalCredential = z.infer<typeof TerminalCredentialSchema>;

export class PairingError extends Error {
  override name = 'PairingError';
}

export function readCredential(dataDir: string): TerminalCredential | null {
  try {
    return TerminalCredentialSchema.parse(JSON.parse(readFileSync(join(dataDir, CREDENTIAL_FILE), 'utf8')));
  } catch {
    return null;
  }
}

export function writeCredential(dataDir: string, c: TerminalCredential): string {
  mkdirSync(dataDir, { recursive: true });
  const path = join(dataDir, CREDENTIAL_FILE);
  const tmp = `${path}.tmp`;
  writeFileSync(tmp, JSON.stringify(c), { mode: 0o600 });
  chmodSync(tmp, 0o600);
  renameSync(tmp, path);
  return path;
}

/**
 * Pairs this terminal with a one-time code from the admin screen, exactly as its screen's pairing
 * page does (POST /api/pair): the hub answers with the terminal and sets its credential as the
 * role's cookie, which the agent keeps (the desktop shell puts the same one in its window's jar).
 */
export async function pairWithCode(hub: string, role: TerminalRole, code: string): Promise<TerminalCredential> {
  let res: Response;
  try {
    res = await fetch(`${hub}/api/pair`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ code }) });
  } catch (err) {
    throw new PairingError(`the hub at ${hub} does not answer (${(err as Error).message})`);
  }
  const body = (await res.json().catch(() => null)) as { terminal?: { id: number; name: string; role: string }; error?: { message?: string } } | null;
  if (!res.ok || !body?.terminal) throw new PairingError(`pairing refused (${res.status}): ${body?.error?.message ?? 'no answer'}`);
  if (body.terminal.role !== role) throw new PairingError(`the code pairs a ${body.terminal.role} terminal, not a ${role}: ask for a ${role} code`);
  const cookie = new RegExp(`${credentialCookieName(role)}=([^;]+)`).exec(res.headers.get('set-cookie') ?? '')?.[1];
  if (!cookie) throw new PairingError('the hub paired the terminal but sent no credential');
  return { hub, role, terminalId: body.terminal.id, name: body.terminal.name, token: decodeURIComponent(cookie) };
}
