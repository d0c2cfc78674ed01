import type { Material, Service } from '../../domain/catalog/catalog-schema.js';
import type { OneTimeNoticeData, PrintLanguage } from './documents/types.js';

/** The part of a one-time notice that comes from the service catalog (the rest is the header). */
export type NoticeContent = Pick<OneTimeNoticeData, 'serviceName' | 'required' | 'missing' | 'timeLimitDays' | 'feeYuan' | 'feeNote'>;

/**
 * The note printed beside a 容缺 material. Kept with the printed documents' texts rather than the
 * renderer's catalogs, as documents/text.ts is: the host renders the PDF.
 */
const DEFERRABLE_NOTE: Record<'zh' | 'en', (days: number) => string> = {
  zh: (d) => `可容缺，${d} 个工作日内补交`,
  en: (d) => `can follow within ${d} working days`,
};

/** Codes the citizen named that the service does not have (to refuse the request with them). */
export function unknownMaterials(service: Service, codes: readonly string[]): string[] {
  const known = new Set(service.materials.map((m) => m.code));
  return codes.filter((c) => !known.has(c));
}

/**
 * The notice's content in the citizen's language. A Mongolian notice is the Chinese one, as the
 * Mongolian slip is (documents/text.ts): the notice is official wording. Data-shared materials are
 * never "missing": the hall fetches them (数据跑路), and their catalog names say so.
 */
export function noticeContent(service: Service, missingCodes: readonly string[] | undefined, language: PrintLanguage): NoticeContent {
  const lang = language === 'en' ? 'en' : 'zh';
  const item = (m: Material) => ({
    name: m.name[lang === 'en' ? 'en' : 'zh-CN'],
    ...(m.requirement === 'deferrable' ? { note: DEFERRABLE_NOTE[lang](m.supplyWithinDays) } : {}),
  });
  const lacking = new Set(missingCodes);
  return {
    serviceName: service.name[lang === 'en' ? 'en' : 'zh-CN'],
    required: service.materials.map(item),
    // Not asked yet (printed from the service's page): the notice says nothing about what is missing.
    ...(missingCodes === undefined ? {} : { missing: service.materials.filter((m) => lacking.has(m.code) && m.requirement !== 'data_sharing').map(item) }),
    timeLimitDays: service.timeLimitDays,
    feeYuan: service.fee.yuan,
    ...(service.fee.yuan > 0 ? { feeNote: service.fee.note[lang === 'en' ? 'en' : 'zh-CN'] } : {}),
  };
}
