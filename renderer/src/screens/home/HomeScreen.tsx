import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { SCREEN_ROLES } from '@domain/roles.js';
import { Page } from '../../components/Page.js';
import './home.css';

/** For someone who opened the bare address: where each screen lives. */
export function HomeScreen() {
  const { t } = useTranslation();
  return (
    <Page kind="home" mainClass="home">
      <h1>{t('home.title')}</h1>
      <p className="home__lead">{t('home.lead')}</p>
      <ul className="home__list">
        {SCREEN_ROLES.map((role) => (
          <li key={role}>
            <Link className="home__link" to={`/${role}`}>
              <span className="home__link-title">{t(`screen.${role}`)}</span>
              <span className="home__link-desc">{t(`home.desc.${role}`)}</span>
            </Link>
          </li>
        ))}
      </ul>
      <p className="home__pair">
        <Link to="/pair">{t('home.pairLink')}</Link>
      </p>
    </Page>
  );
}
