import { describe, expect, it } from 'vitest';
import {
  announcementPlan,
  callTokens,
  enCardinal,
  preferSpeech,
  spellTicket,
  stepLabel,
  ZH_DIGITS,
  zhCardinal,
} from '../../renderer/src/screens/display/voice/tokens.js';

const labels = (plan: ReturnType<typeof announcementPlan>) => plan.map(stepLabel);

describe('voice token sequence', () => {
  it('reads A001 at window 3 the way halls do', () => {
    expect(labels(announcementPlan({ number: 'A001', windowNumber: 3 }, ['zh-CN']))).toEqual([
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
    ]);
  });

  it('reads ticket digits one by one, never as a number', () => {
    expect(spellTicket('B120', ZH_DIGITS)).toEqual(['B', '一', '二', '零']);
    expect(callTokens({ number: 'B120', windowNumber: 1 }, 'zh-CN')).toEqual(['请', 'B', '一', '二', '零', '号', '到', '一', '号', '窗口', '办理']);
    expect(spellTicket('c-0009', ZH_DIGITS)).toEqual(['C', '零', '零', '零', '九']);
  });

  it('reads window numbers as Chinese numerals', () => {
    expect(zhCardinal(3)).toEqual(['三']);
    expect(zhCardinal(10)).toEqual(['十']);
    expect(zhCardinal(12)).toEqual(['十', '二']);
    expect(zhCardinal(20)).toEqual(['二', '十']);
    expect(zhCardinal(45)).toEqual(['四', '十', '五']);
    expect(zhCardinal(100)).toEqual(['一', '百']);
    expect(zhCardinal(105)).toEqual(['一', '百', '零', '五']);
    expect(zhCardinal(110)).toEqual(['一', '百', '一', '十']);
    expect(zhCardinal(118)).toEqual(['一', '百', '一', '十', '八']);
    expect(zhCardinal(999)).toEqual(['九', '百', '九', '十', '九']);
    expect(zhCardinal(1203)).toEqual(['一', '二', '零', '三']);
  });

  it('builds the English sentence', () => {
    expect(callTokens({ number: 'A001', windowNumber: 3 }, 'en')).toEqual(['Number', 'A', 'zero', 'zero', 'one', 'please go to window', 'three']);
    expect(enCardinal(12)).toEqual(['twelve']);
    expect(enCardinal(40)).toEqual(['forty']);
    expect(enCardinal(45)).toEqual(['forty', 'five']);
    expect(enCardinal(105)).toEqual(['one', 'hundred', 'five']);
    expect(enCardinal(310)).toEqual(['three', 'hundred', 'ten']);
  });

  it('announces in the hall languages in order, after one chime', () => {
    const plan = labels(announcementPlan({ number: 'C007', windowNumber: 2 }, ['zh-CN', 'en']));
    expect(plan[0]).toBe('chime');
    expect(plan.filter((l) => l === 'chime')).toHaveLength(1);
    expect(plan.slice(1, 12)).toEqual(['请', 'C', '零', '零', '七', '号', '到', '二', '号', '窗口', '办理']);
    expect(plan.slice(12)).toEqual(['Number', 'C', 'zero', 'zero', 'seven', 'please go to window', 'two']);
    // English first when the hall orders it so; duplicates are said once.
    expect(labels(announcementPlan({ number: 'C007', windowNumber: 2 }, ['en', 'zh-CN', 'en']))[1]).toBe('Number');
    // No languages at all still announces in Chinese: a silent hall is a mistake, not a choice.
    expect(labels(announcementPlan({ number: 'A001', windowNumber: 1 }, []))[1]).toBe('请');
  });

  it('marks a recall in words', () => {
    expect(callTokens({ number: 'A001', windowNumber: 3 }, 'zh-CN', true).slice(0, 2)).toEqual(['再次呼叫', '请']);
    expect(callTokens({ number: 'A001', windowNumber: 3 }, 'en', true).slice(0, 2)).toEqual(['calling again', 'Number']);
  });

  it('sends Mongolian to the platform speech engine as one sentence', () => {
    const plan = announcementPlan({ number: 'A001', windowNumber: 3 }, ['zh-CN', 'mn']);
    const last = plan[plan.length - 1];
    expect(last?.kind).toBe('speech');
    expect(last?.kind === 'speech' ? last.text : '').toContain('A 0 0 1');
  });

  it("turns a language's clips into one sentence for a platform voice", () => {
    const plan = preferSpeech(announcementPlan({ number: 'A001', windowNumber: 3 }, ['zh-CN', 'en']), new Set(['zh-CN'] as const));
    expect(plan.map((s) => s.kind)).toEqual(['chime', 'speech', 'clip', 'clip', 'clip', 'clip', 'clip', 'clip', 'clip']);
    expect(plan[1]?.kind === 'speech' ? plan[1].text : '').toBe('请 A 零 零 一 号 到 三 号 窗口 办理');
  });
});
