import { useTranslation } from 'react-i18next';

/** A form's save button and the line that says it was saved (announced politely). */
export function SaveBar({ busy, saved, savedText }: { busy: boolean; saved: boolean; savedText: string }) {
  const { t } = useTranslation();
  return (
    <div className="admin-form__actions">
      <button type="submit" className="btn btn--primary" disabled={busy}>
        {busy ? t('form.saving') : t('form.save')}
      </button>
      <p className="saved" role="status">
        {saved ? savedText : ''}
      </p>
    </div>
  );
}
