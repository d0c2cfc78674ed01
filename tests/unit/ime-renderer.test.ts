import { describe, expect, it } from 'vitest';
import { HANDWRITING_LIMITS, HandwritingRequestSchema } from '../../electron/domain/contract/ime-api.js';
import { defaultMode, modesFor } from '../../renderer/src/components/ime/ime-modes.js';
import { fitStrokes, type Stroke } from '../../renderer/src/components/ime/strokes.js';

describe('fitStrokes', () => {
  const line = (n: number, y = 10): Stroke => Array.from({ length: n }, (_, i) => [i % 300, y]);

  it('leaves strokes within the limits as they are', () => {
    const strokes = [line(50), line(80, 20)];
    expect(fitStrokes(strokes)).toEqual(strokes);
  });

  it('thins a long stroke to the per-stroke limit, keeping its ends', () => {
    const long = line(1000);
    const [out] = fitStrokes([long]);
    expect(out).toHaveLength(HANDWRITING_LIMITS.maxPointsPerStroke);
    expect(out?.[0]).toEqual(long[0]);
    expect(out?.at(-1)).toEqual(long.at(-1));
  });

  it('thins a character over the total so that the host accepts it', () => {
    const strokes = Array.from({ length: HANDWRITING_LIMITS.maxStrokes }, (_, i) => line(190, i));
    const out = fitStrokes(strokes);
    expect(out.reduce((n, s) => n + s.length, 0)).toBeLessThanOrEqual(HANDWRITING_LIMITS.maxPoints);
    expect(HandwritingRequestSchema.safeParse({ width: 300, height: 300, strokes: out }).success).toBe(true);
    expect(HandwritingRequestSchema.safeParse({ width: 300, height: 300, strokes }).success).toBe(false);
  });
});

describe('the ways of writing a field', () => {
  it('offers handwriting and pinyin for Chinese, letters for names, digits for addresses, the province for plates', () => {
    expect(modesFor('name', true)).toEqual(['handwriting', 'pinyin', 'letters']);
    expect(modesFor('address', true)).toEqual(['handwriting', 'pinyin', 'digits', 'letters']);
    expect(modesFor('plate', true)).toEqual(['plate', 'letters']);
    expect(modesFor('text', true)).toEqual(['handwriting', 'pinyin']);
  });

  it('drops handwriting where the host cannot read it', () => {
    expect(modesFor('name', false)).toEqual(['pinyin', 'letters']);
    expect(defaultMode('text', 'zh-CN', false)).toBe('pinyin');
  });

  it('opens a name with handwriting, or with the letter keys on the English screen (a foreign name)', () => {
    expect(defaultMode('name', 'zh-CN', true)).toBe('handwriting');
    expect(defaultMode('name', 'mn', true)).toBe('handwriting');
    expect(defaultMode('name', 'en', true)).toBe('letters');
    expect(defaultMode('plate', 'zh-CN', true)).toBe('plate');
  });
});
