import type { FontChoice } from '../fonts.js';
import type { RenderedPdf } from '../layout.js';
import { acceptanceReceipt } from './acceptance-receipt.js';
import { collectionReceipt } from './collection-receipt.js';
import { dailyReport } from './daily-report.js';
import { kinshipPledge } from './kinship-pledge.js';
import { oneTimeNotice } from './one-time-notice.js';
import { rejectionNotice } from './rejection-notice.js';
import { supplementNotice } from './supplement-notice.js';
import { ticketSlip } from './ticket-slip.js';
import type { DocumentRequest } from './types.js';
import { withdrawalNotice } from './withdrawal-notice.js';

/** One entry point for the queue: any document request to its PDF. */
export function renderDocument(req: DocumentRequest, font: FontChoice = 'cjk'): Promise<RenderedPdf> {
  switch (req.kind) {
    case 'ticket_slip':
      return ticketSlip(req.data, font);
    case 'one_time_notice':
      return oneTimeNotice(req.data, font);
    case 'acceptance_receipt':
      return acceptanceReceipt(req.data, font);
    case 'supplement_notice':
      return supplementNotice(req.data, font);
    case 'kinship_pledge':
      return kinshipPledge(req.data, font);
    case 'rejection_notice':
      return rejectionNotice(req.data, font);
    case 'collection_receipt':
      return collectionReceipt(req.data, font);
    case 'withdrawal_notice':
      return withdrawalNotice(req.data, font);
    case 'daily_report':
      return dailyReport(req.data, font);
  }
}

export { acceptanceReceipt, collectionReceipt, dailyReport, kinshipPledge, oneTimeNotice, rejectionNotice, supplementNotice, ticketSlip, withdrawalNotice };
