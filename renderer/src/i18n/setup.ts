import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import en from './locales/en.json';
import mn from './locales/mn.json';
import zhCN from './locales/zh-CN.json';

/** In the order shown to citizens: Chinese, traditional Mongolian, English. */
export const LANGUAGES = ['zh-CN', 'mn', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
export const DEFAULT_LANGUAGE: Language = 'zh-CN';

/** Hall time zone: clocks and times on every screen are the hall's, not the machine's. */

export function setupI18n(): typeof i18next {
  void i18next.use(initReactI18next).init({
    resources: { 'zh-CN': { translation: zhCN }, mn: { translation: mn }, en: { translation: en } },
    lng: DEFAULT_LANGUAGE,
    fallbackLng: DEFAULT_LANGUAGE,
    supportedLngs: [...LANGUAGES],
    // React escapes text itself; escaping twice would show &amp; to citizens.
    interpolation: { escapeValue: false },
    initAsync: false,
    // The library logs an advert to the console otherwise; kiosks' logs should hold only our own lines.
    showSupportNotice: false,
  });
  const sync = (lng: string) => {
    document.documentElement.lang = lng;
    document.title = i18next.t('app.title', { lng });
  };
  sync(i18next.language);
  i18next.on('languageChanged', sync);
  return i18next;
}
