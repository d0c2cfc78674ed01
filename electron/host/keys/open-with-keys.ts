import { fieldCipher, type FieldCipher } from '../../../db/field-cipher.js';
import { openDatabase, scrubFreedPages, type Db, type OpenedDatabase } from '../../../db/open.js';
import { keyIdsInUse, resealStale } from '../../../db/sealed-columns.js';
import { KeyFileError, keyringOf, type KeyFile } from './key-file.js';
import { defaultKeyFile, keyFileStore, loadOrCreateKeys, type KeyStore } from './key-store.js';

export interface KeyedOpenOptions {
  dataDir: string;
  keyFile?: string | undefined;
  keyStore?: KeyStore | undefined;
  nativeBinding?: string | undefined;
  exclusive?: boolean;
}

export function keyStoreFor(o: Pick<KeyedOpenOptions, 'dataDir' | 'keyFile' | 'keyStore'>): KeyStore {
  return o.keyStore ?? keyFileStore(o.keyFile ?? defaultKeyFile(o.dataDir));
}

/** Every value in the database opens with these keys; otherwise say which key file is missing. */
export function assertKeysHeld(db: Db, keys: KeyFile, location: string): void {
  const held = new Set(keys.keys.map((k) => k.id));
  const missing = [...keyIdsInUse(db).keys()].filter((id) => !held.has(id));
  if (missing.length > 0)
    throw new KeyFileError(
      `the database holds personal data sealed with key ${missing.join(', ')}, which ${location} does not hold. ` +
        'Bring the hall’s key file back first: npm run keys -- import --from <exported key file>',
    );
}

/**
 * Loads the keys (making the key file on first start), opens and migrates the database with them
 * (sealing what an older version kept in clear), checks that every sealed value has its key, and
 * seals again under the current key whatever an interrupted rotation or a restored older backup
 * left under another.
 */
export function openWithKeys(
  o: KeyedOpenOptions,
  now: number,
  log: (line: string) => void,
): { opened: OpenedDatabase; cipher: FieldCipher; keys: KeyFile; store: KeyStore } {
  const store = keyStoreFor(o);
  const keys = loadOrCreateKeys(store, now, log);
  const cipher = fieldCipher(keyringOf(keys));
  const opened = openDatabase(o.dataDir, {
    cipher,
    ...(o.nativeBinding ? { nativeBinding: o.nativeBinding } : {}),
    ...(o.exclusive ? { exclusive: true } : {}),
  });
  try {
    assertKeysHeld(opened.db, keys, store.location);
    const resealed = resealStale(opened.db, cipher);
    if (resealed > 0) {
      scrubFreedPages(opened.db);
      log(`keys: ${resealed} value(s) sealed again under the current key`);
    }
    return { opened, cipher, keys, store };
  } catch (err) {
    opened.db.close();
    throw err;
  }
}
