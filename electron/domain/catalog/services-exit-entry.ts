import type { z } from 'zod';
import type { PortSchema, ServiceSchema } from './catalog-schema.js';
import { choice, F, fee, feeNote, M, MN, t } from './catalog-text.js';

type ServiceInput = z.input<typeof ServiceSchema>;
const NB = '\u202F';

/** Border ports of the region a border-tourism document may name (the `port` field's values). */
export const borderPorts: z.input<typeof PortSchema>[] = [
  { value: 'manzhouli', label: t('满洲里口岸（俄罗斯）', 'ᠮᠠᠨᠵᠤᠤᠷ (ᠣᠷᠤᠰ)', 'Manzhouli (Russia)') },
  { value: 'erenhot', label: t('二连浩特口岸（蒙古国）', 'ᠡᠷᠢᠶᠡᠨ ᠬᠣᠲᠠ (ᠮᠣᠩᠭᠣᠯ ᠤᠯᠤᠰ)', 'Erenhot (Mongolia)') },
  { value: 'heishantou', label: t('黑山头口岸（俄罗斯）', 'ᠬᠠᠷ\u180Eᠠ ᠤᠯᠠᠭᠠᠨ ᠲᠣᠯᠣᠭᠠᠢ (ᠣᠷᠤᠰ)', 'Heishantou (Russia)') },
  { value: 'shiwei', label: t('室韦口岸（俄罗斯）', 'ᠰᠢᠸᠧᠢ (ᠣᠷᠤᠰ)', 'Shiwei (Russia)') },
  { value: 'arxan', label: t('阿尔山口岸（蒙古国）', 'ᠷᠠᠰᠢᠶᠠᠨ ᠬᠠᠯᠠᠭᠤᠨ ᠤᠰᠤ (ᠮᠣᠩᠭᠣᠯ ᠤᠯᠤᠰ)', 'Arxan (Mongolia)') },
];

const pinyinName = F.pinyinName;
const departure = (label: ReturnType<typeof t>) => ({ key: 'travelDate', type: 'date', label, required: true, dateRule: 'future' }) as const;

/**
 * 出入境 (exit-entry). 普通护照 120 元 and 出入境通行证（一次有效）15 元 are the national fees;
 * 加急 has no surcharge. A supervisor adjusts fees and time limits per hall.
 */
