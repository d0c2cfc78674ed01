import { HANDWRITING_LIMITS } from '@domain/contract/ime-api.js';

export type Point = [number, number];
export type Stroke = Point[];

/** A finger's move shorter than this (CSS pixels) adds no point: the line it draws is the same. */
export const MIN_STEP = 3;

/**
 * The strokes as the host's limits allow: a stroke longer than its point budget, or a character
 * over the total, is thinned evenly (its first and last points kept), which changes its shape by
 * a few pixels at most. Strokes beyond the limit are never collected (see HandwritingPad).
 */
export function fitStrokes(strokes: readonly Stroke[]): Stroke[] {
  const perStroke = strokes.map((s) => thin(s, HANDWRITING_LIMITS.maxPointsPerStroke));
  const total = perStroke.reduce((n, s) => n + s.length, 0);
  if (total <= HANDWRITING_LIMITS.maxPoints) return perStroke;
  const share = HANDWRITING_LIMITS.maxPoints / total;
  return perStroke.map((s) => thin(s, Math.max(2, Math.floor(s.length * share))));
}

function thin(stroke: Stroke, max: number): Stroke {
  if (stroke.length <= max) return stroke;
  const out: Stroke = [];
  for (let i = 0; i < max; i++) {
    const p = stroke[Math.round((i * (stroke.length - 1)) / (max - 1))];
    if (p) out.push(p);
  }
  return out;
}
