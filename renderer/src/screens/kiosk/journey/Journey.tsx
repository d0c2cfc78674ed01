import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BusinessLine } from '@domain/business-lines.js';
import type { Catalog, Service } from '@domain/catalog/catalog-schema.js';
import { isRequired } from '@domain/catalog/field-check.js';
import type { FormValue } from '@domain/catalog/form-schema.js';
import type { WaitingCounts } from '@domain/contract/schemas.js';
import { isGreenChannel } from '@domain/queue/green-channel.js';
import { callApi } from '../../../api/client.js';
import type { CommandError } from '../../../data/errors.js';
import { useRunner } from '../../../data/use-command.js';
import type { CardNotice, ScanNotice } from '../../../devices/use-device-events.js';
import { LinePicker } from '../LinePicker.js';
import { BlockedStep } from './BlockedStep.js';
import { CheckStep } from './CheckStep.js';
import { ConfirmationStep, type Submitted } from './ConfirmationStep.js';
import type { SummaryItem } from '../../../components/form/ErrorSummary.js';
import { IdentifyStep } from './IdentifyStep.js';
import { catalogLanguage, formToSend, prefilled, questionsFor, sharedAnswers, takesMembers, textIn, type Identity, type Member } from './journey-model.js';
import type { JourneyPrefs } from './journey-prefs.js';
import type { Screen } from './journey-screens.js';
import { MaterialsStep } from './MaterialsStep.js';
import { NoticeStep } from './NoticeStep.js';
import { ProgressQuery } from './ProgressQuery.js';
import { QuestionStep } from './QuestionStep.js';
import { QuickTicket } from './QuickTicket.js';
import { newRequestId } from './request-id.js';
import { ServiceStep } from './ServiceStep.js';
import { BackButton, StepFrame } from './StepFrame.js';
import { WelcomeStep } from './WelcomeStep.js';

const GROUP_MAX = 60;

export interface JourneyProps {
  booth: boolean;
  catalog: Catalog | null;
  greenAge: number;
  today: string;
  waiting: WaitingCounts | null;
  lastCard: CardNotice | null;
  lastScan: ScanNotice | null;
  prefs: JourneyPrefs;
  onPrefs: (p: JourneyPrefs) => void;
  onScreen: (s: Screen) => void;
  /** The citizen is done (or walked away): wipe everything and start again. */
  onFinish: () => void;
}

/**
 * The citizen's journey at the kiosk, from welcome to confirmation: all of it lives in this
 * component's state, which the kiosk throws away (by remounting it) at every wipe.
 */
