import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { PageHeader } from '../../components/PageHeader.js';
import '../../styles/home.css';

export function NotFoundScreen() {
  const { t } = useTranslation();
  return (
    <div className="page page--home">
      <PageHeader />
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
