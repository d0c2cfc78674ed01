import { describe, expect, it } from 'vitest';
import { Announcer, PlaybackBlocked } from '../../renderer/src/screens/display/voice/announcer.js';
import type { VoiceOutput } from '../../renderer/src/screens/display/voice/announcer.js';
import { announcementPlan } from '../../renderer/src/screens/display/voice/tokens.js';

/** A fake output: each clip "plays" until the test lets it finish, so overlap would be visible. */
function fakeOutput() {
  const started: string[] = [];
  let finish: (() => void) | null = null;
  let blocked = false;
  let playing = 0;
  let maxPlaying = 0;
  const output: VoiceOutput = {
    async playClip(url) {
      if (blocked) throw new PlaybackBlocked();
      started.push(url);
      playing += 1;
      maxPlaying = Math.max(maxPlaying, playing);
      await new Promise<void>((r) => (finish = r));
      playing -= 1;
      return true;
    },
    async speak() {
      return false;
    },
    async unlock() {
      blocked = false;
      return true;
    },
  };
  return {
    output,
    started,
    block: () => (blocked = true),
    maxPlaying: () => maxPlaying,
    /** Let the current clip end, then give the announcer a turn to start the next one. */
    async step() {
      const f = finish;
      finish = null;
      f?.();
      for (let i = 0; i < 5; i++) await Promise.resolve();
    },
    async drain() {
      for (let i = 0; i < 200 && finish; i++) await this.step();
    },
  };
}

const clipUrl = (step: { kind: 'chime' } | { kind: 'clip'; token: string }) => (step.kind === 'chime' ? 'chime' : step.token);
const labels = (a: Announcer) => a.snapshot().played.map((p) => p.label);
const settle = async () => {
  for (let i = 0; i < 5; i++) await Promise.resolve();
};

describe('announcer', () => {
  it('plays two quick calls one after the other, never cutting the first', async () => {
    const fake = fakeOutput();
    const a = new Announcer(fake.output, { clipUrl });
    a.enqueue(announcementPlan({ number: 'A001', windowNumber: 3 }, ['zh-CN']));
    await settle();
    await fake.step(); // the chime of the first call ends
    a.enqueue(announcementPlan({ number: 'B002', windowNumber: 5 }, ['zh-CN']));
    await fake.drain();
    expect(fake.maxPlaying()).toBe(1);
    expect(labels(a)).toEqual([
      'chime',
      '请',
      'A',
      '零',
      '零',
      '一',
      '号',
      '到',
      '三',
      '号',
      '窗口',
      '办理',
      'chime',
      '请',
      'B',
      '零',
      '零',
      '二',
      '号',
      '到',
      '五',
      '号',
      '窗口',
      '办理',
    ]);
    expect(a.snapshot().played.map((p) => p.job)).toEqual([...Array(12).fill(1), ...Array(12).fill(2)]);
    expect(a.snapshot().state).toBe('idle');
  });

  it('logs a token without a clip as missing and goes on', async () => {
    const fake = fakeOutput();
    const a = new Announcer(fake.output, { clipUrl: (s) => (s.kind === 'clip' && s.token === '窗口' ? null : clipUrl(s)) });
    a.enqueue(announcementPlan({ number: 'A001', windowNumber: 3 }, ['zh-CN']));
    await settle();
    await fake.drain();
    expect(a.snapshot().played.find((p) => p.label === '窗口')?.result).toBe('missing');
    expect(labels(a).at(-1)).toBe('办理');
  });

  it('waits for a gesture when playback is blocked, then plays the announcement whole', async () => {
    const fake = fakeOutput();
    fake.block();
    const a = new Announcer(fake.output, { clipUrl });
    a.enqueue(announcementPlan({ number: 'A001', windowNumber: 3 }, ['zh-CN']));
    await settle();
    expect(a.snapshot().state).toBe('blocked');
    expect(a.snapshot().queued).toBe(1);
    await a.unlock();
    await settle();
    await fake.drain();
    expect(labels(a)[0]).toBe('chime');
    expect(labels(a)).toHaveLength(12);
  });

  it('drops announcements that waited too long', async () => {
    let now = 0;
    const fake = fakeOutput();
    fake.block();
    const a = new Announcer(fake.output, { clipUrl, maxAgeMs: 1000, now: () => now });
    a.enqueue(announcementPlan({ number: 'A001', windowNumber: 3 }, ['zh-CN']));
    await settle();
    now = 5000;
    a.enqueue(announcementPlan({ number: 'A002', windowNumber: 3 }, ['zh-CN']));
    await a.unlock();
    await settle();
    await fake.drain();
    expect(labels(a).slice(0, 6)).toEqual(['chime', '请', 'A', '零', '零', '二']);
    expect(labels(a)).toHaveLength(12);
  });

  it('says nothing more once stopped', async () => {
    const fake = fakeOutput();
    const a = new Announcer(fake.output, { clipUrl });
    a.stop();
    expect(a.enqueue(announcementPlan({ number: 'A001', windowNumber: 3 }, ['zh-CN']))).toBe(0);
    await settle();
    expect(fake.started).toEqual([]);
  });
});
