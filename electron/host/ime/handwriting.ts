import type { HandwritingRequest } from '../../domain/contract/ime-api.js';

/** The square the recogniser sees: its model was trained on characters written in such a box. */
export const CANVAS = 1000;
/** The written character is fitted to this share of the square, centred. */
const FILL = 0.86;
/** A small mark is enlarged at most this much relative to the box it was written in, so that a
 * dot (丶) stays a dot rather than becoming a long stroke. */
const MAX_ZOOM = 2.2;

type Strokes = HandwritingRequest['strokes'];

/**
 * Fits what was written to the recogniser's square, keeping its proportions: a citizen may write
 * small, or in a corner of the box, and an elderly hand rarely fills it the way the model's
 * writers did. 一 stays a flat line in the middle, 丨 a tall one.
 */
export function normaliseStrokes(strokes: Strokes, width: number, height: number): Strokes {
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const s of strokes)
    for (const [x, y] of s) {
      minX = Math.min(minX, x);
      minY = Math.min(minY, y);
      maxX = Math.max(maxX, x);
      maxY = Math.max(maxY, y);
    }
  const side = Math.max(maxX - minX, maxY - minY, 1);
  const scale = Math.min((CANVAS * FILL) / side, (CANVAS / Math.max(width, height)) * MAX_ZOOM);
  const cx = (minX + maxX) / 2;
  const cy = (minY + maxY) / 2;
  const at = (v: number, c: number) => Math.min(CANVAS, Math.max(0, Math.round(CANVAS / 2 + (v - c) * scale)));
  return strokes.map((s) => s.map(([x, y]) => [at(x, cx), at(y, cy)] as [number, number]));
}

/** One line of Zinnia's input: built from integers only, so it always parses and never spans lines. */
export function toSExpression(strokes: Strokes): string {
  const body = strokes.map((s) => `(${s.map(([x, y]) => `(${Math.trunc(x)} ${Math.trunc(y)})`).join('')})`).join('');
  return `(character (width ${CANVAS})(height ${CANVAS})(strokes ${body}))`;
}
