import { FrameError, HEADER_BYTES, MAX_LEN, PREAMBLE, readLen, startsWithPreamble, xorChecksum } from './sam-frame.js';

export type ReassembledItem = { kind: 'frame'; bytes: Uint8Array } | { kind: 'error'; error: FrameError };

export interface Reassembler {
  /** Feeds one chunk as the transport delivered it; returns every complete frame and every refusal. */
  push(chunk: Uint8Array): ReassembledItem[];
  /** Bytes held while waiting for the rest of a frame. */
  readonly pending: number;
  /** Bytes thrown away because no preamble preceded them (noise on the line, a reader booting). */
  readonly discarded: number;
  /** Forget a half-received frame (after a timeout: it will never complete). */
  reset(): void;
}

/**
 * Turns a byte stream cut at arbitrary places into frames. After garbage it resynchronises on the
 * next preamble; a bad LEN or checksum costs one byte and the search resumes, so that a real frame
 * hidden behind a false preamble is still found. Memory is bounded by one maximal frame.
 */
export function createReassembler(minLen: number, maxLen: number = MAX_LEN): Reassembler {
  const capacity = HEADER_BYTES + maxLen;
  let buf = new Uint8Array(Math.min(capacity, 2048));
  let start = 0;
  let end = 0;
  let discarded = 0;

  function append(chunk: Uint8Array): number {
    const take = Math.min(capacity - (end - start), chunk.length);
    if (end + take > buf.length) {
      const size = end - start + take;
      // Grow only when compacting is not enough; set() copes with the overlap when it is.
      const next = size > buf.length ? new Uint8Array(Math.min(capacity, Math.max(size, buf.length * 2))) : buf;
      next.set(buf.subarray(start, end), 0);
      buf = next;
      end -= start;
      start = 0;
    }
    buf.set(chunk.subarray(0, take), end);
    end += take;
    return take;
  }

  function isPreamblePrefix(from: number): boolean {
    for (let k = from; k < end; k++) if (buf[k] !== PREAMBLE[k - from]) return false;
    return true;
  }

  /** Advances `start` to the next preamble, or keeps only a tail that may begin one. */
  function seek(): void {
    let i = start;
    while (i + PREAMBLE.length <= end && !(buf[i] === 0xaa && startsWithPreamble(buf, i))) i++;
    if (i + PREAMBLE.length > end) {
      while (i < end && !isPreamblePrefix(i)) i++;
    }
    discarded += i - start;
    start = i;
  }

  function drain(out: ReassembledItem[]): void {
    for (;;) {
      seek();
      if (end - start < HEADER_BYTES) return;
      const len = readLen(buf, start);
      if (len < minLen || len > maxLen) {
        out.push({ kind: 'error', error: new FrameError('bad_length', `LEN ${len} outside ${minLen}…${maxLen}`) });
        start += 1;
        continue;
      }
      const total = HEADER_BYTES + len;
      if (end - start < total) return;
      const chk = xorChecksum(buf, start + PREAMBLE.length, start + total - 1);
      if (buf[start + total - 1] !== chk) {
        out.push({ kind: 'error', error: new FrameError('bad_checksum', `checksum mismatch in a frame of LEN ${len}`) });
        start += 1;
        continue;
      }
      out.push({ kind: 'frame', bytes: buf.slice(start, start + total) });
      start += total;
    }
  }

  return {
    push(chunk) {
      const out: ReassembledItem[] = [];
      let offset = 0;
      // A chunk larger than the buffer's room is fed in slices, draining in between.
      while (offset < chunk.length) {
        if (end === start) {
          start = 0;
          end = 0;
        }
        const took = append(chunk.subarray(offset));
        offset += took;
        drain(out);
        if (took === 0) {
          // Full of a frame that cannot complete within maxLen: drop a byte and resynchronise.
          start += 1;
          discarded += 1;
          drain(out);
        }
      }
      return out;
    },
    get pending() {
      return end - start;
    },
    get discarded() {
      return discarded;
    },
    reset() {
      discarded += end - start;
      start = 0;
      end = 0;
    },
  };
}
