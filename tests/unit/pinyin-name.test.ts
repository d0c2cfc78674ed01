import { describe, expect, it } from 'vitest';
import { proposePinyinName } from '../../electron/domain/identity/pinyin-name.js';

describe('pinyin name proposal (passport style)', () => {
  it.each([
    ['张三丰', 'ZHANG', 'SANFENG'],
    ['单雄信', 'SHAN', 'XIONGXIN'],
    ['曾国藩', 'ZENG', 'GUOFAN'],
    ['欧阳修', 'OUYANG', 'XIU'],
    ['吕布', 'LYU', 'BU'],
    ['吕绿', 'LYU', 'LYU'],
    ['区家明', 'OU', 'JIAMING'],
    ['仇英', 'QIU', 'YING'],
    ['解缙', 'XIE', 'JIN'],
    ['查良镛', 'ZHA', 'LIANGYONG'],
    ['朴树', 'PIAO', 'SHU'],
    ['尉迟恭', 'YUCHI', 'GONG'],
    ['万俟卨', 'MOQI', 'XIE'],
    ['诸葛亮', 'ZHUGE', 'LIANG'],
    ['司马光', 'SIMA', 'GUANG'],
    ['长孙无忌', 'ZHANGSUN', 'WUJI'],
    ['盖聂', 'GE', 'NIE'],
    ['乐毅', 'YUE', 'YI'],
    ['女娲', 'NYU', 'WA'],
    ['王重阳', 'WANG', 'CHONGYANG'],
    ['李 白', 'LI', 'BAI'],
  ])('%s → %s / %s', (name, surname, givenName) => {
    const p = proposePinyinName(name);
    expect(p).not.toBeNull();
    expect({ surname: p?.surname, givenName: p?.givenName }).toEqual({ surname, givenName });
  });

  it('splits off the Han surname it read', () => {
    expect(proposePinyinName('欧阳修')).toMatchObject({ surnameHan: '欧阳', givenNameHan: '修' });
    expect(proposePinyinName('单雄信')).toMatchObject({ surnameHan: '单', givenNameHan: '雄信' });
  });

  it('a single character that is a compound surname’s start is not split as a compound', () => {
    expect(proposePinyinName('欧阳')).toMatchObject({ surname: 'OU', givenName: 'YANG' });
  });

  it('a name with a middle dot proposes its first part as the surname', () => {
    const p = proposePinyinName('阿依古丽·买买提');
    expect(p?.surname).toBe('AYIGULI');
    expect(p?.givenName).toBe('MAIMAITI');
  });

  it('returns null where there is nothing to read', () => {
    expect(proposePinyinName('')).toBeNull();
    expect(proposePinyinName('JOHN SMITH')).toBeNull();
  });

  it('only ever proposes letters A–Z', () => {
    for (const name of ['吕雪', '女儿', '绿略', '曾经', '单单']) {
      const p = proposePinyinName(name);
      expect(p?.surname).toMatch(/^[A-Z]+$/);
      expect(p?.givenName).toMatch(/^[A-Z]*$/);
    }
  });
});
