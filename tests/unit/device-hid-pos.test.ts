import { describe, expect, it } from 'vitest';
import { createHidPosAssembler, encodeHidPosReports, HidPosError } from '../../electron/domain/devices/hid-pos.js';
import { findWedgeScans, type KeyStroke } from '../../electron/domain/devices/wedge.js';

describe('HID POS reports', () => {
  it('reads a short code from one report', () => {
    const a = createHidPosAssembler();
    const [report] = encodeHidPosReports('YZ-APPT-000123', ']Q1');
    expect(report![0]).toBe(0x02);
    expect(report![1]).toBe(14);
    expect(String.fromCharCode(report![2]!, report![3]!, report![4]!)).toBe(']Q1');
    expect(a.push(report!)).toEqual({ kind: 'scan', scan: { text: 'YZ-APPT-000123', symbology: ']Q1' } });
  });

  it('joins a long code that spans several reports, UTF-8 included', () => {
    const text = `预约码:${'0123456789'.repeat(20)}`;
    const reports = encodeHidPosReports(text);
    expect(reports.length).toBeGreaterThan(3);
    const a = createHidPosAssembler();
    const items = reports.map((r) => a.push(r));
    expect(items.slice(0, -1).every((i) => i.kind === 'partial')).toBe(true);
    expect(items.at(-1)).toEqual({ kind: 'scan', scan: { text, symbology: ']Q1' } });
  });

  it('refuses malformed reports with typed errors and recovers', () => {
    const a = createHidPosAssembler();
    const good = encodeHidPosReports('ABCDEF')[0]!;
    const bad = (mutate: (r: Uint8Array) => void) => {
      const r = good.slice();
      mutate(r);
      const item = a.push(r);
      expect(item.kind).toBe('error');
      return item.kind === 'error' ? (item.error as HidPosError).code : null;
    };
    expect(bad((r) => (r[0] = 0x01))).toBe('bad_report_id');
    expect(bad((r) => (r[1] = 0))).toBe('bad_length');
    expect(bad((r) => (r[1] = 57))).toBe('bad_length');
    expect(bad((r) => (r[2] = 0x41))).toBe('bad_symbology');
    expect(bad((r) => r.set([0xff, 0xfe], 5))).toBe('bad_text');
    expect(a.push(new Uint8Array(3))).toMatchObject({ kind: 'error', error: { code: 'bad_report_size' } });
    const endless = good.slice();
    endless[63] = 1;
    const items = Array.from({ length: 17 }, () => a.push(endless));
    expect(items.at(-1)).toMatchObject({ kind: 'error', error: { code: 'too_long' } });
    expect(a.push(good)).toMatchObject({ kind: 'scan', scan: { text: 'ABCDEF' } });
  });
});

describe('keyboard-wedge timing', () => {
  const typed = (text: string, gapMs: number, start = 1000): KeyStroke[] => [
    ...Array.from(text, (key, i) => ({ key, time: start + i * gapMs })),
    { key: 'Enter', time: start + text.length * gapMs },
  ];

  it('takes fast keys ending in Enter as a scan', () => {
    expect(findWedgeScans(typed('YZ2026112400017', 8))).toEqual(['YZ2026112400017']);
  });

  it('leaves a person typing alone, even a long code', () => {
    expect(findWedgeScans(typed('YZ2026112400017', 180))).toEqual([]);
  });

  it('ignores modifiers within a scan and refuses short bursts', () => {
    const strokes: KeyStroke[] = [{ key: 'Shift', time: 0 }, ...typed('ABCDEFG', 5, 1)];
    expect(findWedgeScans(strokes)).toEqual(['ABCDEFG']);
    expect(findWedgeScans(typed('ABC', 5))).toEqual([]);
  });

  it('keeps only the fast tail when a person typed first', () => {
    const slow = typed('hello', 200).slice(0, -1);
    const fast = typed('1234567890', 6, 5000);
    expect(findWedgeScans([...slow, ...fast])).toEqual(['1234567890']);
  });
});
