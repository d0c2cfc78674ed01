import { describe, expect, it } from 'vitest';
import {
  Command,
  decodeCommand,
  decodeResponse,
  encodeNamedCommand,
  encodeResponse,
  FrameError,
  fromHex,
  toHex,
} from '../../electron/domain/devices/sam-frame.js';
import { createReassembler } from '../../electron/domain/devices/sam-reassembler.js';
import { failureForStatus, samStatusName } from '../../electron/domain/devices/sam-status.js';

// Every vector of ../shared/hardware.md §1, byte for byte.
const COMMANDS: [keyof typeof Command, string][] = [
  ['resetSam', 'AA AA AA 96 69 00 03 10 FF EC'],
  ['samStatus', 'AA AA AA 96 69 00 03 11 FF ED'],
  ['readSamId', 'AA AA AA 96 69 00 03 12 FF EE'],
  ['findCard', 'AA AA AA 96 69 00 03 20 01 22'],
  ['selectCard', 'AA AA AA 96 69 00 03 20 02 21'],
  ['readTextPhoto', 'AA AA AA 96 69 00 03 30 01 32'],
  ['readTextPhotoFingerprint', 'AA AA AA 96 69 00 03 30 10 23'],
];
const RESPONSES: [string, number, string][] = [
  ['SAM status ok', 0x90, 'AA AA AA 96 69 00 04 00 00 90 94'],
  ['SAM self-test failure', 0x60, 'AA AA AA 96 69 00 04 00 00 60 64'],
  ['no card', 0x80, 'AA AA AA 96 69 00 04 00 00 80 84'],
  ['select failed', 0x81, 'AA AA AA 96 69 00 04 00 00 81 85'],
];

describe('GA 467 frame codec against hardware.md', () => {
  it.each(COMMANDS)('encodes %s exactly', (name, vector) => {
    expect(toHex(encodeNamedCommand(name))).toBe(vector);
    const decoded = decodeCommand(fromHex(vector));
    expect([decoded.cmd, decoded.para]).toEqual(Command[name]);
    expect(decoded.data.length).toBe(0);
  });

  it.each(RESPONSES)('encodes and decodes the %s reply', (_label, sw3, vector) => {
    expect(toHex(encodeResponse(sw3))).toBe(vector);
    expect(decodeResponse(fromHex(vector))).toMatchObject({ sw1: 0, sw2: 0, sw3, data: new Uint8Array(0) });
  });

  it('encodes the card-found reply with its four data bytes', () => {
    const vector = 'AA AA AA 96 69 00 08 00 00 9F 00 00 00 00 97';
    expect(toHex(encodeResponse(0x9f, new Uint8Array(4)))).toBe(vector);
    expect(decodeResponse(fromHex(vector)).sw3).toBe(0x9f);
  });

  it('gives the read-SAM-id reply LEN 00 14 and the select reply LEN 00 0C', () => {
    expect(toHex(encodeResponse(0x90, new Uint8Array(16)).subarray(5, 7))).toBe('00 14');
    expect(toHex(encodeResponse(0x90, new Uint8Array(8)).subarray(5, 7))).toBe('00 0C');
  });

  it('builds a text+photo reply of 1295 bytes starting as the vector does', () => {
    const data = new Uint8Array(4 + 256 + 1024);
    data.set([0x01, 0x00, 0x04, 0x00], 0);
    const frame = encodeResponse(0x90, data);
    expect(frame.length).toBe(1295);
    expect(toHex(frame.subarray(0, 14))).toBe('AA AA AA 96 69 05 08 00 00 90 01 00 04 00');
    expect(decodeResponse(frame).data.length).toBe(1284);
  });

  it('refuses truncated, oversized, trailing and corrupted frames with typed errors', () => {
    const good = fromHex('AA AA AA 96 69 00 04 00 00 90 94');
    const code = (bytes: Uint8Array) => {
      try {
        decodeResponse(bytes);
        return 'accepted';
      } catch (e) {
        expect(e).toBeInstanceOf(FrameError);
        return (e as FrameError).code;
      }
    };
    expect(code(good.subarray(0, 9))).toBe('truncated');
    expect(code(good.subarray(0, 4))).toBe('truncated');
    expect(code(fromHex('AA AA AA 96 69 10 01 00 00 90 94'))).toBe('bad_length');
    expect(code(fromHex('AA AA AA 96 69 00 02 00 02'))).toBe('bad_length');
    expect(code(Uint8Array.of(...good, 0))).toBe('trailing_bytes');
    expect(code(fromHex('AA AA AA 96 69 00 04 00 00 90 95'))).toBe('bad_checksum');
    expect(code(fromHex('AA AA AB 96 69 00 04 00 00 90 94'))).toBe('bad_preamble');
  });

  it('names every status byte and maps failures to what the kiosk says', () => {
    expect(samStatusName(0x9f)).toBe('card_found');
    expect(samStatusName(0x42)).toBe('unknown_status');
    expect(failureForStatus(0x60)).toBe('sam_error');
    expect(failureForStatus(0x41)).toBe('card_unreadable');
    expect(failureForStatus(0x10)).toBe('reader_error');
  });
});

describe('reassembler', () => {
  const frames = [encodeResponse(0x90), encodeResponse(0x9f, new Uint8Array(4)), encodeResponse(0x90, new Uint8Array(1284).fill(7))];
  const stream = Uint8Array.from(frames.flatMap((f) => [...f]));

  it('reassembles frames from chunks of every size', () => {
    for (const size of [1, 2, 3, 5, 7, 63, 64, 500, stream.length]) {
      const r = createReassembler(4);
      const got: Uint8Array[] = [];
      for (let i = 0; i < stream.length; i += size) {
        for (const item of r.push(stream.subarray(i, i + size))) {
          expect(item.kind).toBe('frame');
          if (item.kind === 'frame') got.push(item.bytes);
        }
      }
      expect(got.map(toHex)).toEqual(frames.map(toHex));
      expect(r.pending).toBe(0);
    }
  });

  it('resynchronises on the preamble after garbage and a corrupted frame', () => {
    const r = createReassembler(4);
    const broken = encodeResponse(0x90);
    broken[10] = broken[10]! ^ 0xff;
    const items = r.push(Uint8Array.of(0x00, 0xaa, 0xaa, 0x13, ...broken, 0xaa, 0xaa, ...frames[1]!));
    const kinds = items.map((i) => (i.kind === 'frame' ? toHex(i.bytes) : i.error.code));
    expect(kinds).toEqual(['bad_checksum', toHex(frames[1]!)]);
    expect(r.discarded).toBeGreaterThan(0);
  });

  it('rejects a bad length and still finds the frame behind it', () => {
    const r = createReassembler(4);
    const items = r.push(Uint8Array.of(...fromHex('AA AA AA 96 69 FF FF'), ...frames[0]!));
    expect(items.map((i) => i.kind)).toEqual(['error', 'frame']);
  });

  it('keeps a preamble split across chunks', () => {
    const r = createReassembler(4);
    expect(r.push(Uint8Array.of(1, 2, 3, 0xaa, 0xaa))).toEqual([]);
    const items = r.push(frames[0]!.subarray(2));
    expect(items).toHaveLength(1);
  });
});
