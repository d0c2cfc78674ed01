import { chmodSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { normaliseStrokes, toSExpression } from '../../electron/host/ime/handwriting.js';
import { RecogniserError, zinniaProcess } from '../../electron/host/ime/zinnia-process.js';
import { strokeFixtures, tracePoints, type KeyPoints } from '../support/strokes.js';
import { tempDir } from '../support/temp-dir.js';
import { startTestHost, type TestHost } from '../support/test-host.js';

// Handwriting is recognised on the host by Zinnia with Debian's simplified-Chinese model
// (scripts/test-prerequisites.sh installs zinnia-utils and tegaki-zinnia-simplified-chinese).
const { box, characters } = strokeFixtures();
const strokesOf = (ch: string, scale = 1, offset: [number, number] = [0, 0]) => {
  const key = characters[ch];
  if (!key) throw new Error(`no fixture for ${ch}`);
  return key.map((s: KeyPoints) => tracePoints(s, 8, scale, offset));
};

describe('POST /api/ime/handwriting', () => {
  let t: TestHost;
  let kiosk: string;
  const logs: string[] = [];
  const recognise = (body: unknown, token = kiosk) => t.request('/api/ime/handwriting', { method: 'POST', token, body });
  const candidates = (res: { body: unknown }) => (res.body as { candidates: string[] }).candidates;

  beforeAll(async () => {
    t = await startTestHost({ log: (l) => logs.push(l) });
    kiosk = await t.pair('kiosk');
  });
  afterAll(() => t.stop());

  it('says it can recognise handwriting', async () => {
    expect((await t.request('/api/ime', { token: kiosk })).body).toEqual({ handwriting: true, pinyin: true });
  });

  it.each(['王', '小', '明'])('reads %s written stroke by stroke as its first candidate', async (ch) => {
    const res = await recognise({ width: box, height: box, strokes: strokesOf(ch) });
    expect(res.status).toBe(200);
    expect(candidates(res)[0]).toBe(ch);
    expect(candidates(res)).toHaveLength(10);
  });

  it('reads a character written small in a corner of a larger box, and honours the limit', async () => {
    const res = await recognise({ width: 600, height: 600, strokes: strokesOf('明', 0.5, [20, 300]), limit: 5 });
    expect(res.status).toBe(200);
    expect(candidates(res)).toHaveLength(5);
    expect(candidates(res)[0]).toBe('明');
  });

  it('answers a scribble with some candidates, and goes on reading real characters after it', async () => {
    const scribble = Array.from({ length: 25 }, (_, i) =>
      Array.from({ length: 60 }, (_, j) => [(i * 37 + j * 53) % 300, (i * 91 + j * j * 7) % 300] as [number, number]),
    );
    const res = await recognise({ width: 300, height: 300, strokes: scribble });
    expect(res.status).toBe(200);
    expect(Array.isArray(candidates(res))).toBe(true);
    const dot = await recognise({ width: 300, height: 300, strokes: [[[150, 150]]] });
    expect(dot.status).toBe(200);
    expect(candidates(await recognise({ width: box, height: box, strokes: strokesOf('王') }))[0]).toBe('王');
  });

  it('answers characters sent together, each its own', async () => {
    const chars = ['王', '小', '明', '王', '小', '明'];
    const answers = await Promise.all(chars.map((ch) => recognise({ width: box, height: box, strokes: strokesOf(ch) })));
    expect(answers.map((a) => a.status)).toEqual(chars.map(() => 200));
    expect(answers.map((a) => candidates(a)[0])).toEqual(chars);
  });

  const stroke = [
    [10, 10],
    [20, 20],
  ];
  it.each([
    ['no strokes', { width: 300, height: 300, strokes: [] }],
    ['an empty stroke', { width: 300, height: 300, strokes: [[]] }],
    [
      'a point outside the box',
      {
        width: 300,
        height: 300,
        strokes: [
          [
            [10, 10],
            [301, 20],
          ],
        ],
      },
    ],
    ['a negative coordinate', { width: 300, height: 300, strokes: [[[-1, 10]]] }],
    ['fractions', { width: 300, height: 300, strokes: [[[10.5, 10]]] }],
    ['text for a point', { width: 300, height: 300, strokes: [[['10', '10']]] }],
    ['41 strokes', { width: 300, height: 300, strokes: Array.from({ length: 41 }, () => stroke) }],
    ['a stroke of 201 points', { width: 300, height: 300, strokes: [Array.from({ length: 201 }, () => [1, 1])] }],
    ['2,401 points in all', { width: 300, height: 300, strokes: Array.from({ length: 13 }, () => Array.from({ length: 185 }, () => [1, 1])) }],
    ['a tiny box', { width: 8, height: 8, strokes: [[[1, 1]]] }],
    ['a box too large', { width: 2001, height: 300, strokes: [[[1, 1]]] }],
    ['an unknown field', { width: 300, height: 300, strokes: [stroke], name: '王' }],
    ['limit 0', { width: 300, height: 300, strokes: [stroke], limit: 0 }],
  ])('refuses %s with 400', async (_what, body) => {
    const res = await recognise(body);
    expect(res.status).toBe(400);
    expect((res.body as { error: { code: string } }).error.code).toBe('bad_request');
  });

  it('refuses a body over the host limit with 413', async () => {
    const huge = { width: 300, height: 300, strokes: [Array.from({ length: 20_000 }, () => [100, 100])] };
    expect((await recognise(huge)).status).toBe(413);
  });

  it('serves the booth and the counter screen (display), and no clerk, admin or unpaired caller', async () => {
    const body = { width: box, height: box, strokes: strokesOf('小') };
    expect((await recognise(body, await t.pair('booth'))).status).toBe(200);
    expect((await recognise(body, await t.pair('display'))).status).toBe(200);
    expect((await recognise(body, await t.pair('clerk'))).status).toBe(403);
    expect((await recognise(body, await t.pair('admin'))).status).toBe(403);
    expect((await t.request('/api/ime/handwriting', { method: 'POST', body })).status).toBe(401);
  });

  it('logs nothing of what was written', async () => {
    await recognise({ width: box, height: box, strokes: strokesOf('明') });
    const all = logs.join('\n');
    expect(all).not.toContain('明');
    expect(all).not.toMatch(/character|strokes|\(\d+ \d+\)/);
  });
});

describe('a host without the handwriting model', () => {
  let t: TestHost;
  beforeAll(async () => {
    t = await startTestHost({ ime: { zinniaModel: '/nonexistent/handwriting-zh_CN.model' } });
  });
  afterAll(() => t.stop());

  it('says so, and answers a character with 503 (the kiosk then offers pinyin only)', async () => {
    const kiosk = await t.pair('kiosk');
    expect((await t.request('/api/ime', { token: kiosk })).body).toEqual({ handwriting: false, pinyin: true });
    const res = await t.request('/api/ime/handwriting', { method: 'POST', token: kiosk, body: { width: 300, height: 300, strokes: [[[1, 1]]] } });
    expect(res.status).toBe(503);
    expect((res.body as { error: { code: string } }).error.code).toBe('unavailable');
  });
});

describe('normaliseStrokes', () => {
  it('fits a small character to the middle of the square, keeping its proportions', () => {
    const out = normaliseStrokes(
      [
        [
          [10, 10],
          [30, 10],
        ],
        [
          [20, 0],
          [20, 40],
        ],
      ],
      300,
      300,
    );
    const xs = out.flat().map(([x]) => x);
    const ys = out.flat().map(([, y]) => y);
    expect(Math.max(...ys) - Math.min(...ys)).toBeCloseTo(2 * (Math.max(...xs) - Math.min(...xs)), -1);
    expect((Math.max(...xs) + Math.min(...xs)) / 2).toBe(500);
    expect((Math.max(...ys) + Math.min(...ys)) / 2).toBe(500);
  });

  it('keeps a dot small and 一 flat', () => {
    const dot = normaliseStrokes([[[150, 150]]], 300, 300);
    expect(dot).toEqual([[[500, 500]]]);
    const one = normaliseStrokes(
      [
        [
          [40, 150],
          [260, 150],
        ],
      ],
      300,
      300,
    );
    expect(one[0]!.map(([, y]) => y)).toEqual([500, 500]);
  });

  it('writes one line of integers for zinnia', () => {
    expect(
      toSExpression([
        [
          [1, 2],
          [3, 4],
        ],
        [[5, 6]],
      ]),
    ).toBe('(character (width 1000)(height 1000)(strokes ((1 2)(3 4))((5 6))))');
  });
});

describe('the zinnia process', () => {
  const dir = tempDir();
  /** A stand-in for the zinnia command, to see how the host copes when it misbehaves. */
  const fake = (name: string, script: string) => {
    const path = join(dir.path, name);
    writeFileSync(path, `#!/bin/sh\n${script}\n`);
    chmodSync(path, 0o755);
    return path;
  };
  // Generous: a loaded CI machine may take long to start a shell; only the hanging case waits it out.
  const options = { model: 'm', nbest: 2, timeoutMs: 3000, maxQueue: 2, log: () => {} };
  afterAll(() => dir.remove());

  it('gives up on a process that does not answer, and starts a fresh one for the next character', async () => {
    // Answers every second line only: the first character hangs, the process is replaced.
    const path = fake('slow', 'n=0; while read line; do n=$((n+1)); if [ $((n % 2)) -eq 0 ]; then printf "Answer: \\n大 1\\n太 0.5\\n"; fi; done');
    const z = zinniaProcess({ ...options, command: path, timeoutMs: 400 });
    await expect(z.classify('(a)')).rejects.toBeInstanceOf(RecogniserError);
    await expect(z.classify('(b)')).rejects.toBeInstanceOf(RecogniserError);
    z.close();
  });

  it('reads answers split across writes and survives a process that exits', async () => {
    const path = fake('once', 'read line; printf "Answer: \\n"; sleep 0.05; printf "大 1\\n太"; sleep 0.05; printf " 0.5\\n"; exit 0');
    const z = zinniaProcess({ ...options, command: path });
    expect(await z.classify('(a)')).toEqual(['大', '太']);
    // The first process exited after its answer; the next character gets a new one.
    expect(await z.classify('(b)')).toEqual(['大', '太']);
    z.close();
  });

  it('refuses work beyond its queue at once, and fails what waits when closed', async () => {
    const path = fake('mute', 'while read line; do :; done');
    const z = zinniaProcess({ ...options, command: path, timeoutMs: 5000 });
    const waiting = [z.classify('(1)'), z.classify('(2)'), z.classify('(3)')];
    for (const w of waiting) w.catch(() => undefined);
    await expect(z.classify('(4)')).rejects.toMatchObject({ reason: 'busy' });
    z.close();
    for (const w of waiting) await expect(w).rejects.toMatchObject({ reason: 'failed' });
  });

  it('never writes more than one line per character', async () => {
    const z = zinniaProcess({ ...options, command: fake('cat', 'cat') });
    await expect(z.classify('(a)\n(b)')).rejects.toThrow(/one line/);
    z.close();
  });
});
