import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { Page } from '../../components/Page.js';
import './home.css';

export function NotFoundScreen() {
  const { t } = useTranslation();
  return (
    <Page kind="home" mainClass="home">
      <h1>{t('notFound.title')}</h1>
      <p className="home__lead">{t('notFound.body')}</p>
      <p>
        <Link className="btn btn--primary" to="/">
          {t('notFound.home')}
        </Link>
      </p>
    </Page>
  );
}
