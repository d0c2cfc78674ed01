import type { ServiceWindow, Ticket } from '@domain/contract/schemas.js';
import { callApi } from '../../api/client.js';

/* The clerk's one-word actions on a window, by name: each answer is typed by its route's schema. */

export type TicketActionName = 'recall' | 'startServing' | 'finishServing' | 'markNoShow';
export type WindowActionName = 'openWindow' | 'pauseWindow' | 'resumeWindow' | 'closeWindow' | 'takeOverWindow';

export async function ticketAction(name: TicketActionName, windowId: number): Promise<Ticket> {
  const r = await callApi(name, { params: { id: windowId } });
  return r.ticket;
}

export async function windowAction(name: WindowActionName, windowId: number): Promise<ServiceWindow> {
  const r = await callApi(name, { params: { id: windowId } });
  return r.window;
}

export async function callNext(windowId: number): Promise<{ ticket: Ticket | null; finished: Ticket | null }> {
  return callApi('callNext', { params: { id: windowId } });
}
