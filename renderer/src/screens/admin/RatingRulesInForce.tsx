import { useTranslation } from 'react-i18next';
import { useQuery } from '../../data/use-query.js';

/**
 * Under the 差评 deadline: the rules in force and whence each comes (the hall's setting, or the
 * city's published rules, which a hall may tighten but never relax).
 */
export function RatingRulesInForce() {
  const { t } = useTranslation();
  const rules = useQuery('ratingRulesInForce', {}, { refetchOn: ['city.link'] }).data;
  if (!rules) return null;
  return (
    <p className="field-hint" data-testid="rating-rules-in-force">
      {rules.dueDaysFrom === 'city'
        ? t('admin.settings.ratingRules.dueFromCity', { n: rules.dueDays, version: rules.cityVersion })
        : rules.cityDueDays === null
          ? t('admin.settings.ratingRules.dueFromHall', { n: rules.dueDays })
          : t('admin.settings.ratingRules.dueFromHallShorter', { n: rules.dueDays, city: rules.cityDueDays, version: rules.cityVersion })}{' '}
      {rules.hallDueDays > rules.dueDays ? t('admin.settings.ratingRules.hallLonger', { n: rules.hallDueDays }) : null}{' '}
      {!rules.callbackRequired
        ? t('admin.settings.ratingRules.callback_waived_city')
        : rules.callbackFrom === 'city'
          ? t('admin.settings.ratingRules.callback_required_city')
          : t('admin.settings.ratingRules.callback_required_hall')}
    </p>
  );
}
