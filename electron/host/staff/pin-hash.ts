import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

/**
 * Staff PINs are short, so the hash must be slow: scrypt with N = 2^15 costs tens of milliseconds
 * and 32 MiB per guess, and runs on libuv's thread pool so the event loop keeps serving while a
 * clerk signs in. Together with the lockout after 5 failures a stolen database yields no PINs.
 */
const PARAMS: ScryptOptions = { N: 1 << 15, r: 8, p: 1, maxmem: 64 * 1024 * 1024 };
const KEY_LENGTH = 32;

function derive(pin: string, salt: Buffer): Promise<Buffer> {
  return new Promise((resolve, reject) => scrypt(pin, salt, KEY_LENGTH, PARAMS, (err, key) => (err ? reject(err) : resolve(key))));
}

export async function hashPin(pin: string): Promise<{ hash: Buffer; salt: Buffer }> {
  const salt = randomBytes(16);
  return { hash: await derive(pin, salt), salt };
}

export async function verifyPin(pin: string, hash: Buffer, salt: Buffer): Promise<boolean> {
  const candidate = await derive(pin, salt);
  return candidate.length === hash.length && timingSafeEqual(candidate, hash);
}

/** Spends the same time as a real check, so an unknown staff number is not told apart by timing. */
export async function burnPinCheck(pin: string): Promise<void> {
  await derive(pin, Buffer.alloc(16));
}
