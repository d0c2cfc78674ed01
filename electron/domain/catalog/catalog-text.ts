import type { Field, Material, Text } from './catalog-schema.js';

/**
 * Building blocks shared by the catalog's service files: texts in the three languages, the
 * materials and form fields several services ask for. Kept in one place so that one correction
 * (say, by the native speaker who reviews the Mongolian) fixes every service at once.
 *
 * MONGOLIAN: drafted in traditional script by the development team, NOT yet reviewed by a native
 * speaker; the catalog says so in `needsReview`. U+202F (narrow no-break space) joins case suffixes.
 */
export function t(zh: string, mn: string, en: string): Text {
  return { 'zh-CN': zh, mn, en };
}

const NB = '\u202F';

// Recurring Mongolian words, spelt once.
export const MN = {
  idCard: `ᠢᠷᠭᠡᠨ${NB}ᠦ ᠦᠨᠡᠮᠯᠡᠯ`,
  photo: 'ᠵᠢᠷᠤᠭ',
  hukou: `ᠥᠷᠬᠡ${NB}ᠶᠢᠨ ᠳᠠᠩᠰᠠ`,
  certificate: 'ᠭᠡᠷᠡᠴᠢᠯᠡᠭᠡ',
  licence: `ᠵᠣᠯᠣᠭᠠᠴᠢ${NB}ᠶᠢᠨ ᠦᠨᠡᠮᠯᠡᠯ`,
  vehicle: 'ᠮᠠᠱᠢᠨ',
  passport: 'ᠫᠠᠰᠫᠣᠷᠲ',
  workingDays: `ᠠᠵᠢᠯ${NB}ᠤᠨ ᠡᠳᠦᠷ`,
  free: 'ᠦᠨᠡ ᠦᠭᠡᠢ',
  yuan: 'ᠶᠤᠸᠠᠨ',
  onTheSpot: 'ᠲᠡᠨᠳᠡ ᠨᠢ ᠳᠠᠷᠤᠢ',
  notice: `ᠡᠨᠡ ᠦᠢᠯᠡᠴᠢᠯᠡᠭᠡ${NB}ᠳᠦ ᠬᠡᠷᠡᠭᠰᠡᠬᠦ ᠮᠠᠲ᠋ᠸᠷᠢᠶᠠᠯ${NB}ᠢ ᠨᠢᠭᠡ ᠤᠳᠠᠭ\u180Eᠠ ᠳᠠᠭᠠᠨ ᠮᠡᠳᠡᠭᠳᠡᠪᠡ`,
} as const;

export const FREE = t('免费', MN.free, 'Free of charge');

export function feeNote(zh: string, yuan: number, en: string): Text {
  return t(zh, `${yuan} ${MN.yuan}`, en);
}

/** A fee with its amount written once: fee(20, '工本费', 'Card fee') notes 工本费 20 元 / Card fee 20 yuan. */
export function fee(yuan: number, zh: string, en: string): { yuan: number; note: Text } {
  return { yuan, note: feeNote(`${zh} ${yuan} 元`, yuan, `${en} ${yuan} yuan`) };
}

export const NO_FEE = { yuan: 0, note: FREE };

/** Answers several questions offer. */
export const OPTION = {
  male: t('男', 'ᠡᠷᠡ', 'Male'),
  female: t('女', 'ᠡᠮᠡ', 'Female'),
  lost: t('遗失', 'ᠭᠡᠭᠡᠭᠳᠡᠭᠰᠡᠨ', 'Lost'),
  other: t('其他', 'ᠪᠤᠰᠤᠳ', 'Other'),
} as const;

/** A required choice: each option's value and its text, in the order shown. */
export function choice(key: string, label: Text, options: Readonly<Record<string, Text>>): Field {
  return { key, type: 'select', label, required: true, options: Object.entries(options).map(([value, text]) => ({ value, label: text })) };
}

