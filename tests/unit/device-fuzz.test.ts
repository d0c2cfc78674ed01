import { describe, expect, it } from 'vitest';
import { createHidPosAssembler, encodeHidPosReports, HidPosError } from '../../electron/domain/devices/hid-pos.js';
import { decodeResponse, encodeResponse, FrameError, HEADER_BYTES, MAX_LEN } from '../../electron/domain/devices/sam-frame.js';
import { createReassembler } from '../../electron/domain/devices/sam-reassembler.js';
import { parseCardText } from '../../electron/domain/devices/id-card-text.js';
import { seededRandom } from '../../scripts/lib/seeded-random.js';

const SEED = Number(process.env['FUZZ_SEED'] ?? 20261124);
const FRAMES = 100_000;

describe(`fuzz (seed ${SEED})`, () => {
  it(`feeds ${FRAMES.toLocaleString('en')} random and mutated frames to the ID reader parser`, () => {
    const rnd = seededRandom(SEED);
    const int = (n: number) => Math.floor(rnd() * n);
    const seeds = [
      encodeResponse(0x90),
      encodeResponse(0x9f, new Uint8Array(4)),
      encodeResponse(0x90, new Uint8Array(8).fill(3)),
      encodeResponse(
        0x90,
        Uint8Array.from({ length: 1284 }, (_, i) => i & 0xff),
      ),
    ];
    const r = createReassembler(4);
    let frames = 0;
    let errors = 0;
    let maxPending = 0;
    for (let n = 0; n < FRAMES; n++) {
      let bytes: Uint8Array;
      const mode = int(6);
      const base = seeds[int(seeds.length)]!;
      if (mode === 0) bytes = Uint8Array.from({ length: int(80) }, () => int(256));
      else if (mode === 1) bytes = base.subarray(0, int(base.length));
      else if (mode === 2) {
        bytes = base.slice();
        for (let k = 0, m = 1 + int(4); k < m; k++) bytes[int(bytes.length)] = int(256);
      } else if (mode === 3) {
        bytes = base.slice(0, Math.min(base.length, 64));
        bytes[5] = int(256);
        bytes[6] = int(256);
      } else bytes = base;
      // The single-frame decoder must refuse with FrameError and nothing else.
      try {
        decodeResponse(bytes);
      } catch (e) {
        if (!(e instanceof FrameError)) throw e;
      }
      for (let at = 0; at < bytes.length;) {
        const size = 1 + int(96);
        for (const item of r.push(bytes.subarray(at, at + size))) {
          if (item.kind === 'frame') {
            frames++;
            decodeResponse(item.bytes);
          } else {
            errors++;
            expect(item.error).toBeInstanceOf(FrameError);
          }
        }
        at += size;
        maxPending = Math.max(maxPending, r.pending);
      }
    }
    expect(frames).toBeGreaterThan(FRAMES / 4);
    expect(errors).toBeGreaterThan(0);
    expect(maxPending).toBeLessThanOrEqual(HEADER_BYTES + MAX_LEN);
  });

  it('decodes random text blocks without throwing', () => {
    const rnd = seededRandom(SEED + 1);
    for (let n = 0; n < 20_000; n++) {
      const text = Uint8Array.from({ length: n % 50 === 0 ? Math.floor(rnd() * 300) : 256 }, () => Math.floor(rnd() * 256));
      if (n % 3 === 0) text[248] = [0x20, 0x4a, 0x49, 0x59][n % 4] ?? 0x20;
      const result = parseCardText(text);
      if (!result.ok) expect(result.problem).toMatch(/^[a-z_]+$/);
    }
  });

  it('feeds 100,000 random and mutated reports to the HID POS parser', () => {
    const rnd = seededRandom(SEED + 2);
    const int = (n: number) => Math.floor(rnd() * n);
    const a = createHidPosAssembler();
    const good = encodeHidPosReports('0123456789'.repeat(12));
    let scans = 0;
    for (let n = 0; n < 100_000; n++) {
      let report: Uint8Array;
      if (n % 4 === 0) report = Uint8Array.from({ length: int(70) }, () => int(256));
      else {
        report = good[int(good.length)]!.slice();
        if (n % 4 === 1) report[int(64)] = int(256);
      }
      const item = a.push(report);
      if (item.kind === 'error') expect(item.error).toBeInstanceOf(HidPosError);
      if (item.kind === 'scan') scans++;
      expect(a.partialReports).toBeLessThanOrEqual(16);
    }
    expect(scans).toBeGreaterThan(0);
  });
});
