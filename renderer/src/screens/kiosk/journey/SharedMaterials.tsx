import { useTranslation } from 'react-i18next';
import type { Service } from '@domain/catalog/catalog-schema.js';
import { textIn } from './journey-model.js';

/** What the hall fetches itself (数据跑路): listed, so the citizen knows not to bring it. */
export function SharedMaterials({ service, title }: { service: Service; title: string }) {
  const { i18n } = useTranslation();
  const shared = service.materials.filter((m) => m.requirement === 'data_sharing');
  if (shared.length === 0) return null;
  return (
    <div className="materials-shared">
      <h3 className="materials-shared__title">{title}</h3>
      <ul className="materials-list materials-list--shared">
        {shared.map((m) => (
          <li key={m.code}>{textIn(m.name, i18n.language)}</li>
        ))}
      </ul>
    </div>
  );
}
