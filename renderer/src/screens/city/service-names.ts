import { findService } from '@domain/catalog/catalog.js';

/**
 * The city names services by the national catalog shipped with the app: the codes a hall forwards
 * are that catalog's, and a hall's overrides change fees and time limits, never names.
 */
export type CatalogLanguage = 'zh-CN' | 'mn' | 'en';
export const catalogLanguage = (lang: string): CatalogLanguage => (lang === 'en' || lang === 'mn' ? lang : 'zh-CN');
export const serviceName = (code: string, lang: string): string => findService(code)?.name[catalogLanguage(lang)] ?? code;
