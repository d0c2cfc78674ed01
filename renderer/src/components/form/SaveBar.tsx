import { useTranslation } from 'react-i18next';

/**
 * A form's save button and the line that says it was saved (announced politely). `label` names
 * the button when saving is a more particular act (接入 for the city link); 保存 otherwise.
 */
export function SaveBar({ busy, saved, savedText, label }: { busy: boolean; saved: boolean; savedText: string; label?: string }) {
  const { t } = useTranslation();
  return (
    <div className="admin-form__actions">
      <button type="submit" className="btn btn--primary" disabled={busy}>
        {busy ? t('form.saving') : (label ?? t('form.save'))}
      </button>
      <p className="saved" role="status">
        {saved ? savedText : ''}
      </p>
    </div>
  );
}
