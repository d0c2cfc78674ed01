import type { BackOfficeStore } from '../../../db/back-office.js';
import type { CaseStore } from '../../../db/cases.js';
import { SYSTEM_OF_LINE, type BackOfficeConnector, type BackOfficeSystem, type LookupResult } from '../../domain/back-office/back-office.js';
import type { BusinessLine } from '../../domain/business-lines.js';
import type { Service } from '../../domain/catalog/catalog-schema.js';

export interface VerifierOptions {
  store: BackOfficeStore;
  cases: CaseStore;
  connector: (system: BackOfficeSystem) => BackOfficeConnector | null;
  service: (code: string) => Service | undefined;
  clock: () => number;
  /** A case's verifications changed: the clerk's view is drawn again. */
  changed: (applicationId: number) => void;
}

export interface CaseToVerify {
  id: number;
  line: BusinessLine;
  serviceCode: string;
  idNumber: string;
}

/**
 * 数据跑路: the materials the catalog marks "fetched by data sharing" are looked up in the case's
 * back office, each within `limitMs`. Found → verified, not found → not_verified, could not ask
 * (down, slow, no link) → pending, stored so the clerk sees it and retried later in the background.
 */
export function verifier(o: VerifierOptions) {
  async function lookUp(c: CaseToVerify, codes: readonly string[], limitMs: number): Promise<void> {
    const connector = o.connector(SYSTEM_OF_LINE[c.line]);
    const results = await Promise.all(
      codes.map(async (code): Promise<[string, LookupResult]> => {
        if (!connector) return [code, 'pending'];
        try {
          return [code, await connector.verify(c.idNumber, code, AbortSignal.timeout(limitMs))];
        } catch {
          return [code, 'pending'];
        }
      }),
    );
    const now = o.clock();
    const before = new Map(o.cases.verifications(c.id).map((v) => [v.material_code, v.state]));
    for (const [code, state] of results) o.cases.setVerification(c.id, code, state, now, connector ? connector.system : '');
    if (results.some(([code, state]) => before.get(code) !== state)) o.changed(c.id);
  }

  return {
    /** Looks up every data-shared material of a new case; resolves within `limitMs` (plus a little). */
    async verifyNew(c: CaseToVerify, limitMs: number): Promise<void> {
      const codes = (o.service(c.serviceCode)?.materials ?? []).filter((m) => m.requirement === 'data_sharing').map((m) => m.code);
      if (codes.length > 0) await lookUp(c, codes, limitMs);
    },
    /** Asks again for what is still pending (the background round); how many cases were asked. */
    async retryPending(limitMs: number, max = 50): Promise<number> {
      const due = o.store.pendingVerifications(max);
      const byCase = new Map<number, string[]>();
      for (const p of due) byCase.set(p.application_id, [...(byCase.get(p.application_id) ?? []), p.material_code]);
      let asked = 0;
      for (const [id, codes] of byCase) {
        const row = o.cases.byId(id);
        // No link to its system (yet): nothing to ask, and no point rewriting 'pending'.
        if (!row?.applicant_id_number || !o.connector(SYSTEM_OF_LINE[row.line])) continue;
        asked += 1;
        await lookUp({ id, line: row.line, serviceCode: row.service_code, idNumber: row.applicant_id_number }, codes, limitMs);
      }
      return asked;
    },
  };
}

export type Verifier = ReturnType<typeof verifier>;