// ── Materials ────────────────────────────────────────────────────────────────────────────────
export const M = {
  idCard: { code: 'id_card', name: t('本人居民身份证', MN.idCard, 'Your resident ID card'), requirement: 'mandatory' },
  photoReceipt: {
    code: 'photo_receipt',
    name: t('照相回执（可现场采集）', `${MN.photo}${NB}ᠤᠨ ᠪᠠᠷᠢᠮᠲᠠ`, 'Photo receipt (a photo can be taken on site)'),
    requirement: 'deferrable',
    supplyWithinDays: 5,
  },
  hukou: { code: 'hukou_booklet', name: t('居民户口簿', MN.hukou, 'Household register booklet'), requirement: 'mandatory' },
  hukouShared: {
    code: 'hukou_record',
    name: t('户籍信息（系统核验，无需提交）', `${MN.hukou} (ᠰᠢᠰᠲ᠋ᠧᠮ ᠪᠡᠷ ᠰᠢᠯᠭᠠᠨ\u180Eᠠ)`, 'Household record (checked online, nothing to bring)'),
    requirement: 'data_sharing',
  },
  licence: { code: 'driving_licence', name: t('机动车驾驶证', MN.licence, 'Driving licence'), requirement: 'mandatory' },
  medical: {
    code: 'medical_certificate',
    name: t('驾驶人身体条件证明', `${`ᠡᠮᠨᠡᠯᠭᠡ${NB}ᠶᠢᠨ`} ${MN.certificate}`, "Driver's medical certificate"),
    requirement: 'deferrable',
    supplyWithinDays: 10,
  },
  vehicleLicence: {
    code: 'vehicle_licence',
    name: t('机动车行驶证', `${MN.vehicle}${NB}ᠤ ᠦᠨᠡᠮᠯᠡᠯ`, 'Vehicle registration certificate'),
    requirement: 'mandatory',
  },
  insurance: {
    code: 'compulsory_insurance',
    name: t(
      '交强险保单（电子保单联网核验）',
      `${MN.vehicle}${NB}ᠤ ᠳᠠᠭᠠᠳᠤᠯ (ᠰᠢᠰᠲ᠋ᠧᠮ ᠪᠡᠷ ᠰᠢᠯᠭᠠᠨ\u180Eᠠ)`,
      'Compulsory insurance policy (e-policy checked online)',
    ),
    requirement: 'data_sharing',
  },
  inspectionReport: {
    code: 'inspection_report',
    name: t('机动车安全技术检验报告', `${MN.vehicle}${NB}ᠤ ᠪᠠᠢᠴᠠᠭᠠᠯᠲᠠ${NB}ᠶᠢᠨ ᠳᠠᠯᠠᠯᠲᠠ`, 'Vehicle safety inspection report'),
    requirement: 'data_sharing',
  },
  passport: { code: 'passport', name: t('有效普通护照', MN.passport, 'Valid ordinary passport'), requirement: 'mandatory' },
  travelProof: {
    code: 'urgent_travel_proof',
    name: t(
      '紧急出行证明（如商务邀请函、就医证明）',
      `ᠶᠠᠭᠠᠷᠠᠯᠲᠠᠢ ᠠᠶᠠᠯᠠᠯ${NB}ᠤᠨ ${MN.certificate}`,
      'Proof of urgent travel (business invitation, medical letter)',
    ),
    requirement: 'mandatory',
  },
  birthMedical: {
    code: 'birth_medical_certificate',
    name: t('出生医学证明（联网核验）', `ᠲᠥᠷᠥᠯᠲᠡ${NB}ᠶᠢᠨ ᠡᠮᠨᠡᠯᠭᠡ${NB}ᠶᠢᠨ ${MN.certificate}`, 'Medical birth certificate (checked online)'),
    requirement: 'data_sharing',
  },
  marriage: {
    code: 'marriage_certificate',
    name: t(
      '父母结婚证（可用亲属关系承诺书容缺）',
      `ᠭᠡᠷᠯᠡᠯᠲᠡ${NB}ᠶᠢᠨ ${MN.certificate}`,
      "Parents' marriage certificate (a signed kinship pledge may stand in)",
    ),
    requirement: 'deferrable',
    supplyWithinDays: 10,
    // It proves the parents' marriage: a pledge between the applicant and the other parent, whose
    // ID number the form may already hold.
    pledge: { relationship: t('夫妻', 'ᠡᠷ\u180Eᠡ ᠡᠮᠡ', 'Spouses'), relativeIdField: 'otherParentIdNumber' },
  },
  residenceProof: {
    code: 'residence_proof',
    name: t(
      '迁入地合法稳定住所证明（不动产登记联网核验）',
      `ᠰᠠᠭᠤᠴᠠ ᠭᠡᠷ${NB}ᠦᠨ ${MN.certificate}`,
      'Proof of residence at the new address (property register checked online)',
    ),
    requirement: 'data_sharing',
  },
  transferConsent: {
    code: 'transfer_consent',
    name: t('房屋产权人同意落户书面意见', `ᠭᠡᠷ${NB}ᠦᠨ ᠡᠵᠡᠨ${NB}ᠦ ᠵᠥᠪᠰᠢᠶᠡᠷᠡᠯ`, "Written consent of the home's owner"),
    requirement: 'deferrable',
    supplyWithinDays: 5,
  },
  lossStatement: {
    code: 'loss_statement',
    name: t('遗失声明（现场填写）', `ᠭᠡᠭᠡᠭᠰᠡᠨ ᠲᠤᠬᠠᠢ ᠮᠡᠳᠡᠭᠳᠡᠯ`, 'Statement of loss (filled in on site)'),
    requirement: 'mandatory',
  },
  oldIdCard: { code: 'old_id_card', name: t('原居民身份证', `ᠬᠠᠭᠤᠴᠢᠨ ${MN.idCard}`, 'Your current ID card'), requirement: 'mandatory' },
} satisfies Record<string, Material>;

