import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto';

/**
 * Master keys by id. The current one seals new values; the others (retired by a rotation) only
 * open what was sealed with them, until every value has been sealed again.
 */
export interface Keyring {
  current: number;
  keys: ReadonlyMap<number, Uint8Array>;
}

export const MASTER_KEY_BYTES = 32;

/**
 * A sealed value: format byte, key id (uint32 big-endian), 12-byte IV, 16-byte GCM tag, ciphertext.
 * The key id travels with the value so that rotation can proceed row by row and a restored backup
 * sealed under an older key still opens.
 */
const FORMAT = 1;
const ID_AT = 1;
const IV_AT = 5;
const TAG_AT = IV_AT + 12;
const DATA_AT = TAG_AT + 16;

export class SealedValueError extends Error {
  override name = 'SealedValueError';
}

export interface FieldCipher {
  readonly currentKeyId: number;
  /** AES-256-GCM under the current key, bound (AAD) to the table and column it is stored in. */
  seal(table: string, column: string, plaintext: string): Buffer;
  /** Opens a value sealed for this table and column; throws when it was moved, altered or its key is missing. */
  open(table: string, column: string, sealed: Uint8Array): string;
  keyIdOf(sealed: Uint8Array): number;
  /**
   * HMAC-SHA256 of a value under a key derived apart from the encryption key: an equality lookup
   * (an appointment by ID number) without opening every row, and useless without the key.
   * Always under the current key: a rotation recomputes every stored hash.
   */
  lookupHash(kind: string, value: string): Buffer;
}

interface DerivedKeys {
  encrypt: Buffer;
  hash: Buffer;
}

function derive(master: Uint8Array): DerivedKeys {
  if (master.length !== MASTER_KEY_BYTES) throw new Error(`a master key must be ${MASTER_KEY_BYTES} bytes`);
  // Separate keys for separate jobs: a hash never reveals anything about the encryption key.
  const salt = Buffer.from('yizhan personal data');
  return {
    encrypt: Buffer.from(hkdfSync('sha256', master, salt, 'aes-256-gcm field encryption v1', 32)),
    hash: Buffer.from(hkdfSync('sha256', master, salt, 'hmac-sha256 lookup hash v1', 32)),
  };
}

function aad(header: Uint8Array, table: string, column: string): Buffer {
  return Buffer.concat([header, Buffer.from(`\0${table}.${column}`, 'utf8')]);
}

export function fieldCipher(keyring: Keyring): FieldCipher {
  const derived = new Map<number, DerivedKeys>();
  for (const [id, key] of keyring.keys) {
    if (!Number.isInteger(id) || id < 1 || id > 0xffffffff) throw new Error(`bad key id ${id}`);
    derived.set(id, derive(key));
  }
  const current = derived.get(keyring.current);
  if (!current) throw new Error(`the current key ${keyring.current} is not in the keyring`);

  function keyIdOf(sealed: Uint8Array): number {
    if (sealed.length < DATA_AT || sealed[0] !== FORMAT) throw new SealedValueError('not a sealed value');
    return Buffer.from(sealed.buffer, sealed.byteOffset, sealed.byteLength).readUInt32BE(ID_AT);
  }

  return {
    currentKeyId: keyring.current,
    keyIdOf,
    seal(table, column, plaintext) {
      const header = Buffer.alloc(IV_AT);
      header[0] = FORMAT;
      header.writeUInt32BE(keyring.current, ID_AT);
      const iv = randomBytes(12);
      const c = createCipheriv('aes-256-gcm', current.encrypt, iv);
      c.setAAD(aad(header, table, column));
      const data = Buffer.concat([c.update(plaintext, 'utf8'), c.final()]);
      return Buffer.concat([header, iv, c.getAuthTag(), data]);
    },
    open(table, column, sealed) {
      const id = keyIdOf(sealed);
      const keys = derived.get(id);
      if (!keys) throw new SealedValueError(`value sealed with key ${id}, which the key file does not hold`);
      const buf = Buffer.from(sealed.buffer, sealed.byteOffset, sealed.byteLength);
      const d = createDecipheriv('aes-256-gcm', keys.encrypt, buf.subarray(IV_AT, TAG_AT));
      d.setAAD(aad(buf.subarray(0, IV_AT), table, column));
      d.setAuthTag(buf.subarray(TAG_AT, DATA_AT));
      try {
        return Buffer.concat([d.update(buf.subarray(DATA_AT)), d.final()]).toString('utf8');
      } catch {
        throw new SealedValueError(`a value in ${table}.${column} does not authenticate (altered, moved, or another key)`);
      }
    },
    lookupHash(kind, value) {
      return createHmac('sha256', current.hash).update(`${kind}\0${value}`, 'utf8').digest();
    },
  };
}

/** The one normal form of an ID number for hashing: trimmed, check character X upper-case. */
export function idNumberHash(cipher: FieldCipher, idNumber: string): Buffer {
  return cipher.lookupHash('id_number', idNumber.trim().toUpperCase());
}
