import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseRimeDictionary } from '../../electron/host/ime/pinyin-dictionary.js';
import { splitSyllables } from '../../electron/host/ime/pinyin-syllables.js';
import { startTestHost, type TestHost } from '../support/test-host.js';

// Pinyin candidates come from the host: Debian's rime-data-pinyin-simp for how often each
// character is written (scripts/test-prerequisites.sh installs it) and pinyin-pro for every
// character's readings, so that rare name characters are reachable too.
interface Answer {
  syllables: string[];
  candidates: { text: string; letters: number }[];
  more: boolean;
}

describe('POST /api/ime/pinyin', () => {
  let t: TestHost;
  let kiosk: string;
  const logs: string[] = [];
  const ask = async (body: unknown, token = kiosk) => t.request('/api/ime/pinyin', { method: 'POST', token, body });
  const texts = async (letters: string, context: string, limit = 10) => {
    const res = await ask({ letters, context, limit });
    expect(res.status).toBe(200);
    return (res.body as Answer).candidates.map((c) => c.text);
  };

  beforeAll(async () => {
    t = await startTestHost({ log: (l) => logs.push(l) });
    kiosk = await t.pair('kiosk');
  });
  afterAll(() => t.stop());

  it('offers the common surnames first for a surname', async () => {
    expect((await texts('li', 'surname'))[0]).toBe('李');
    expect((await texts('wang', 'surname'))[0]).toBe('王');
    expect((await texts('zhang', 'surname'))[0]).toBe('张');
    // Surnames read otherwise than the character usually is: 单 SHAN, 区 OU.
    expect((await texts('shan', 'surname'))[0]).toBe('单');
    expect(await texts('ou', 'surname')).toContain('区');
    // Two syllables: the compound surname, standing for all the letters.
    const res = await ask({ letters: 'ouyang', context: 'surname' });
    expect((res.body as Answer).candidates[0]).toEqual({ text: '欧阳', letters: 6 });
    expect((res.body as Answer).candidates[1]).toEqual({ text: '区', letters: 2 });
  });

  it('ranks the characters of given names before those of running text, rare name characters included', async () => {
    const name = await texts('wei', 'givenName');
    const text = await texts('wei', 'text');
    expect(name[0]).toBe('伟');
    expect(name.indexOf('薇')).toBeLessThan(name.indexOf('为'));
    expect(text[0]).toBe('为');
    expect(await texts('kun', 'givenName')).toContain('堃');
    expect(await texts('zhe', 'givenName')).toContain('喆');
    expect(await texts('yue', 'givenName')).toContain('玥');
  });

  it('finds a rare character the frequency dictionary lacks, by its reading, on a later page', async () => {
    // 祎 (yi) is not in pinyin_simp: pinyin-pro's readings add it. Page through as the kiosk does.
    let offset = 0;
    const seen: string[] = [];
    for (;;) {
      const res = await ask({ letters: 'yi', context: 'text', offset, limit: 30 });
      const a = res.body as Answer;
      seen.push(...a.candidates.map((c) => c.text));
      if (!a.more || seen.includes('祎')) break;
      offset += 30;
    }
    expect(seen).toContain('祎');
    expect(new Set(seen).size).toBe(seen.length);
  });

  it('offers whole words for running text, then the first syllable alone', async () => {
    const res = await ask({ letters: 'huhehaote', context: 'text' });
    const a = res.body as Answer;
    expect(a.syllables).toEqual(['hu', 'he', 'hao', 'te']);
    expect(a.candidates[0]).toEqual({ text: '呼和浩特', letters: 9 });
    expect(a.candidates.find((c) => c.text === '呼')).toEqual({ text: '呼', letters: 2 });
    expect((await texts('neimenggu', 'text'))[0]).toBe('内蒙古');
  });

  it('shows candidates while a syllable is still being typed, and pages', async () => {
    const res = await ask({ letters: 'zh', context: 'text', limit: 8 });
    const a = res.body as Answer;
    expect(a.syllables).toEqual(['zh']);
    expect(a.candidates).toHaveLength(8);
    expect(a.candidates.every((c) => c.letters === 2)).toBe(true);
    expect(a.more).toBe(true);
    const next = (await ask({ letters: 'zh', context: 'text', offset: 8, limit: 8 })).body as Answer;
    expect(next.candidates.map((c) => c.text)).not.toContain(a.candidates[0]!.text);
  });

  it('answers letters that are no pinyin with no candidates', async () => {
    const a = (await ask({ letters: 'vvvq' })).body as Answer;
    expect(a).toEqual({ syllables: [], candidates: [], more: false });
    expect(((await ask({ letters: 'lve' })).body as Answer).candidates[0]?.text).toBe('略');
    expect(((await ask({ letters: 'lue' })).body as Answer).candidates[0]?.text).toBe('略');
  });

  it.each([
    ['upper case', { letters: 'LI' }],
    ['digits', { letters: 'li3' }],
    ['a space', { letters: 'li bai' }],
    ['Chinese', { letters: '李' }],
    ['nothing', { letters: '' }],
    ['31 letters', { letters: 'a'.repeat(31) }],
    ['an unknown context', { letters: 'li', context: 'address' }],
    ['a limit over 30', { letters: 'li', limit: 31 }],
    ['a negative offset', { letters: 'li', offset: -1 }],
    ['an unknown field', { letters: 'li', name: '李' }],
  ])('refuses %s with 400', async (_what, body) => {
    const res = await ask(body);
    expect(res.status).toBe(400);
    expect((res.body as { error: { code: string } }).error.code).toBe('bad_request');
  });

  it('serves the booth and the counter screen, and no clerk or unpaired caller', async () => {
    expect((await ask({ letters: 'li' }, await t.pair('booth'))).status).toBe(200);
    expect((await ask({ letters: 'li' }, await t.pair('display'))).status).toBe(200);
    expect((await ask({ letters: 'li' }, await t.pair('clerk'))).status).toBe(403);
    expect((await t.request('/api/ime/pinyin', { method: 'POST', body: { letters: 'li' } })).status).toBe(401);
  });

  it('logs nothing of what was typed', async () => {
    await ask({ letters: 'zhangsanfeng', context: 'givenName' });
    expect(logs.join('\n')).not.toMatch(/zhangsanfeng|张/);
  });
});

