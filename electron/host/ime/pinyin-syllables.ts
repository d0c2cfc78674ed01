/**
 * The syllables of Mandarin as typed on a keyboard (no tones, ü as v): what letters typed on the
 * kiosk's keys are split into. The interjections m, n, ng and hm are left out: they would split
 * ordinary input such as "ang" wrongly and no name or address needs them.
 */
const SYLLABLES = `a ai an ang ao ba bai ban bang bao bei ben beng bi bian biao bie bin bing bo bu ca cai can cang cao ce cen ceng
cha chai chan chang chao che chen cheng chi chong chou chu chua chuai chuan chuang chui chun chuo ci cong cou cu cuan cui cun cuo
da dai dan dang dao de dei den deng di dia dian diao die ding diu dong dou du duan dui dun duo e ei en eng er fa fan fang fei fen
feng fiao fo fou fu ga gai gan gang gao ge gei gen geng gong gou gu gua guai guan guang gui gun guo ha hai han hang hao he hei hen
heng hong hou hu hua huai huan huang hui hun huo ji jia jian jiang jiao jie jin jing jiong jiu ju juan jue jun ka kai kan kang kao
ke kei ken keng kong kou ku kua kuai kuan kuang kui kun kuo la lai lan lang lao le lei leng li lia lian liang liao lie lin ling liu
lo long lou lu luan lun luo lv lve ma mai man mang mao me mei men meng mi mian miao mie min ming miu mo mou mu na nai nan nang nao
ne nei nen neng ni nian niang niao nie nin ning niu nong nou nu nuan nuo nv nve o ou pa pai pan pang pao pei pen peng pi pian piao
pie pin ping po pou pu qi qia qian qiang qiao qie qin qing qiong qiu qu quan que qun ran rang rao re ren reng ri rong rou ru ruan
rui run ruo sa sai san sang sao se sen seng sha shai shan shang shao she shei shen sheng shi shou shu shua shuai shuan shuang shui
shun shuo si song sou su suan sui sun suo ta tai tan tang tao te tei teng ti tian tiao tie ting tong tou tu tuan tui tun tuo wa
wai wan wang wei wen weng wo wu xi xia xian xiang xiao xie xin xing xiong xiu xu xuan xue xun ya yan yang yao ye yi yin ying yo
yong you yu yuan yue yun za zai zan zang zao ze zei zen zeng zha zhai zhan zhang zhao zhe zhei zhen zheng zhi zhong zhou zhu zhua
zhuai zhuan zhuang zhui zhun zhuo zi zong zou zu zuan zui zun zuo`.split(/\s+/);

export const SYLLABLE_SET: ReadonlySet<string> = new Set(SYLLABLES);

/** lüe and nüe are written lue and nue too (the ü after l and n is often typed as u); one spelling. */
const ALIASES: Readonly<Record<string, string>> = { lue: 'lve', nue: 'nve' };

/** A dictionary's or pinyin-pro's reading in the spelling used here (ü → v, lue → lve). */
export function canonicalSyllable(reading: string): string {
  const s = reading.toLowerCase().replace(/ü/g, 'v');
  return ALIASES[s] ?? s;
}

export interface Syllable {
  /** The syllable as read (canonical spelling); for an unfinished one, what was typed so far. */
  text: string;
  /** Letters of the input it stands for. */
  letters: number;
  /** False for the last one when it is only the start of a syllable (zh, xia…). */
  complete: boolean;
}

const MAX_SYLLABLE = 6; // chuang, shuang, zhuang

function isPrefixOfSome(s: string): boolean {
  for (const syl of SYLLABLES) if (syl.startsWith(s)) return true;
  return false;
}

/**
 * Splits typed letters into syllables, longest first (xian → xian, not xi an), backing off where
 * the longest leaves letters that cannot go on (fangan → fang an). The last syllable may be
 * unfinished (zh, xia…). Null when the letters cannot be pinyin.
 */
export function splitSyllables(input: string): Syllable[] | null {
  const parts = input === '' ? null : splitChunk(input, true);
  return parts && parts.length > 0 ? parts : null;
}

function splitChunk(chunk: string, mayEndUnfinished: boolean): Syllable[] | null {
  const memo = new Map<number, Syllable[] | null>();
  const from = (i: number): Syllable[] | null => {
    if (i === chunk.length) return [];
    const known = memo.get(i);
    if (known !== undefined) return known;
    let found: Syllable[] | null = null;
    for (let len = Math.min(MAX_SYLLABLE, chunk.length - i); len >= 1 && !found; len--) {
      const s = chunk.slice(i, i + len);
      const canonical = ALIASES[s] ?? s;
      if (!SYLLABLE_SET.has(canonical)) continue;
      const rest = from(i + len);
      if (rest) found = [{ text: canonical, letters: len, complete: true }, ...rest];
    }
    if (!found && mayEndUnfinished && chunk.length - i <= MAX_SYLLABLE && isPrefixOfSome(chunk.slice(i))) {
      found = [{ text: chunk.slice(i), letters: chunk.length - i, complete: false }];
    }
    memo.set(i, found);
    return found;
  };
  return from(0);
}

/** The complete syllables an unfinished one may become (zh → zha, zhai … zhuo). */
export function completions(prefix: string): string[] {
  return SYLLABLES.filter((s) => s.startsWith(prefix));
}
