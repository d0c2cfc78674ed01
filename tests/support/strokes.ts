import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { appRoot } from '../../db/app-root.js';

/** A stroke as its key points; a character as its strokes in writing order. */
export type KeyPoints = [number, number][];

interface StrokeFixtures {
  box: number;
  characters: Record<string, KeyPoints[]>;
}

/** The handwritten characters of tests/e2e/strokes/characters.json (written on a `box` square). */
export function strokeFixtures(): StrokeFixtures {
  return JSON.parse(readFileSync(join(appRoot(), 'tests', 'e2e', 'strokes', 'characters.json'), 'utf8')) as StrokeFixtures;
}

/**
 * The points a finger passes through along the key points, about every `step` units, scaled from
 * the fixture's box by `scale` and moved by `offset`: what a screen samples from a real stroke.
 */
export function tracePoints(stroke: KeyPoints, step = 8, scale = 1, offset: [number, number] = [0, 0]): [number, number][] {
  const out: [number, number][] = [];
  const at = (x: number, y: number): [number, number] => [Math.round(x * scale + offset[0]), Math.round(y * scale + offset[1])];
  const [first] = stroke;
  if (!first) return out;
  out.push(at(first[0], first[1]));
  for (let i = 1; i < stroke.length; i++) {
    const [x0, y0] = stroke[i - 1]!;
    const [x1, y1] = stroke[i]!;
    const n = Math.max(1, Math.floor(Math.hypot(x1 - x0, y1 - y0) / step));
    for (let k = 1; k <= n; k++) out.push(at(x0 + ((x1 - x0) * k) / n, y0 + ((y1 - y0) * k) / n));
  }
  return out;
}
