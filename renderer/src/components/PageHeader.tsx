import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { LanguageSwitch } from './LanguageSwitch.js';

/** The staff and set-up pages' top bar: the product's name, anything the page adds, the language. */
export function PageHeader({ children }: { children?: ReactNode }) {
  const { t } = useTranslation();
  return (
    <header className="page-header">
      <p className="page-header__brand">{t('app.name')}</p>
      {children ? <div className="page-header__right">{children}</div> : null}
      <LanguageSwitch />
    </header>
  );
}
