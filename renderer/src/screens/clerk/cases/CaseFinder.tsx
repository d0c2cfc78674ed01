import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { CASE_NUMBER_PATTERN } from '@domain/contract/applications-api.js';
import type { CaseSummary } from '@domain/contract/cases-api.js';
import { validateIdNumber } from '@domain/identity/id-number.js';
import { useCommand } from '../../../data/use-command.js';
import { useHostEvent } from '../../../data/use-host-events.js';
import { CaseList } from '../../../components/cases/CaseList.js';

/** A receipt's QR code (YZ:C:<case>) or a case number typed or scanned as it is. */
export function caseNumberIn(text: string): string | null {
  const raw = text
    .trim()
    .toUpperCase()
    .replace(/^YZ:C:/, '');
  return CASE_NUMBER_PATTERN.test(raw) ? raw : null;
}

/**
 * Finds a case at the window: by its number (typed, or the receipt's QR on the window's scanner),
 * or by the applicant's ID number (typed, or the ID card on the window's reader), which lists
 * their cases to open. An application taken at the 24-hour booth at night has no ticket: this is
 * how it reaches a clerk. Every lookup is written to the audit log by the host.
 */
export function CaseFinder({ onOpen, active }: { onOpen: (caseNumber: string) => void; active: boolean }) {
  const { t } = useTranslation();
  const id = useId();
  const [caseNo, setCaseNo] = useState('');
  const [idNo, setIdNo] = useState('');
  const [problem, setProblem] = useState<{ field: 'case' | 'id'; key: string } | null>(null);
  const [found, setFound] = useState<CaseSummary[] | null>(null);
  const find = useCommand('findCases');
  const { run } = find;

  const byId = (value: string) => {
    setFound(null);
    if (!validateIdNumber(value).ok) return setProblem({ field: 'id', key: 'form.idNumberInvalid' });
    setProblem(null);
    void run({ body: { idNumber: value } }).then((r) => r && setFound(r.cases));
  };

  // A card laid on this window's reader finds that applicant's cases; while the walk-in form is
  // open the reader is that form's.
  useHostEvent('device.card', (e) => {
    const number = e.read.card?.idNumber;
    if (!active || !number) return;
    setIdNo(number);
    byId(number);
  });

  const submitCase = (e: FormEvent) => {
    e.preventDefault();
    const n = caseNumberIn(caseNo);
    if (!n) return setProblem({ field: 'case', key: 'clerk.caseLookup.format' });
    setProblem(null);
    onOpen(n);
  };
  const submitId = (e: FormEvent) => {
    e.preventDefault();
    byId(idNo.trim().toUpperCase());
  };
  const error = (field: 'case' | 'id') => (problem?.field === field ? t(problem.key) : field === 'id' && find.error ? t(find.error.key) : '');

  return (
    <section className="panel clerk-case-lookup" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>{t('clerk.caseLookup.title')}</h2>
      <p className="muted">{t('clerk.caseLookup.hint')}</p>
      <form className="inline-form" onSubmit={submitCase} noValidate>
        <label htmlFor={`${id}-case`}>{t('clerk.caseLookup.label')}</label>
        <input
          id={`${id}-case`}
          value={caseNo}
          autoComplete="off"
          spellCheck={false}
          aria-invalid={problem?.field === 'case'}
          aria-describedby={`${id}-case-error`}
          onChange={(e) => setCaseNo(e.target.value)}
        />
        <button type="submit" className="btn">
          {t('clerk.caseLookup.submit')}
        </button>
      </form>
      <p id={`${id}-case-error`} role="alert" className="field-error">
        {error('case')}
      </p>
      <form className="inline-form" onSubmit={submitId} noValidate>
        <label htmlFor={`${id}-id`}>{t('cases.find.idLabel')}</label>
        <input
          id={`${id}-id`}
          value={idNo}
          maxLength={18}
          autoComplete="off"
          spellCheck={false}
          aria-invalid={problem?.field === 'id'}
          aria-describedby={`${id}-id-hint ${id}-id-error`}
          onChange={(e) => setIdNo(e.target.value.toUpperCase())}
        />
        <button type="submit" className="btn" disabled={find.busy}>
          {t('cases.find.submit')}
        </button>
      </form>
      <p id={`${id}-id-hint`} className="field-hint">
        {t('cases.find.idHint')}
      </p>
      <p id={`${id}-id-error`} role="alert" className="field-error">
        {error('id')}
      </p>
      {found ? <CaseList cases={found} empty={t('cases.find.none')} label={t('cases.find.results')} onOpen={onOpen} /> : null}
    </section>
  );
}
