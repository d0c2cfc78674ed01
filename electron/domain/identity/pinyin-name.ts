import { pinyin } from 'pinyin-pro';

/**
 * Proposes the name in pinyin for an exit-entry document, passport style: SURNAME and GIVEN NAME
 * in upper case without tones or spaces (张三丰 → ZHANG / SANFENG). Surnames read differently from
 * the same character elsewhere (单 SHAN, not DAN; 曾 ZENG, not CENG), so the surname is split off
 * first (compound surnames such as 欧阳, 尉迟, 万俟 included) and read from its own table before
 * the library reads the given name as a phrase. ü is written YU (吕 → LYU), as the passport
 * standard does. It is only a proposal: the kiosk lets the citizen correct it.
 */

export interface PinyinNameProposal {
  surname: string;
  givenName: string;
  /** The Chinese surname split off (one or two characters). */
  surnameHan: string;
  givenNameHan: string;
}

/** Two-character surnames, longest match first; a name starting with one of these splits after it. */
export const COMPOUND_SURNAMES: readonly string[] = [
  '欧阳',
  '司马',
  '诸葛',
  '上官',
  '东方',
  '皇甫',
  '尉迟',
  '万俟',
  '长孙',
  '慕容',
  '令狐',
  '夏侯',
  '公孙',
  '宇文',
  '轩辕',
  '端木',
  '西门',
  '南宫',
  '独孤',
  '司徒',
  '司空',
  '呼延',
  '澹台',
  '公冶',
  '太史',
  '申屠',
  '闻人',
  '赫连',
  '拓跋',
  '钟离',
  '濮阳',
  '淳于',
  '单于',
  '百里',
  '东郭',
  '左丘',
  '第五',
  '乐正',
  '漆雕',
  '公良',
  '梁丘',
  '谷梁',
  '段干',
  '巫马',
  '公西',
  '壤驷',
  '司寇',
  '亓官',
];

/** Surname readings that differ from the character's most common reading. */
export const SURNAME_READINGS: Readonly<Record<string, string>> = {
  单: 'SHAN',
  曾: 'ZENG',
  区: 'OU',
  仇: 'QIU',
  解: 'XIE',
  查: 'ZHA',
  朴: 'PIAO',
  盖: 'GE',
  乐: 'YUE',
  缪: 'MIAO',
  覃: 'QIN',
  种: 'CHONG',
  召: 'SHAO',
  折: 'SHE',
  员: 'YUN',
  繁: 'PO',
  秘: 'BI',
  句: 'GOU',
  翟: 'ZHAI',
  隗: 'WEI',
  尉: 'WEI',
  宿: 'SU',
  燕: 'YAN',
  纪: 'JI',
  华: 'HUA',
  任: 'REN',
  薄: 'BO',
  长: 'CHANG',
  重: 'CHONG',
  黑: 'HE',
  尉迟: 'YUCHI',
  万俟: 'MOQI',
  单于: 'CHANYU',
  长孙: 'ZHANGSUN',
  澹台: 'TANTAI',
  令狐: 'LINGHU',
  亓官: 'QIGUAN',
};

const HAN = /\p{Script=Han}/u;

/** One syllable in passport form: tone marks off, ü as YU, upper case. */
function passportSyllable(s: string): string {
  return s
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/v/g, 'yu')
    .toUpperCase()
    .replace(/[^A-Z]/g, '');
}

/** Reads Han characters as one phrase (so the library picks readings by context); keeps Latin. */
function readPhrase(han: string): string {
  if (han === '') return '';
  const syllables = pinyin(han, { toneType: 'none', type: 'array', v: true, nonZh: 'consecutive' });
  return syllables.map(passportSyllable).join('');
}

function readSurname(han: string): string {
  const known = SURNAME_READINGS[han];
  if (known) return known;
  const syllables = pinyin(han, { mode: 'surname', toneType: 'none', type: 'array', v: true });
  return syllables.map(passportSyllable).join('');
}

/**
 * The proposal for a Chinese name as on the ID card; null when the name has no Han characters to
 * read (a name already in Latin letters, or empty). Names with a middle dot (e.g. transliterated
 * names of some ethnic groups) have no Han surname: their first part is proposed as the surname.
 */
export function proposePinyinName(name: string): PinyinNameProposal | null {
  const clean = name.replace(/\s+/g, '');
  if (!HAN.test(clean)) return null;
  if (/[·•・.]/.test(clean)) {
    const [first = '', ...rest] = clean.split(/[·•・.]/).filter((p) => p !== '');
    return { surname: readPhrase(first), givenName: rest.map(readPhrase).join(''), surnameHan: first, givenNameHan: rest.join('·') };
  }
  const compound = COMPOUND_SURNAMES.find((s) => clean.startsWith(s) && clean.length > s.length);
  const surnameHan = compound ?? [...clean][0] ?? '';
  const givenNameHan = clean.slice(surnameHan.length);
  return { surname: readSurname(surnameHan), givenName: readPhrase(givenNameHan), surnameHan, givenNameHan };
}
