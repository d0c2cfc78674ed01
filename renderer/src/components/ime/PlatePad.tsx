import { useTranslation } from 'react-i18next';

/** The provinces' characters that begin a mainland number plate, the region's own first. */
const PROVINCES = [...'蒙吉黑辽京津冀晋鲁豫沪苏浙皖闽赣鄂湘粤桂琼渝川贵云藏陕甘青宁新'];

/** A number plate starts with its province: one tap, then the letter keys take over. */
export function PlatePad({ onPick, disabled }: { onPick: (text: string) => void; disabled: boolean }) {
  const { t } = useTranslation();
  return (
    <div className="ime-plate" role="group" aria-label={t('ime.plateKeys')}>
      {PROVINCES.map((p) => (
        <button key={p} type="button" lang="zh-CN" className="ime-key ime-key--candidate" disabled={disabled} onClick={() => onPick(p)}>
          {p}
        </button>
      ))}
    </div>
  );
}