export const exitEntryServices: ServiceInput[] = [
  {
    code: 'passport_first',
    line: 'exit_entry',
    name: t('普通护照首次申领', `ᠡᠩ${NB}ᠦᠨ ${MN.passport}${NB}ᠢ ᠠᠩᠬ\u180Eᠠ ᠤᠳᠠᠭ\u180Eᠠ ᠭᠤᠶᠤᠬᠤ`, 'Ordinary passport, first application'),
    description: t('首次申请普通护照，7 个工作日内制证。', `${MN.passport} 7 ${MN.workingDays}`, 'A first ordinary passport, made within 7 working days.'),
    materials: [M.idCard, M.hukouShared, M.photoReceipt],
    fee: fee(120, '护照', 'Passport'),
    timeLimitDays: 7,
    fields: [F.name, pinyinName, F.idNumber, F.gender, F.nation, F.birthDate, F.phone, F.address],
    boothEligible: false,
    instant: false,
    expedite: false,
    notice: t(
      '携带身份证；户籍信息联网核验；现场采集照片和指纹。照相回执可容缺，5 个工作日内补交。可选择邮寄送证。',
      MN.notice,
      'Bring your ID card; your household record is checked online; photo and fingerprints are taken here. A missing photo receipt can follow within 5 working days. The passport can be posted to you.',
    ),
  },
  {
    code: 'border_tour_pass',
    line: 'exit_entry',
    name: t('边境旅游出入境证件', `ᠬᠢᠯᠢ${NB}ᠶᠢᠨ ᠠᠶᠠᠯᠠᠯ${NB}ᠤᠨ ᠭᠠᠷᠬᠤ ᠣᠷᠣᠬᠤ ᠦᠨᠡᠮᠯᠡᠯ`, 'Border-tourism travel document'),
    description: t(
      '边境旅游出入境通行证，一次有效，当日办结；可个人办理或随旅行社团队办理。',
      `ᠬᠢᠯᠢ${NB}ᠶᠢᠨ ᠠᠶᠠᠯᠠᠯ — ${MN.onTheSpot}`,
      'A single-trip border-tourism pass, issued the same day; alone or with an agency tour group.',
    ),
    materials: [M.idCard, M.hukouShared],
    fee: fee(15, '一次有效通行证', 'Single-trip pass'),
    timeLimitDays: 0,
    fields: [
      F.name,
      pinyinName,
      F.idNumber,
      F.phone,
      { key: 'port', type: 'port', label: t('出境口岸', `ᠭᠠᠷᠬᠤ ᠬᠠᠭᠠᠯᠭ\u180Eᠠ`, 'Border port'), required: true },
      departure(t('出行日期', 'ᠠᠶᠠᠯᠠᠬᠤ ᠡᠳᠦᠷ', 'Travel date')),
      choice('travelMode', t('出行方式', 'ᠠᠶᠠᠯᠠᠬᠤ ᠬᠡᠯᠪᠡᠷᠢ', 'How you travel'), {
        individual: t('个人', 'ᠭᠠᠭᠴᠠ', 'On my own'),
        agency_tour: t('旅行社团队', `ᠠᠶᠠᠯᠠᠯ${NB}ᠤᠨ ᠪᠦᠯᠦᠭ`, 'Agency tour group'),
      }),
      {
        key: 'groupCode',
        type: 'groupCode',
        label: t('团队编号', `ᠪᠦᠯᠦᠭ${NB}ᠦᠨ ᠳ᠋ᠤᠭᠠᠷ`, 'Tour group code'),
        required: false,
        requiredWhen: { field: 'travelMode', equals: ['agency_tour'] },
      },
    ],
    boothEligible: false,
    instant: true,
    expedite: false,
    groupAllowed: true,
    notice: t(
      '每位旅客携带本人身份证；团队出行由领队提供团队编号，全团一张排队号。当日办结。',
      MN.notice,
      'Each traveller brings their own ID card. A tour group gives its group code and takes one ticket for everyone. Issued the same day.',
    ),
  },
  {
    code: 'expedited_document',
    line: 'exit_entry',
    name: t('证件加急', `${MN.passport}${NB}ᠢ ᠶᠠᠭᠠᠷᠠᠯᠲᠠᠢ ᠪᠡᠷ ᠪᠠᠷᠢᠬᠤ`, 'Expedited travel document'),
    description: t(
      '因紧急商务、就医、奔丧等急需出境的，开通绿色通道加急办理。',
      `ᠶᠠᠭᠠᠷᠠᠯᠲᠠᠢ ᠠᠶᠠᠯᠠᠯ${NB}ᠤᠨ ᠨᠣᠭᠤᠭᠠᠨ ᠵᠠᠮ`,
      'Green channel for urgent business, medical or family travel.',
    ),
    materials: [M.idCard, M.travelProof, M.hukouShared, M.photoReceipt],
    fee: { yuan: 120, note: feeNote('按证件收费，加急不另收费（护照 120 元）', 120, 'The document fee only, no surcharge (passport 120 yuan)') },
    timeLimitDays: 3,
    fields: [
      F.name,
      pinyinName,
      F.idNumber,
      F.phone,
      choice('documentType', t('证件类型', `${MN.certificate}${NB}ᠦᠨ ᠲᠦᠷᠦᠯ`, 'Document'), {
        passport: t('普通护照', MN.passport, 'Ordinary passport'),
        hk_macao_permit: t('往来港澳通行证', `ᠰᠢᠶᠠᠩᠭᠠᠩ ᠠᠤᠮᠧᠨ${NB}ᠤ ᠦᠨᠡᠮᠯᠡᠯ`, 'Mainland travel permit for Hong Kong and Macao'),
      }),
      departure(t('出发日期', 'ᠭᠠᠷᠬᠤ ᠡᠳᠦᠷ', 'Departure date')),
    ],
    boothEligible: false,
    instant: false,
    expedite: true,
    notice: t(
      '携带身份证和紧急出行证明（如邀请函、就医证明），走绿色通道优先受理，3 个工作日内制证。',
      MN.notice,
      'Bring your ID card and proof of the urgent trip (an invitation, a medical letter); served first through the green channel, document ready within 3 working days.',
    ),
  },
];