export function Journey(p: JourneyProps) {
  const { t, i18n } = useTranslation();
  const [screen, setScreen] = useState<Screen>({ kind: 'welcome' });
  const [history, setHistory] = useState<Screen[]>([]);
  const [service, setService] = useState<Service | null>(null);
  const [members, setMembers] = useState<Member[]>([]);
  const [appointmentCode, setAppointmentCode] = useState<string | null>(null);
  const [result, setResult] = useState<Submitted | null>(null);
  // One submission in flight: a double tap makes one application (and the requestId makes a
  // retry after a lost answer find the first one).
  const submitter = useRunner<'submit'>();
  const requestId = useRef(newRequestId());

  const show = (next: Screen, remember = true) => {
    if (remember) setHistory((h) => [...h, screen]);
    submitter.clearError();
    setScreen(next);
    p.onScreen(next);
  };
  const back = () => {
    const prev = history[history.length - 1];
    if (!prev) return;
    setHistory((h) => h.slice(0, -1));
    submitter.clearError();
    setScreen(prev);
    p.onScreen(prev);
  };

  /** The questions still to ask a member, given the answers so far (a tour code only for a tour). */
  const sequence = (svc: Service, index: number, member: Member) =>
    questionsFor(svc, index, member.identity).filter((f) => !f.requiredWhen || isRequired(f, member.answers));

  const nextAfter = (svc: Service, index: number, member: Member, key: string | null, review: boolean) => {
    if (review) return show({ kind: 'check' });
    const seq = sequence(svc, index, member);
    const at = key === null ? -1 : seq.findIndex((f) => f.key === key);
    const next = seq[at + 1];
    if (next) return show({ kind: 'question', member: index, key: next.key, review: false });
    show({ kind: 'materials', member: index, review: false });
  };

  const identified = (svc: Service, index: number, identity: Identity, code?: string) => {
    const lead = members[0];
    const member: Member = {
      identity,
      answers: { ...(index > 0 && lead ? sharedAnswers(svc, lead.answers) : {}), ...prefilled(svc, identity) },
      materials: [],
    };
    const next = [...members.slice(0, index), member];
    setMembers(next);
    if (index === 0) setAppointmentCode(code ?? null);
    nextAfter(svc, index, member, null, false);
  };

  const answer = (svc: Service, index: number, key: string, value: FormValue | undefined, review: boolean) => {
    const current = members[index];
    if (!current) return;
    const answers = Object.fromEntries(Object.entries(current.answers).filter(([k]) => k !== key));
    if (value !== undefined) answers[key] = value;
    const member = { ...current, answers };
    setMembers((ms) => ms.map((m, i) => (i === index ? member : m)));
    // Changing how one travels may add (or drop) the tour-code question: ask it before going back.
    const newlyNeeded = review ? sequence(svc, index, member).find((f) => f.requiredWhen?.field === key && answers[f.key] === undefined) : undefined;
    if (newlyNeeded) return show({ kind: 'question', member: index, key: newlyNeeded.key, review: true });
    nextAfter(svc, index, member, key, review);
  };

  const materialsAnswered = (svc: Service, index: number, codes: string[]) => {
    setMembers((ms) => ms.map((m, i) => (i === index ? { ...m, materials: codes } : m)));
    const missing = svc.materials.filter((m) => m.requirement === 'mandatory' && !codes.includes(m.code)).map((m) => m.code);
    if (missing.length > 0) return show({ kind: 'blocked', member: index, missing });
    show({ kind: 'check' });
  };

  const submit = (svc: Service) => {
    const language = catalogLanguage(i18n.language);
    const call = () =>
      members.length > 1
        ? callApi('submitGroupApplication', {
            body: {
              requestId: requestId.current,
              serviceCode: svc.code,
              language,
              members: members.map((m) => ({ form: formToSend(m.answers), materials: m.materials })),
            },
          }).then((r) => ({
            ticket: r.ticket,
            ahead: r.ahead,
            estimatedWaitMinutes: r.estimatedWaitMinutes,
            hallOpensAt: r.hallOpensAt,
            applications: r.applications,
          }))
        : callApi('submitApplication', {
            body: {
              requestId: requestId.current,
              serviceCode: svc.code,
              language,
              form: formToSend(members[0]?.answers ?? {}),
              materials: members[0]?.materials ?? [],
              ...(appointmentCode ? { appointmentCode } : {}),
            },
          }).then((r) => ({
            ticket: r.ticket,
            ahead: r.ahead,
            estimatedWaitMinutes: r.estimatedWaitMinutes,
            hallOpensAt: r.hallOpensAt,
            applications: [r.application],
          }));
    // The requestId lets the same submission be sent again when its answer is lost with the link.
    void submitter.runResending('submit', call).then((r) => {
      if (!r) return;
      setResult(r);
      // Nothing to go back to once the application exists: back would only invite a second one.
      setHistory([]);
      setScreen({ kind: 'confirmation' });
      p.onScreen({ kind: 'confirmation' });
    });
  };

  /** The host's refusal, at the answers it names (each links to its row on the check page). */
  const submitErrors = (svc: Service, e: CommandError): SummaryItem[] => {
    const fallback = [{ fieldId: 'check-submit', text: e.code !== 'bad_request' ? t(e.key) : t('journey.error.submitFailed') }];
    if (e.issues.length === 0) return fallback;
    const out: SummaryItem[] = [];
    for (const issue of e.issues) {
      const m = /^body\.(?:members\.(\d+)\.)?form\.(\w+)/.exec(issue.path);
      const field = m ? svc.fields.find((f) => f.key === m[2]) : undefined;
      if (m && field)
        out.push({ fieldId: `check-${m[1] ?? '0'}-${field.key}`, text: `${textIn(field.label, i18n.language)}: ${t('journey.error.submitFailed')}` });
    }
    return out.length > 0 ? out : fallback;
  };

  const { booth, catalog } = p;
  const lng = i18n.language;
  const caption = service ? textIn(service.name, lng) : '';

  switch (screen.kind) {
    case 'welcome':
      return <WelcomeStep prefs={p.prefs} onPrefs={p.onPrefs} onStart={() => show({ kind: 'line' })} onProgress={() => show({ kind: 'progress' })} />;
    case 'progress':
      return <ProgressQuery onBack={back} />;
    case 'line':
      return (
        <StepFrame title={t('kiosk.chooseLine')} guide="line" foot={<BackButton onBack={back} />}>
          <LinePicker titled={false} waiting={p.waiting} busyLine={null} onChoose={(line: BusinessLine) => show({ kind: 'services', line })} />
        </StepFrame>
      );
    case 'services':
      if (!catalog) return <p className="journey-loading">{t('kiosk.waitingUnknown')}</p>;
      return (
        <ServiceStep
          line={screen.line}
          services={catalog.services}
          booth={booth}
          onBack={back}
          onQuickTicket={booth ? null : () => show({ kind: 'quick', line: screen.line, sub: 'class' })}
          onChoose={(s) => {
            setService(s);
            setMembers([]);
            show({ kind: 'notice' });
          }}
        />
      );
    case 'quick':
      return (
        <QuickTicket
          line={screen.line}
          sub={screen.sub}
          lastCard={p.lastCard}
          onSub={(sub) => show({ kind: 'quick', line: screen.line, sub })}
          onBack={back}
          onFinish={p.onFinish}
        />
      );
    default:
      break;
  }

  if (!service || !catalog) return null;
  switch (screen.kind) {
    case 'notice':
      return <NoticeStep service={service} onBack={back} onContinue={() => show({ kind: 'identify', member: 0 })} />;
    case 'identify':
      return (
        <IdentifyStep
          key={screen.member}
          service={service}
          memberIndex={screen.member}
          lastCard={p.lastCard}
          lastScan={p.lastScan}
          taken={members.slice(0, screen.member).map((m) => m.identity.idNumber)}
          today={p.today}
          onBack={back}
          onIdentified={(identity, code) => identified(service, screen.member, identity, code)}
        />
      );
    case 'question': {
      const member = members[screen.member];
      const field = service.fields.find((f) => f.key === screen.key);
      if (!member || !field) return null;
      const seq = sequence(service, screen.member, member);
      const at = seq.findIndex((f) => f.key === field.key);
      const who = members.length > 1 || screen.member > 0 ? ` · ${t('journey.check.member', { n: screen.member + 1 })}` : '';
      return (
        <QuestionStep
          key={`${screen.member}-${field.key}`}
          field={field}
          catalog={catalog}
          answers={member.answers}
          count={!screen.review && at >= 0 ? { n: at + 1, total: seq.length } : null}
          caption={caption + who}
          today={p.today}
          onBack={back}
          onAnswer={(v) => answer(service, screen.member, field.key, v, screen.review)}
        />
      );
    }
    case 'materials': {
      const member = members[screen.member];
      if (!member) return null;
      return (
        <MaterialsStep
          key={screen.member}
          service={service}
          ticked={member.materials}
          caption={caption}
          onBack={back}
          onAnswer={(codes) => materialsAnswered(service, screen.member, codes)}
        />
      );
    }
    case 'blocked':
      return <BlockedStep service={service} missing={screen.missing} onChange={back} onFinish={p.onFinish} />;
    case 'check': {
      const lead = members[0];
      const birth = lead?.identity.known.birthDate ?? (typeof lead?.answers['birthDate'] === 'string' ? lead.answers['birthDate'] : undefined);
      const green = members.length === 1 && isGreenChannel(service, birth, p.today, p.greenAge);
      return (
        <CheckStep
          service={service}
          catalog={catalog}
          members={members}
          today={p.today}
          green={green}
          busy={submitter.busy !== null}
          errors={submitter.error ? submitErrors(service, submitter.error) : []}
          canAddMember={!!lead && takesMembers(service, lead.answers) && members.length < GROUP_MAX}
          onBack={back}
          onChangeField={(member, key) => show({ kind: 'question', member, key, review: true })}
          onChangeMaterials={(member) => show({ kind: 'materials', member, review: true })}
          onAddMember={() => show({ kind: 'identify', member: members.length })}
          onRemoveMember={(member) => setMembers((ms) => ms.filter((_, i) => i !== member))}
          onSubmit={() => submit(service)}
        />
      );
    }
    case 'confirmation':
      return result ? <ConfirmationStep service={service} result={result} booth={booth} onFinish={p.onFinish} /> : null;
    default:
      return null;
  }
}
