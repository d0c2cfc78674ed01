/**
 * GA 467 ("SAM") frames, as second-generation ID card readers speak them (../shared/hardware.md §1).
 *
 *   AA AA AA 96 69 | LEN_hi LEN_lo | body … | CHK
 *
 * LEN counts every byte after itself, the checksum included; CHK is the XOR of every byte after the
 * preamble up to the last body byte (LEN included). Commands carry CMD PARA [DATA]; responses carry
 * SW1 SW2 SW3 [DATA]. Bytes only: this module never sees a Node Buffer.
 */
export const PREAMBLE = Uint8Array.of(0xaa, 0xaa, 0xaa, 0x96, 0x69);
export const HEADER_BYTES = PREAMBLE.length + 2;
/** A text + photo + two fingerprint templates read is 2,314 bytes of LEN; anything far above is noise. */
export const MAX_LEN = 4096;
export const MIN_COMMAND_LEN = 3;
export const MIN_RESPONSE_LEN = 4;

export const Command = {
  resetSam: [0x10, 0xff],
  samStatus: [0x11, 0xff],
  readSamId: [0x12, 0xff],
  findCard: [0x20, 0x01],
  selectCard: [0x20, 0x02],
  readTextPhoto: [0x30, 0x01],
  readTextPhotoFingerprint: [0x30, 0x10],
} as const satisfies Record<string, readonly [number, number]>;
export type CommandName = keyof typeof Command;

export type FrameErrorCode = 'bad_preamble' | 'bad_length' | 'bad_checksum' | 'truncated' | 'trailing_bytes' | 'bad_payload';

/** Every way a frame can be refused. Thrown or returned, never anything else. */
export class FrameError extends Error {
  constructor(
    readonly code: FrameErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'FrameError';
  }
}

export interface CommandFrame {
  cmd: number;
  para: number;
  data: Uint8Array;
}

export interface ResponseFrame {
  sw1: number;
  sw2: number;
  sw3: number;
  data: Uint8Array;
}

/** XOR of bytes[from, to). */
export function xorChecksum(bytes: Uint8Array, from: number, to: number): number {
  let x = 0;
  for (let i = from; i < to; i++) x ^= bytes[i] ?? 0;
  return x;
}

function encode(body: Uint8Array): Uint8Array {
  const len = body.length + 1;
  if (len > MAX_LEN) throw new FrameError('bad_length', `body of ${body.length} bytes exceeds LEN ${MAX_LEN}`);
  const out = new Uint8Array(HEADER_BYTES + len);
  out.set(PREAMBLE, 0);
  out[5] = (len >> 8) & 0xff;
  out[6] = len & 0xff;
  out.set(body, HEADER_BYTES);
  out[out.length - 1] = xorChecksum(out, PREAMBLE.length, out.length - 1);
  return out;
}

export function encodeCommand(cmd: number, para: number, data: Uint8Array = new Uint8Array(0)): Uint8Array {
  const body = new Uint8Array(2 + data.length);
  body[0] = cmd & 0xff;
  body[1] = para & 0xff;
  body.set(data, 2);
  return encode(body);
}

export function encodeNamedCommand(name: CommandName): Uint8Array {
  const [cmd, para] = Command[name];
  return encodeCommand(cmd, para);
}

export function encodeResponse(sw3: number, data: Uint8Array = new Uint8Array(0), sw1 = 0, sw2 = 0): Uint8Array {
  const body = new Uint8Array(3 + data.length);
  body[0] = sw1 & 0xff;
  body[1] = sw2 & 0xff;
  body[2] = sw3 & 0xff;
  body.set(data, 3);
  return encode(body);
}

/** LEN of a frame whose header starts at `at`; the caller has checked 7 bytes are there. */
export function readLen(bytes: Uint8Array, at = 0): number {
  return ((bytes[at + 5] ?? 0) << 8) | (bytes[at + 6] ?? 0);
}

export function startsWithPreamble(bytes: Uint8Array, at = 0): boolean {
  for (let i = 0; i < PREAMBLE.length; i++) if (bytes[at + i] !== PREAMBLE[i]) return false;
  return true;
}

/**
 * Checks one complete frame and returns its body (between LEN and CHK). `minLen` is 3 for commands
 * and 4 for responses. Throws FrameError, nothing else.
 */
export function frameBody(bytes: Uint8Array, minLen: number): Uint8Array {
  if (bytes.length < HEADER_BYTES) throw new FrameError('truncated', `frame of ${bytes.length} bytes is shorter than its header`);
  if (!startsWithPreamble(bytes)) throw new FrameError('bad_preamble', 'frame does not start with AA AA AA 96 69');
  const len = readLen(bytes);
  if (len < minLen || len > MAX_LEN) throw new FrameError('bad_length', `LEN ${len} outside ${minLen}…${MAX_LEN}`);
  const total = HEADER_BYTES + len;
  if (bytes.length < total) throw new FrameError('truncated', `frame has ${bytes.length} of ${total} bytes`);
  if (bytes.length > total) throw new FrameError('trailing_bytes', `${bytes.length - total} bytes after the checksum`);
  const expected = xorChecksum(bytes, PREAMBLE.length, total - 1);
  if (bytes[total - 1] !== expected) throw new FrameError('bad_checksum', `checksum ${hex(bytes[total - 1] ?? 0)}, expected ${hex(expected)}`);
  return bytes.subarray(HEADER_BYTES, total - 1);
}

export function decodeCommand(bytes: Uint8Array): CommandFrame {
  const body = frameBody(bytes, MIN_COMMAND_LEN);
  return { cmd: body[0] ?? 0, para: body[1] ?? 0, data: body.slice(2) };
}

export function decodeResponse(bytes: Uint8Array): ResponseFrame {
  const body = frameBody(bytes, MIN_RESPONSE_LEN);
  return { sw1: body[0] ?? 0, sw2: body[1] ?? 0, sw3: body[2] ?? 0, data: body.slice(3) };
}

export function hex(n: number): string {
  return n.toString(16).toUpperCase().padStart(2, '0');
}

/** "AA AA AA 96 69 …" ⇄ bytes, for vectors and the simulator's logs. */
export function fromHex(text: string): Uint8Array {
  const clean = text.replace(/\s+/g, '');
  if (!/^(?:[0-9a-fA-F]{2})*$/.test(clean)) throw new Error(`not hex: ${text}`);
  const out = new Uint8Array(clean.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = parseInt(clean.slice(i * 2, i * 2 + 2), 16);
  return out;
}

export function toHex(bytes: Uint8Array): string {
  return Array.from(bytes, hex).join(' ');
}