// ── Form fields ──────────────────────────────────────────────────────────────────────────────
export const F = {
  name: { key: 'name', type: 'text', entry: 'name', label: t('姓名', 'ᠨᠡᠷᠡ', 'Name'), required: true, prefill: 'name', maxLength: 40 },
  idNumber: { key: 'idNumber', type: 'idNumber', label: t('公民身份号码', `${MN.idCard}${NB}ᠦ ᠳ᠋ᠤᠭᠠᠷ`, 'ID number'), required: true, prefill: 'idNumber' },
  gender: { ...choice('gender', t('性别', 'ᠬᠦᠢᠰ', 'Sex'), { male: OPTION.male, female: OPTION.female }), prefill: 'gender' },
  nation: { key: 'nation', type: 'text', label: t('民族', 'ᠦᠨᠳᠦᠰᠦᠲᠡᠨ', 'Ethnic group'), required: true, prefill: 'nation', maxLength: 20 },
  birthDate: { key: 'birthDate', type: 'date', label: t('出生日期', `ᠲᠥᠷᠥᠭᠰᠡᠨ ᠡᠳᠦᠷ`, 'Date of birth'), required: true, prefill: 'birthDate', dateRule: 'past' },
  address: { key: 'address', type: 'text', entry: 'address', label: t('住址', 'ᠬᠠᠶᠢᠭ', 'Address'), required: true, prefill: 'address', maxLength: 120 },
  phone: { key: 'phone', type: 'phone', label: t('手机号码', `ᠭᠠᠷ ᠤᠲᠠᠰᠤ`, 'Mobile phone'), required: true },
  pinyinName: {
    key: 'pinyinName',
    type: 'pinyinName',
    label: t('姓名拼音（请核对）', `ᠨᠡᠷᠡ${NB}ᠶᠢᠨ ᠫᠢᠨᠶᠢᠨ`, 'Name in pinyin (please check)'),
    required: true,
  },
} satisfies Record<string, Field>;
