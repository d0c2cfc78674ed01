/** The card's text block is UCS-2 little-endian (BMP only, no surrogates), padded with spaces. */
export function decodeUcs2Le(bytes: Uint8Array, offset: number, length: number): string {
  let s = '';
  const stop = Math.min(bytes.length, offset + length) - 1;
  for (let i = offset; i < stop; i += 2) s += String.fromCharCode((bytes[i] ?? 0) | ((bytes[i + 1] ?? 0) << 8));
  // Readers pad with spaces; some firmware pads with NULs instead.
  return s.replace(/[\s\0]+$/u, '');
}

/** Writes `text` at `offset`, padded with spaces to `length` bytes; longer text is cut. */
export function encodeUcs2Le(target: Uint8Array, offset: number, length: number, text: string): void {
  for (let i = 0; i < length / 2; i++) {
    const code = i < text.length ? text.charCodeAt(i) : 0x20;
    target[offset + i * 2] = code & 0xff;
    target[offset + i * 2 + 1] = code >> 8;
  }
}
