import { useTranslation } from 'react-i18next';
import { LANGUAGES, type Language } from '../i18n/setup.js';

const LABEL_KEY = { 'zh-CN': 'lang.zh', mn: 'lang.mn', en: 'lang.en' } as const satisfies Record<Language, string>;

/** Each language is named in itself, so a person who cannot read the current one still finds theirs. */
export function LanguageSwitch({ large = false }: { large?: boolean }) {
  const { t, i18n } = useTranslation();
  return (
    <div className={large ? 'lang-switch lang-switch--large' : 'lang-switch'} role="group" aria-label={t('lang.switch')}>
      {LANGUAGES.map((lng) => (
        <button key={lng} type="button" lang={lng} aria-pressed={i18n.language === lng} onClick={() => void i18n.changeLanguage(lng)}>
          {t(LABEL_KEY[lng])}
        </button>
      ))}
    </div>
  );
}
