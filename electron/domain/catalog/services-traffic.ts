import type { z } from 'zod';
import type { ServiceSchema } from './catalog-schema.js';
import { choice, F, fee, M, MN, NO_FEE, OPTION, t } from './catalog-text.js';

type ServiceInput = z.input<typeof ServiceSchema>;
const NB = '\u202F';

const plate = {
  key: 'plateNumber',
  type: 'text',
  entry: 'plate',
  label: t('号牌号码', `${MN.vehicle}${NB}ᠤ ᠳ᠋ᠤᠭᠠᠷ`, 'Number plate'),
  required: true,
  maxLength: 10,
} as const;

/**
 * 交管 (traffic management). 驾驶证工本费 10 元 is the national fee; the electronic inspection
 * mark costs nothing. A supervisor adjusts fees and time limits per hall.
 */
export const trafficServices: ServiceInput[] = [
  {
    code: 'licence_renewal',
    line: 'traffic',
    name: t('驾驶证期满换证', `${MN.licence} ᠬᠤᠭᠤᠴᠠᠭ\u180Eᠠ ᠳᠤᠤᠰᠤᠭᠰᠠᠨ ᠳᠤ ᠰᠣᠯᠢᠬᠤ`, 'Driving licence renewal on expiry'),
    description: t(
      '驾驶证有效期满前 90 日内换领新证，当场领取。',
      `${MN.licence}${NB}ᠢ ${MN.onTheSpot} ᠰᠣᠯᠢᠨ\u180Eᠠ`,
      'Renew within 90 days before expiry; the new licence is handed over at once.',
    ),
    materials: [
      M.idCard,
      M.licence,
      {
        code: 'medical_certificate_online',
        name: t('电子体检证明（联网核验）', `ᠡᠮᠨᠡᠯᠭᠡ${NB}ᠶᠢᠨ ${MN.certificate} (ᠰᠢᠰᠲ᠋ᠧᠮ ᠪᠡᠷ ᠰᠢᠯᠭᠠᠨ\u180Eᠠ)`, 'Electronic medical certificate (checked online)'),
        requirement: 'data_sharing',
      },
    ],
    fee: fee(10, '工本费', 'Licence fee'),
    timeLimitDays: 0,
    fields: [F.name, F.idNumber, F.phone],
    boothEligible: true,
    instant: true,
    expedite: false,
    notice: t(
      '携带身份证和驾驶证；体检结果由医院联网推送，无需纸质证明；照片可在自助机现场采集。',
      MN.notice,
      'Bring your ID card and licence. The clinic sends your medical result online, so no paper certificate; your photo is taken at the machine.',
    ),
  },
  {
    code: 'licence_reissue',
    line: 'traffic',
    name: t('驾驶证补证', `${MN.licence} ᠨᠥᠬᠥᠵᠦ ᠠᠪᠬᠤ`, 'Driving licence replacement'),
    description: t(
      '驾驶证遗失或损毁后补领，当场领取。',
      `${MN.licence} ᠭᠡᠭᠡᠭᠳᠡᠭᠰᠡᠨ ᠳᠤ ᠨᠥᠬᠥᠵᠦ ᠠᠪᠤᠨ\u180Eᠠ`,
      'A replacement for a lost or damaged licence, handed over at once.',
    ),
    materials: [M.idCard, M.lossStatement],
    fee: fee(10, '工本费', 'Licence fee'),
    timeLimitDays: 0,
    fields: [
      F.name,
      F.idNumber,
      F.phone,
      choice('lossReason', t('补证原因', 'ᠰᠢᠯᠲᠠᠭᠠᠨ', 'Reason'), {
        lost: OPTION.lost,
        damaged: t('损毁', 'ᠡᠪᠳᠡᠷᠡᠭᠰᠡᠨ', 'Damaged'),
      }),
    ],
    boothEligible: false,
    instant: true,
    expedite: false,
    notice: t('只需身份证，现场填写遗失声明，当场补证。', MN.notice, 'Only your ID card: fill in a statement of loss here and take the new licence with you.'),
  },
  {
    code: 'inspection_mark',
    line: 'traffic',
    name: t('机动车检验标志核发', `${MN.vehicle}${NB}ᠤ ᠪᠠᠢᠴᠠᠭᠠᠯᠲᠠ${NB}ᠶᠢᠨ ᠲᠡᠮᠳᠡᠭ ᠣᠯᠭᠣᠬᠤ`, 'Vehicle inspection mark'),
    description: t(
      '检验合格后核发检验标志（电子标志），当场办结。',
      `${MN.vehicle}${NB}ᠤ ᠪᠠᠢᠴᠠᠭᠠᠯᠲᠠ${NB}ᠶᠢᠨ ᠲᠡᠮᠳᠡᠭ`,
      'The (electronic) inspection mark after a passed inspection, issued at once.',
    ),
    materials: [M.vehicleLicence, M.insurance, M.inspectionReport],
    fee: NO_FEE,
    timeLimitDays: 0,
    fields: [F.name, F.idNumber, F.phone, plate],
    boothEligible: true,
    instant: true,
    expedite: false,
    notice: t(
      '携带行驶证；交强险和检验报告联网核验，无需纸质材料。',
      MN.notice,
      'Bring the vehicle registration certificate; insurance and inspection report are checked online.',
    ),
  },
  {
    code: 'traffic_violation',
    line: 'traffic',
    name: t('交通违法查询与处理', `ᠵᠠᠮ ᠬᠦᠳᠡᠯᠭᠡᠭᠡᠨ${NB}ᠦ ᠵᠦᠷᠢᠴᠢᠯ${NB}ᠢ ᠯᠠᠪᠯᠠᠬᠤ`, 'Traffic violations: look up and settle'),
    description: t(
      '查询并处理本人名下的交通技术监控违法记录。',
      `ᠵᠦᠷᠢᠴᠢᠯ${NB}ᠢ ᠯᠠᠪᠯᠠᠵᠤ ᠰᠢᠢᠳᠪᠦᠷᠢᠯᠡᠨ\u180Eᠡ`,
      'Look up and settle camera-recorded violations on your licence.',
    ),
    materials: [M.idCard, M.licence],
    fee: { yuan: 0, note: t('办理免费；罚款按决定书另行缴纳', MN.free, 'No charge for the service; any fine is paid separately as decided') },
    timeLimitDays: 0,
    fields: [F.name, F.idNumber, F.phone, { ...plate, required: false }],
    boothEligible: true,
    instant: true,
    expedite: false,
    notice: t('携带身份证和驾驶证；罚款可现场扫码缴纳。', MN.notice, 'Bring your ID card and licence; fines can be paid here by QR code.'),
  },
];
