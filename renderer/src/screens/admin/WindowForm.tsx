import { useId, useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { BUSINESS_LINES } from '@domain/business-lines.js';
import type { BusinessLine } from '@domain/business-lines.js';
import type { ServiceWindow } from '@domain/contract/schemas.js';
import { AlertRegion } from '../../components/AlertRegion.js';
import { checkInt, Field, type Problems } from '../../components/form/Field.js';
import { ProblemSummary } from '../../components/form/ProblemSummary.js';
import { useProblems } from '../../components/form/use-problems.js';
import { useCommand } from '../../data/use-command.js';

type Role = 'primary' | 'backup';

/** Add a window (no `editing`) or edit one: number, name, and its A (primary) and B (backup) lines. */
export function WindowForm({ editing, onSaved, onCancel }: { editing: ServiceWindow | null; onSaved: () => void; onCancel: () => void }) {
  const { t } = useTranslation();
  const id = useId();
  const [number, setNumber] = useState(editing ? String(editing.number) : '');
  const [name, setName] = useState(editing?.name ?? '');
  const [lines, setLines] = useState<Record<Role, BusinessLine[]>>({ primary: editing?.primary ?? [], backup: editing?.backup ?? [] });
  const check = useProblems();
  const create = useCommand('createWindow', { invalidates: ['listWindows'] });
  const put = useCommand('putWindow', { invalidates: ['listWindows'] });
  const fid = (k: string) => `${id}-${k}`;
  const problemOf = (k: string) => check.problemOf(fid(k));

  // A line is A or B at one window, never both: ticking one side clears the other.
  const toggle = (role: Role, line: BusinessLine, on: boolean) => {
    const other: Role = role === 'primary' ? 'backup' : 'primary';
    setLines(
      (cur) =>
        ({
          [role]: on ? [...cur[role].filter((l) => l !== line), line] : cur[role].filter((l) => l !== line),
          [other]: on ? cur[other].filter((l) => l !== line) : cur[other],
        }) as Record<Role, BusinessLine[]>,
    );
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const found: Problems = [];
    const n = checkInt(number, 1, 999);
    if (n) found.push({ id: fid('number'), label: t('admin.windows.number'), problem: n });
    if (name.trim() === '') found.push({ id: fid('name'), label: t('admin.windows.name'), problem: { key: 'form.required' } });
    if (lines.primary.length === 0)
      found.push({ id: fid('primary-household'), label: t('admin.windows.primary'), problem: { key: 'admin.windows.primaryNone' } });
    if (!check.check(found)) return;
    // Lines in the hall's order, whatever order they were ticked in.
    const body = {
      number: Number(number),
      name: name.trim(),
      primary: BUSINESS_LINES.filter((l) => lines.primary.includes(l)),
      backup: BUSINESS_LINES.filter((l) => lines.backup.includes(l)),
    };
    void (editing ? put.run({ params: { id: editing.id }, body }) : create.run({ body })).then((r) => r && onSaved());
  };

  const lineBoxes = (role: Role) => (
    <fieldset className={role === 'primary' && problemOf('primary-household') ? 'form-field form-field--error' : 'form-field'}>
      <legend className="field-label">{t(`admin.windows.${role}`)}</legend>
      {role === 'primary' && problemOf('primary-household') ? <p className="field-error">{t('admin.windows.primaryNone')}</p> : null}
      {BUSINESS_LINES.map((l) => (
        <label key={l} className="check">
          <input id={fid(`${role}-${l}`)} type="checkbox" checked={lines[role].includes(l)} onChange={(e) => toggle(role, l, e.target.checked)} />
          {t(`line.${l}`)}
        </label>
      ))}
    </fieldset>
  );

  return (
    <form className="admin-form admin-subform" onSubmit={submit} noValidate aria-labelledby={`${id}-h`}>
      <h3 id={`${id}-h`}>{editing ? t('admin.windows.editTitle', { n: editing.number }) : t('admin.windows.addTitle')}</h3>
      <ProblemSummary form={check} />
      <AlertRegion messageKey={(editing ? put : create).error?.key ?? null} />
      <div className="admin-form__grid">
        <Field id={fid('number')} label={t('admin.windows.number')} problem={problemOf('number')}>
          {(aria) => <input {...aria} className="input--short" inputMode="numeric" value={number} onChange={(e) => setNumber(e.target.value)} />}
        </Field>
        <Field id={fid('name')} label={t('admin.windows.name')} problem={problemOf('name')}>
          {(aria) => <input {...aria} maxLength={40} value={name} onChange={(e) => setName(e.target.value)} />}
        </Field>
      </div>
      <p className="field-hint">{t('admin.windows.abHint')}</p>
      <div className="admin-form__grid">
        {lineBoxes('primary')}
        {lineBoxes('backup')}
      </div>
      <div className="admin-form__actions">
        <button type="submit" className="btn btn--primary" disabled={create.busy || put.busy}>
          {create.busy || put.busy ? t('form.saving') : t('form.save')}
        </button>
        <button type="button" className="btn" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
