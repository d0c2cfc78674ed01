import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BusinessLine } from '@domain/business-lines.js';
import type { Ticket } from '@domain/contract/schemas.js';
import type { TicketClass } from '@domain/queue/calling-policy.js';
import { useCommand } from '../../../data/use-command.js';
import { AlertRegion } from '../../../components/AlertRegion.js';
import type { CardNotice } from '../../../devices/use-device-events.js';
import { AppointmentHolderStep } from '../AppointmentHolderStep.js';
import { AppointmentStep } from '../AppointmentStep.js';
import { ClassPicker } from '../ClassPicker.js';
import { GreenStep } from '../GreenStep.js';
import { GroupStep } from '../GroupStep.js';
import { TicketConfirmation } from '../TicketConfirmation.js';
import { catalogLanguage } from './journey-model.js';
import { newRequestId } from './request-id.js';
import { GuideText } from './StepFrame.js';

type Sub = 'class' | 'appointment' | 'group' | 'green';
type Request = { ticketClass: TicketClass; groupSize?: number; appointmentCode?: string; idNumber?: string };

/**
 * "Just take a ticket": the queue without pre-filling, for those who would rather tell a clerk —
 * ordinary, appointment, group or green channel.
 */
export function QuickTicket({
  line,
  sub,
  lastCard,
  onSub,
  onBack,
  onFinish,
}: {
  line: BusinessLine;
  sub: Sub;
  lastCard: CardNotice | null;
  onSub: (s: Sub) => void;
  onBack: () => void;
  onFinish: () => void;
}) {
  const { i18n } = useTranslation();
  // One request in flight: a double tap inside one frame still issues one ticket; and its key
  // makes a request whose answer was lost with the link issue it at most once when sent again.
  const issue = useCommand('issueTicket', { resend: true });
  const [requestId] = useState(newRequestId);
  const busy = issue.busy;
  const error = issue.error?.key ?? null;
  const [issued, setIssued] = useState<{ ticket: Ticket; ahead: number; estimate: number | null } | null>(null);
  // An appointment booked for a named person: its code, while the kiosk asks for their card or number.
  const [holderOf, setHolderOf] = useState<string | null>(null);

  const take = (req: Request) =>
    void issue
      .run({ body: { line, ...req, language: catalogLanguage(i18n.language), requestId } })
      .then((r) => r && setIssued({ ticket: r.ticket, ahead: r.ahead, estimate: r.estimatedWaitMinutes }));
  const pendingCode = useRef<string | null>(null);
  const identityAsked = issue.error?.code === 'appointment_identity_required';
  useEffect(() => {
    if (identityAsked && pendingCode.current) {
      setHolderOf(pendingCode.current);
      issue.clearError();
    }
  }, [identityAsked, issue]);

  if (issued) {
    return (
      <>
        <GuideText guide="ticketTaken" />
        <TicketConfirmation key={issued.ticket.id} ticket={issued.ticket} ahead={issued.ahead} estimate={issued.estimate} onDone={onFinish} />
      </>
    );
  }
  const body = () => {
    switch (sub) {
      case 'class':
        return <ClassPicker line={line} busy={busy} onBack={onBack} onChoose={(c) => (c === 'normal' ? take({ ticketClass: 'normal' }) : onSub(c))} />;
      case 'appointment':
        if (holderOf)
          return (
            <AppointmentHolderStep
              busy={busy}
              lastCard={lastCard}
              onBack={() => setHolderOf(null)}
              onIdNumber={(idNumber) => take({ ticketClass: 'appointment', appointmentCode: holderOf, idNumber })}
            />
          );
        return (
          <AppointmentStep
            busy={busy}
            onBack={onBack}
            onSubmit={(code) => {
              pendingCode.current = code;
              take({ ticketClass: 'appointment', appointmentCode: code });
            }}
          />
        );
      case 'group':
        return <GroupStep busy={busy} onBack={onBack} onSubmit={(n) => take({ ticketClass: 'group', groupSize: n })} />;
      case 'green':
        return <GreenStep busy={busy} onBack={onBack} onConfirm={() => take({ ticketClass: 'green' })} />;
    }
  };
  return (
    <>
      <AlertRegion messageKey={error} onDismiss={issue.clearError} />
      <GuideText guide="quick" />
      {body()}
    </>
  );
}