describe('a host without the frequency dictionary', () => {
  let t: TestHost;
  beforeAll(async () => {
    t = await startTestHost({ ime: { pinyinDictionary: '/nonexistent/pinyin_simp.dict.yaml' } });
  });
  afterAll(() => t.stop());

  it('still offers candidates from pinyin-pro, surnames and name characters first', async () => {
    const kiosk = await t.pair('kiosk');
    const ask = async (letters: string, context: string) =>
      ((await t.request('/api/ime/pinyin', { method: 'POST', token: kiosk, body: { letters, context } })).body as Answer).candidates.map((c) => c.text);
    expect((await ask('li', 'surname'))[0]).toBe('李');
    expect(await ask('kun', 'givenName')).toContain('堃');
    expect((await ask('zhong', 'text')).slice(0, 10)).toContain('中');
  });
});

describe('splitSyllables', () => {
  it.each([
    ['zhang', ['zhang']],
    ['zhangwei', ['zhang', 'wei']],
    ['xian', ['xian']],
    ['fangan', ['fang', 'an']],
    ['huhehaote', ['hu', 'he', 'hao', 'te']],
    ['lue', ['lve']],
    ['zh', ['zh']],
    ['zhangw', ['zhang', 'w']],
  ])('%s → %j', (input, expected) => {
    expect(splitSyllables(input)?.map((s) => s.text)).toEqual(expected);
  });

  it('marks an unfinished last syllable, and counts the letters each stands for', () => {
    expect(splitSyllables('lizh')).toEqual([
      { text: 'li', letters: 2, complete: true },
      { text: 'zh', letters: 2, complete: false },
    ]);
  });

  it.each(['', 'v', 'q', 'zzz', 'lix'])('%j is no pinyin (or only a start)', (input) => {
    const s = splitSyllables(input);
    if (s) expect(s.some((x) => !x.complete)).toBe(true);
    else expect(s).toBeNull();
  });
});

describe('parseRimeDictionary', () => {
  it('reads characters and words with their weights after the header, skipping what does not fit', () => {
    const { chars, phrases } = parseRimeDictionary(
      ['---', 'name: t', '...', '', '李\tli\t100', '里\tli\t200', '呼和浩特\thu he hao te\t50', '坏\tnotpinyin\t9', '两字\tliang\t3', '# comment'].join('\n'),
    );
    expect([...(chars.get('li') ?? [])]).toEqual([
      ['李', 100],
      ['里', 200],
    ]);
    expect(phrases.get('hu he hao te')).toEqual([{ text: '呼和浩特', weight: 50 }]);
    expect(phrases.size).toBe(1);
  });
});
