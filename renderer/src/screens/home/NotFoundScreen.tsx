import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { LanguageSwitch } from '../../components/LanguageSwitch.js';
import '../../styles/home.css';

export function NotFoundScreen() {
  const { t } = useTranslation();
  return (
    <div className="page page--home">
      <header className="page-header">
        <p className="page-header__brand">{t('app.name')}</p>
        <LanguageSwitch />
      </header>
      <main className="home">
        <h1>{t('notFound.title')}</h1>
        <p className="home__lead">{t('notFound.body')}</p>
        <p>
          <Link className="btn btn--primary" to="/">
            {t('notFound.home')}
          </Link>
        </p>
      </main>
    </div>
  );
}
