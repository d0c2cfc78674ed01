import type { ServiceWindow, Ticket } from '@domain/contract/schemas.js';
import { ApiError, callApi } from '../../api/client.js';

/*
 * The contract builds the window actions through one helper whose response parameter is a plain
 * ZodType, so their response types come out as `unknown`. callApi has already parsed each answer
 * with that route's own schema at run time; these wrappers only restore the static type.
 */

export type TicketActionName = 'recall' | 'startServing' | 'finishServing' | 'markNoShow';
export type WindowActionName = 'openWindow' | 'pauseWindow' | 'resumeWindow' | 'closeWindow';

export async function ticketAction(name: TicketActionName, windowId: number): Promise<Ticket> {
  const r = (await callApi(name, { params: { id: windowId } })) as { ticket: Ticket };
  return r.ticket;
}

export async function windowAction(name: WindowActionName, windowId: number): Promise<ServiceWindow> {
  const r = (await callApi(name, { params: { id: windowId } })) as { window: ServiceWindow };
  return r.window;
}

export async function callNext(windowId: number): Promise<{ ticket: Ticket | null; finished: Ticket | null }> {
  return (await callApi('callNext', { params: { id: windowId } })) as { ticket: Ticket | null; finished: Ticket | null };
}

/** The host no longer knows who is signed in here: the PIN must be asked for again. */
export function isSessionLost(e: unknown): boolean {
  return e instanceof ApiError && e.code === 'staff_sign_in_required';
}

export function isConflict(e: unknown): boolean {
  return e instanceof ApiError && e.code === 'conflict';
}
