import { readFileSync } from 'node:fs';
import { fieldCipher, type FieldCipher } from '../../db/field-cipher.js';
import { keyringOf, newKeyFile, parseKeyFile } from '../../electron/host/keys/key-file.js';
import { defaultKeyFile } from '../../electron/host/keys/key-store.js';

/** A cipher with a fresh random key, for tests that use the stores without a host. */
export function testCipher(): FieldCipher {
  return fieldCipher(keyringOf(newKeyFile(Date.now())));
}

/** The cipher of a host's data folder (its key file), to read sealed columns in a test. */
export function cipherOf(dataDir: string): FieldCipher {
  const path = defaultKeyFile(dataDir);
  return fieldCipher(keyringOf(parseKeyFile(readFileSync(path, 'utf8'), path)));
}
