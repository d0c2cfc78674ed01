import type { z } from 'zod';
import type { ServiceSchema } from './catalog-schema.js';
import { choice, F, fee, M, MN, NO_FEE, OPTION, t } from './catalog-text.js';

type ServiceInput = z.input<typeof ServiceSchema>;
const NB = '\u202F';

/**
 * 户政 (household registration). Fees are the national ones (居民身份证 工本费 20 元, 临时 10 元) and
 * the time limits those promised in the region's halls; a supervisor adjusts both per hall.
 */
export const householdServices: ServiceInput[] = [
  {
    code: 'id_card_renewal',
    line: 'household',
    name: t('居民身份证换领', `${MN.idCard} ᠰᠣᠯᠢᠬᠤ`, 'Resident ID card renewal'),
    description: t(
      '身份证有效期届满或将满、登记项目变更时换领新证。',
      `${MN.idCard}${NB}ᠦᠨ ᠬᠤᠭᠤᠴᠠᠭ\u180Eᠠ ᠳᠤᠤᠰᠬᠤ ᠳᠤ ᠰᠣᠯᠢᠨ\u180Eᠠ`,
      'A new card when yours expires (or soon will) or its details change.',
    ),
    materials: [M.oldIdCard, M.hukouShared, M.photoReceipt],
    fee: fee(20, '工本费', 'Card fee'),
    timeLimitDays: 10,
    fields: [F.name, F.idNumber, F.gender, F.nation, F.birthDate, F.address, F.phone],
    boothEligible: false,
    instant: false,
    expedite: false,
    notice: t(
      '请携带原身份证；户籍信息由大厅联网核验，无需提供户口簿；现场采集照片和指纹。照相回执可容缺，5 个工作日内补交。',
      MN.notice,
      'Bring your current card. The hall checks your household record online, so no booklet is needed. Photo and fingerprints are taken here; a missing photo receipt can follow within 5 working days.',
    ),
  },
  {
    code: 'id_card_reissue',
    line: 'household',
    name: t('居民身份证补领', `${MN.idCard} ᠨᠥᠬᠥᠵᠦ ᠠᠪᠬᠤ`, 'Resident ID card replacement (lost or stolen)'),
    description: t(
      '身份证遗失、被盗或损坏后补领新证。',
      `${MN.idCard} ᠭᠡᠭᠡᠭᠳᠡᠭᠰᠡᠨ ᠳᠤ ᠨᠥᠬᠥᠵᠦ ᠠᠪᠤᠨ\u180Eᠠ`,
      'A new card after yours was lost, stolen or damaged.',
    ),
    materials: [M.lossStatement, M.hukouShared, M.photoReceipt],
    fee: fee(20, '工本费', 'Card fee'),
    timeLimitDays: 10,
    fields: [
      F.name,
      F.idNumber,
      F.gender,
      F.nation,
      F.birthDate,
      F.address,
      F.phone,
      choice('lossReason', t('补领原因', 'ᠰᠢᠯᠲᠠᠭᠠᠨ', 'Reason'), {
        lost: OPTION.lost,
        stolen: t('被盗', 'ᠬᠤᠯᠠᠭᠠᠢᠯᠠᠭᠳᠠᠭᠰᠠᠨ', 'Stolen'),
        damaged: t('损坏', 'ᠡᠪᠳᠡᠷᠡᠭᠰᠡᠨ', 'Damaged'),
      }),
    ],
    boothEligible: false,
    instant: false,
    expedite: false,
    notice: t(
      '无需携带户口簿（联网核验）；现场填写遗失声明并采集照片、指纹。急需用证可同时申领临时居民身份证。',
      MN.notice,
      'No booklet needed (checked online). Fill in a statement of loss here; photo and fingerprints are taken here. If you need a card now, ask for a temporary ID card at the same time.',
    ),
  },
  {
    code: 'temp_id_card',
    line: 'household',
    name: t('临时居民身份证', `ᠲᠦᠷ ᠴᠠᠭ${NB}ᠤᠨ ${MN.idCard}`, 'Temporary resident ID card'),
    description: t(
      '申领正式证件期间急需用证的，当场办理临时身份证。',
      `ᠲᠦᠷ ᠴᠠᠭ${NB}ᠤᠨ ${MN.idCard}${NB}ᠢ ${MN.onTheSpot} ᠣᠯᠭᠣᠨ\u180Eᠠ`,
      'While your card is being made and you need one now: issued on the spot.',
    ),
    materials: [M.hukouShared],
    fee: fee(10, '工本费', 'Card fee'),
    timeLimitDays: 0,
    fields: [
      F.name,
      F.idNumber,
      F.phone,
      choice('urgentReason', t('用证事由', 'ᠰᠢᠯᠲᠠᠭᠠᠨ', 'Why you need it now'), {
        travel: t('乘车、乘机出行', 'ᠠᠶᠠᠯᠠᠯ', 'Travel'),
        exam: t('考试', 'ᠰᠢᠯᠭᠠᠯᠲᠠ', 'Examination'),
        banking: t('金融业务', 'ᠪᠠᠩᠬᠢ', 'Banking'),
        other: OPTION.other,
      }),
    ],
    boothEligible: false,
    instant: true,
    expedite: false,
    notice: t(
      '即办即取：现场拍照，当场领取，有效期三个月。',
      MN.notice,
      'Done while you wait: photo taken here, card handed over at once, valid for three months.',
    ),
  },
  {
    code: 'hukou_transfer',
    line: 'household',
    name: t('户口迁移（区内）', `ᠥᠷᠬᠡ${NB}ᠶᠢᠨ ᠰᠢᠯᠵᠢᠯᠲᠡ`, 'Household registration transfer (within the region)'),
    description: t(
      '自治区内户口迁移，3 个工作日办结。',
      `ᠥᠷᠬᠡ${NB}ᠶᠢᠨ ᠰᠢᠯᠵᠢᠯᠲᠡ 3 ${MN.workingDays}`,
      'Moving your household registration within the region, done in 3 working days.',
    ),
    materials: [M.idCard, M.hukou, M.residenceProof, M.transferConsent],
    fee: NO_FEE,
    timeLimitDays: 3,
    fields: [
      F.name,
      F.idNumber,
      F.phone,
      { key: 'newAddress', type: 'text', entry: 'address', label: t('迁入地址', 'ᠰᠢᠨ\u180Eᠡ ᠬᠠᠶᠢᠭ', 'New address'), required: true, maxLength: 120 },
      choice('moveReason', t('迁移原因', 'ᠰᠢᠯᠲᠠᠭᠠᠨ', 'Reason for moving'), {
        home_purchase: t('购房', 'ᠭᠡᠷ ᠬᠤᠳᠠᠯᠳᠤᠨ ᠠᠪᠤᠭᠰᠠᠨ', 'Bought a home'),
        marriage: t('投靠配偶', 'ᠭᠡᠷᠯᠡᠯᠲᠡ', 'Joining a spouse'),
        work: t('工作调动', 'ᠠᠵᠢᠯ', 'Work'),
        other: OPTION.other,
      }),
    ],
    boothEligible: false,
    instant: false,
    expedite: false,
    notice: t(
      '携带身份证和户口簿；住所证明由大厅联网核验。产权人同意书可容缺，5 个工作日内补交。',
      MN.notice,
      "Bring your ID card and household booklet; the hall checks your residence online. The owner's consent can follow within 5 working days.",
    ),
  },
  {
    code: 'household_certificate',
    line: 'household',
    name: t('户籍证明', `ᠥᠷᠬᠡ${NB}ᠶᠢᠨ ᠪᠦᠷᠢᠳᠬᠡᠯ${NB}ᠦᠨ ${MN.certificate}`, 'Household registration certificate'),
    description: t(
      '开具本人户籍信息证明，当场打印。',
      `${MN.certificate}${NB}ᠢ ${MN.onTheSpot} ᠬᠡᠪᠯᠡᠨ\u180Eᠡ`,
      'A certificate of your household record, printed on the spot.',
    ),
    materials: [M.idCard, M.hukouShared],
    fee: NO_FEE,
    timeLimitDays: 0,
    fields: [
      F.name,
      F.idNumber,
      F.phone,
      choice('purpose', t('用途', 'ᠬᠡᠷᠡᠭᠯᠡᠭᠡ', 'Purpose'), {
        employment: t('就业', 'ᠠᠵᠢᠯ', 'Employment'),
        education: t('入学', 'ᠰᠤᠷᠭᠠᠭᠤᠯᠢ', 'Education'),
        social_security: t('社保', `ᠨᠡᠢᠭᠡᠮ${NB}ᠦᠨ ᠳᠠᠭᠠᠳᠤᠯ`, 'Social security'),
        other: OPTION.other,
      }),
    ],
    boothEligible: true,
    instant: true,
    expedite: false,
    notice: t(
      '只需身份证，户籍信息联网核验，当场打印证明。',
      MN.notice,
      'Only your ID card: the record is checked online and the certificate printed at once.',
    ),
  },
  {
    code: 'birth_registration',
    line: 'household',
    name: t('出生登记', `ᠲᠥᠷᠥᠯᠲᠡ${NB}ᠶᠢᠨ ᠪᠦᠷᠢᠳᠬᠡᠯ`, 'Birth registration'),
    description: t(
      '为新生儿申报户口，即办。',
      `ᠰᠢᠨ\u180Eᠡ ᠲᠥᠷᠥᠭᠰᠡᠨ ᠬᠡᠦᠬᠡᠳ${NB}ᠦᠨ ᠪᠦᠷᠢᠳᠬᠡᠯ`,
      "Registering a newborn child's household record, done on the spot.",
    ),
    materials: [M.idCard, M.hukou, M.birthMedical, M.marriage],
    fee: NO_FEE,
    timeLimitDays: 0,
    fields: [
      { key: 'childName', type: 'text', entry: 'name', label: t('新生儿姓名', `ᠬᠡᠦᠬᠡᠳ${NB}ᠦᠨ ᠨᠡᠷᠡ`, "Child's name"), required: true, maxLength: 40 },
      choice('childGender', t('新生儿性别', `ᠬᠡᠦᠬᠡᠳ${NB}ᠦᠨ ᠬᠦᠢᠰ`, "Child's sex"), {
        male: OPTION.male,
        female: OPTION.female,
      }),
      { key: 'childBirthDate', type: 'date', label: t('出生日期', 'ᠲᠥᠷᠥᠭᠰᠡᠨ ᠡᠳᠦᠷ', "Child's date of birth"), required: true, dateRule: 'past' },
      { ...F.name, label: t('申报人（父或母）姓名', `ᠡᠴᠢᠭᠡ ᠡᠬᠡ${NB}ᠶᠢᠨ ᠨᠡᠷᠡ`, "Parent's name") },
      F.idNumber,
      F.phone,
      {
        key: 'otherParentIdNumber',
        type: 'idNumber',
        label: t('另一方父母身份号码', `ᠨᠥᠭᠥᠭᠡ ᠡᠴᠢᠭᠡ ᠡᠬᠡ${NB}ᠶᠢᠨ ᠳ᠋ᠤᠭᠠᠷ`, "Other parent's ID number"),
        required: false,
      },
    ],
    boothEligible: false,
    instant: true,
    expedite: false,
    notice: t(
      '携带父或母身份证和户口簿；出生医学证明联网核验。结婚证可容缺（签署亲属关系承诺书），10 个工作日内补交。',
      MN.notice,
      "Bring a parent's ID card and the household booklet; the medical birth certificate is checked online. The marriage certificate can follow within 10 working days (sign a kinship pledge today).",
    ),
  },
];
