import type { Dims } from './report-facts.js';
import { COUNTED_KINDS, emptyCounts, type ReportCell } from './report-cells.js';

/**
 * A cell's figures as bytes for a BLOB column (the dims are stored as columns beside it, so a
 * query can filter on them):
 *
 *   version (1 byte, = FORMAT)
 *   one zigzag varint per kind of COUNTED_KINDS, in that order (0 when absent)
 *   waits:    count (varint), then the first value (zigzag varint), then each difference to the
 *             previous one (varint: the list is ascending, so differences are ≥ 0)
 *   services: the same
 *
 * Varints are little-endian base-128 (7 bits a byte, high bit = more). They are computed with
 * arithmetic, not 32-bit bit operations, so any whole number of ms up to 2^53 survives. A typical
 * wait list costs 1–3 bytes a value. Changing COUNTED_KINDS changes the layout: bump FORMAT, and
 * the store rebuilds (decodeCell refuses other versions).
 */
export const CELL_FORMAT = 1;

class Writer {
  private buf = new Uint8Array(64);
  private len = 0;
  byte(b: number): void {
    if (this.len === this.buf.length) {
      const next = new Uint8Array(this.buf.length * 2);
      next.set(this.buf);
      this.buf = next;
    }
    this.buf[this.len++] = b;
  }
  uint(v: number): void {
    if (!Number.isSafeInteger(v) || v < 0) throw new RangeError(`not a whole number of ms ≥ 0: ${v}`);
    while (v >= 0x80) {
      this.byte((v % 0x80) | 0x80);
      v = Math.floor(v / 0x80);
    }
    this.byte(v);
  }
  int(v: number): void {
    if (!Number.isSafeInteger(v)) throw new RangeError(`not a whole number of ms: ${v}`);
    this.uint(v >= 0 ? v * 2 : -v * 2 - 1);
  }
  values(sorted: readonly number[]): void {
    this.uint(sorted.length);
    let prev = 0;
    sorted.forEach((v, i) => {
      if (i === 0) this.int(v);
      else this.uint(v - prev);
      prev = v;
    });
  }
  bytes(): Uint8Array {
    return this.buf.slice(0, this.len);
  }
}

class Reader {
  private at = 0;
  constructor(private readonly buf: Uint8Array) {}
  uint(): number {
    let v = 0;
    let scale = 1;
    for (;;) {
      const b = this.buf[this.at++];
      if (b === undefined) throw new RangeError('report cell: bytes end early');
      v += (b & 0x7f) * scale;
      if (b < 0x80) return v;
      scale *= 0x80;
    }
  }
  int(): number {
    const z = this.uint();
    return z % 2 === 0 ? z / 2 : -(z + 1) / 2;
  }
  values(): number[] {
    const n = this.uint();
    const out = new Array<number>(n);
    let v = 0;
    for (let i = 0; i < n; i++) {
      v = i === 0 ? this.int() : v + this.uint();
      out[i] = v;
    }
    return out;
  }
  done(): boolean {
    return this.at === this.buf.length;
  }
}

/** A cell's counts and values (not its dims) as bytes. */
export function encodeCell(c: ReportCell): Uint8Array {
  const w = new Writer();
  w.byte(CELL_FORMAT);
  for (const k of COUNTED_KINDS) w.int(c.counts[k] ?? 0);
  w.values(c.waits);
  w.values(c.services);
  return w.bytes();
}

/** The cell of `dims` whose figures `bytes` hold (as encodeCell wrote them). */
export function decodeCell(dims: Dims, bytes: Uint8Array): ReportCell {
  if (bytes[0] !== CELL_FORMAT) throw new RangeError(`report cell: format ${String(bytes[0])}, expected ${CELL_FORMAT}`);
  const r = new Reader(bytes.subarray(1));
  const counts = emptyCounts();
  for (const k of COUNTED_KINDS) counts[k] = r.int();
  const waits = r.values();
  const services = r.values();
  if (!r.done()) throw new RangeError('report cell: bytes left over');
  return { dims, counts, waits, services };
}
