import { describe, expect, it } from 'vitest';
import { fieldCipher, idNumberHash, SealedValueError } from '../../db/field-cipher.js';
import { keyringOf, newKeyFile, rotated } from '../../electron/host/keys/key-file.js';

const file = newKeyFile(Date.UTC(2026, 0, 1));
const cipher = fieldCipher(keyringOf(file));

describe('field cipher', () => {
  it('seals a value that opens only in its own table and column, with the key id inside', () => {
    const sealed = cipher.seal('applications', 'form_enc', '{"name":"区志强"}');
    expect(sealed.includes(Buffer.from('区志强'))).toBe(false);
    expect(cipher.keyIdOf(sealed)).toBe(file.current);
    expect(cipher.open('applications', 'form_enc', sealed)).toBe('{"name":"区志强"}');
    // Moved to another column (or table), the value does not authenticate.
    expect(() => cipher.open('appointments', 'name_enc', sealed)).toThrow(SealedValueError);
    expect(() => cipher.open('applications', 'applicant_id_number_enc', sealed)).toThrow(SealedValueError);
    // Two seals of one value differ (a fresh IV each time): equal values cannot be spotted.
    expect(cipher.seal('applications', 'form_enc', 'x').equals(cipher.seal('applications', 'form_enc', 'x'))).toBe(false);
  });

  it('refuses an altered value, a changed key id and a foreign key', () => {
    const sealed = cipher.seal('appointments', 'id_number_enc', '440304199001011233');
    const flipped = Buffer.from(sealed);
    flipped[flipped.length - 1] = (flipped[flipped.length - 1] ?? 0) ^ 1;
    expect(() => cipher.open('appointments', 'id_number_enc', flipped)).toThrow(SealedValueError);
    const other = fieldCipher(keyringOf(newKeyFile(Date.now())));
    expect(() => other.open('appointments', 'id_number_enc', sealed)).toThrow(/does not hold/);
    expect(() => cipher.open('appointments', 'id_number_enc', Buffer.from('440304199001011233'))).toThrow(SealedValueError);
  });

  it('after a rotation, seals under the new key and still opens what the retired key sealed', () => {
    const old = cipher.seal('applications', 'form_enc', 'before');
    const next = rotated(file, Date.UTC(2026, 6, 1));
    expect(next.current).not.toBe(file.current);
    expect(next.keys.find((k) => k.id === file.current)?.retiredAt).toBe('2026-07-01T00:00:00.000Z');
    const c2 = fieldCipher(keyringOf(next));
    expect(c2.open('applications', 'form_enc', old)).toBe('before');
    expect(c2.keyIdOf(c2.seal('applications', 'form_enc', 'after'))).toBe(next.current);
  });

  it('hashes an ID number for lookups: one normal form, keyed, 32 bytes', () => {
    const h = idNumberHash(cipher, '11010519491231002x');
    expect(h).toHaveLength(32);
    expect(h.equals(idNumberHash(cipher, ' 11010519491231002X '))).toBe(true);
    expect(h.equals(idNumberHash(fieldCipher(keyringOf(newKeyFile(Date.now()))), '11010519491231002X'))).toBe(false);
  });
});
