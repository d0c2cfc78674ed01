import type { Db } from '../../db/open.js';
import type { FieldCipher } from '../../db/field-cipher.js';
import type { TerminalStore } from '../../db/terminals.js';
import type { TicketStore } from '../../db/tickets.js';
import type { WindowStore } from '../../db/windows.js';
import type { AppointmentStore } from '../../db/appointments.js';
import type { AuditStore } from '../../db/audit.js';
import type { ConversationStore } from '../../db/conversation.js';
import type { SettingsStore } from '../../db/settings.js';
import type { StaffStore } from '../../db/staff.js';
import type { EventHub } from './events/event-hub.js';
import type { DeviceManager } from './devices/device-manager.js';
import type { PrintingService } from './printing/printing-service.js';
import type { StatePusher } from './events/state-pusher.js';
import type { issueBatcher } from './queue/issue-batcher.js';
import type { CatalogService } from './catalog-service.js';
import type { AgentRegistry } from './agents/agent-registry.js';
import type { Presence } from './agents/presence.js';
import type { ImeService } from './ime/ime-service.js';
import type { CalendarService } from './cases/calendar-service.js';
import type { BackOfficeService } from './back-office/back-office-service.js';
import type { CityForwarder } from './city-link/city-forwarder.js';

/** Everything a request handler may use; built once in start-host. */
export interface HostContext {
  version: string;
  /** Where folder printers set on screens may write (HostOptions.printerRoot); null: nowhere. */
  printerRoot: string | null;
  databasePath: string;
  schemaVersion: number;
  db: Db;
  /** Seals and opens personal data (ID numbers, names, form answers) for the stores. */
  cipher: FieldCipher;
  tickets: TicketStore;
  windows: WindowStore;
  terminals: TerminalStore;
  staff: StaffStore;
  settings: SettingsStore;
  audit: AuditStore;
  appointments: AppointmentStore;
  conversation: ConversationStore;
  events: EventHub;
  printing: PrintingService;
  pushState: StatePusher;
  issuer: ReturnType<typeof issueBatcher>;
  clock: () => number;
  /** The hall's IANA time zone (Asia/Shanghai unless --time-zone says otherwise). */
  timeZone: string;
  /** Today's service day in the hall's time zone, from the injected clock. */
  today: () => string;
  log: (line: string) => void;
  /** ID card readers and scanners: settings, health, and where their reads go. */
  devices: DeviceManager;
  /** Hall terminals' agents: their machines, devices and printers (issue 15). */
  agents: AgentRegistry;
  /** Which terminals' screens and agents are connected now. */
  presence: Presence;
  /** The service catalog with the supervisor's fee and time-limit overrides: read services only here. */
  catalog: CatalogService;
  /** The on-screen input's handwriting and pinyin recognisers (stateless: nothing asked is kept). */
  ime: ImeService;
  /** Working days: the statutory holidays and 调休 with the supervisor's corrections. */
  calendar: CalendarService;
  /** The back offices: outbox delivery, online checks, the outage line (issue 13). */
  backOffice: BackOfficeService;
  /** The hall's link to the city (issue 16): forwards the city feed; the hall never waits on it. */
  city: CityForwarder;
}
