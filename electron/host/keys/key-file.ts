import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { MASTER_KEY_BYTES, type Keyring } from '../../../db/field-cipher.js';

/**
 * The key file: JSON holding every master key by id, the current one, and when each was made and
 * retired. Retired keys stay so that values (and older backups) sealed with them still open;
 * `npm run keys -- drop-retired` forgets them once nothing in the database uses them.
 */
const KeyEntrySchema = z.object({
  id: z.number().int().min(1).max(0xffffffff),
  key: z.base64().refine((k) => Buffer.from(k, 'base64').length === MASTER_KEY_BYTES, `a key is ${MASTER_KEY_BYTES} bytes, base64`),
  createdAt: z.iso.datetime(),
  retiredAt: z.iso.datetime().nullable(),
});

export const KeyFileSchema = z
  .object({
    format: z.literal('yizhan-keys'),
    version: z.literal(1),
    current: z.number().int().min(1),
    keys: z.array(KeyEntrySchema).min(1),
  })
  .refine((f) => new Set(f.keys.map((k) => k.id)).size === f.keys.length, 'key ids must be unique')
  .refine((f) => f.keys.some((k) => k.id === f.current && k.retiredAt === null), 'the current key must be in the file and not retired');
export type KeyFile = z.infer<typeof KeyFileSchema>;

export class KeyFileError extends Error {
  override name = 'KeyFileError';
}

/**
 * Ids are random, not 1, 2, 3: a key made by mistake (a data folder copied without its keys/)
 * never shares an id with the hall's real key, so importing the real one later just works.
 */
function entry(taken: readonly number[], now: number): KeyFile['keys'][number] {
  let id = 0;
  while (id === 0 || taken.includes(id)) id = randomBytes(4).readUInt32BE(0);
  return { id, key: randomBytes(MASTER_KEY_BYTES).toString('base64'), createdAt: new Date(now).toISOString(), retiredAt: null };
}

export function newKeyFile(now: number): KeyFile {
  const first = entry([], now);
  return { format: 'yizhan-keys', version: 1, current: first.id, keys: [first] };
}

/** A new current key; the old current one retired (kept for opening what it sealed). */
export function rotated(file: KeyFile, now: number): KeyFile {
  const next = entry(
    file.keys.map((k) => k.id),
    now,
  );
  const at = new Date(now).toISOString();
  return { ...file, current: next.id, keys: [...file.keys.map((k) => (k.id === file.current ? { ...k, retiredAt: at } : k)), next] };
}

/** Keys of `other` this file lacks are added, retired; this file's current key stays current. */
export function merged(file: KeyFile | null, other: KeyFile, now: number): KeyFile {
  if (!file) return other;
  const mine = new Map(file.keys.map((k) => [k.id, k]));
  for (const k of other.keys) {
    const have = mine.get(k.id);
    if (have && have.key !== k.key) throw new KeyFileError(`both files hold a key ${k.id}, and they differ`);
    if (!have) mine.set(k.id, { ...k, retiredAt: k.retiredAt ?? new Date(now).toISOString() });
  }
  return { ...file, keys: [...mine.values()] };
}

export function withoutKeys(file: KeyFile, ids: ReadonlySet<number>): KeyFile {
  if (ids.has(file.current)) throw new KeyFileError('the current key cannot be dropped');
  return { ...file, keys: file.keys.filter((k) => !ids.has(k.id)) };
}

export function parseKeyFile(text: string, where: string): KeyFile {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw new KeyFileError(`${where} is not a Yizhan key file (not JSON)`);
  }
  const r = KeyFileSchema.safeParse(raw);
  if (!r.success) throw new KeyFileError(`${where} is not a valid Yizhan key file: ${r.error.issues.map((i) => i.message).join('; ')}`);
  return r.data;
}

export function serializeKeyFile(file: KeyFile): string {
  return `${JSON.stringify(file, null, 2)}\n`;
}

export function keyringOf(file: KeyFile): Keyring {
  return { current: file.current, keys: new Map(file.keys.map((k) => [k.id, Buffer.from(k.key, 'base64')])) };
}
