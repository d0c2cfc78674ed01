/**
 * GB 3304-1991 nationality codes as a resident card stores them ("01" … "56", "97", "98"). The
 * Chinese name is what the card prints; screens show the translation `device.nation.<code>`.
 */
export const NATIONS: Readonly<Record<string, { zh: string; en: string }>> = {
  '01': { zh: '汉', en: 'Han' },
  '02': { zh: '蒙古', en: 'Mongol' },
  '03': { zh: '回', en: 'Hui' },
  '04': { zh: '藏', en: 'Tibetan' },
  '05': { zh: '维吾尔', en: 'Uyghur' },
  '06': { zh: '苗', en: 'Miao' },
  '07': { zh: '彝', en: 'Yi' },
  '08': { zh: '壮', en: 'Zhuang' },
  '09': { zh: '布依', en: 'Buyei' },
  '10': { zh: '朝鲜', en: 'Korean' },
  '11': { zh: '满', en: 'Manchu' },
  '12': { zh: '侗', en: 'Dong' },
  '13': { zh: '瑶', en: 'Yao' },
  '14': { zh: '白', en: 'Bai' },
  '15': { zh: '土家', en: 'Tujia' },
  '16': { zh: '哈尼', en: 'Hani' },
  '17': { zh: '哈萨克', en: 'Kazakh' },
  '18': { zh: '傣', en: 'Dai' },
  '19': { zh: '黎', en: 'Li' },
  '20': { zh: '傈僳', en: 'Lisu' },
  '21': { zh: '佤', en: 'Va' },
  '22': { zh: '畲', en: 'She' },
  '23': { zh: '高山', en: 'Gaoshan' },
  '24': { zh: '拉祜', en: 'Lahu' },
  '25': { zh: '水', en: 'Shui' },
  '26': { zh: '东乡', en: 'Dongxiang' },
  '27': { zh: '纳西', en: 'Nakhi' },
  '28': { zh: '景颇', en: 'Jingpo' },
  '29': { zh: '柯尔克孜', en: 'Kyrgyz' },
  '30': { zh: '土', en: 'Monguor' },
  '31': { zh: '达斡尔', en: 'Daur' },
  '32': { zh: '仫佬', en: 'Mulao' },
  '33': { zh: '羌', en: 'Qiang' },
  '34': { zh: '布朗', en: 'Blang' },
  '35': { zh: '撒拉', en: 'Salar' },
  '36': { zh: '毛南', en: 'Maonan' },
  '37': { zh: '仡佬', en: 'Gelao' },
  '38': { zh: '锡伯', en: 'Xibe' },
  '39': { zh: '阿昌', en: 'Achang' },
  '40': { zh: '普米', en: 'Pumi' },
  '41': { zh: '塔吉克', en: 'Tajik' },
  '42': { zh: '怒', en: 'Nu' },
  '43': { zh: '乌孜别克', en: 'Uzbek' },
  '44': { zh: '俄罗斯', en: 'Russian' },
  '45': { zh: '鄂温克', en: 'Evenki' },
  '46': { zh: '德昂', en: "De'ang" },
  '47': { zh: '保安', en: 'Bonan' },
  '48': { zh: '裕固', en: 'Yugur' },
  '49': { zh: '京', en: 'Gin' },
  '50': { zh: '塔塔尔', en: 'Tatar' },
  '51': { zh: '独龙', en: 'Derung' },
  '52': { zh: '鄂伦春', en: 'Oroqen' },
  '53': { zh: '赫哲', en: 'Hezhen' },
  '54': { zh: '门巴', en: 'Monpa' },
  '55': { zh: '珞巴', en: 'Lhoba' },
  '56': { zh: '基诺', en: 'Jino' },
  '97': { zh: '其他', en: 'Other' },
  '98': { zh: '外国血统中国籍人士', en: 'Chinese citizen of foreign origin' },
};

export function isNationCode(code: string): boolean {
  return Object.hasOwn(NATIONS, code);
}

/** Gender codes of GB/T 2261.1 as the card stores them. */
export const GENDERS = { '0': 'unknown', '1': 'male', '2': 'female', '9': 'unstated' } as const;
export type Gender = (typeof GENDERS)[keyof typeof GENDERS];

export function genderFor(code: string): Gender | null {
  return (GENDERS as Record<string, Gender>)[code] ?? null;
}
