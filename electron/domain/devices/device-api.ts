import { z } from 'zod';
import { IdParam, None, route } from '../contract/route-spec.js';
import { DeviceConfigSchema, DevicePatchSchema, DeviceSchema } from './device-contract.js';

/** The device routes of the contract (spread into `api`): configuration and health, admin only. */
export const deviceApi = {
  listDevices: route({
    method: 'GET',
    path: '/api/devices',
    access: ['admin'],
    params: None,
    query: None,
    body: None,
    response: z.object({ devices: z.array(DeviceSchema), simulated: z.boolean() }),
  }),

  createDevice: route({
    method: 'POST',
    path: '/api/devices',
    access: ['admin'],
    params: None,
    query: None,
    body: DeviceConfigSchema,
    response: z.object({ device: DeviceSchema }),
  }),

  updateDevice: route({
    method: 'PUT',
    path: '/api/devices/:id',
    access: ['admin'],
    params: IdParam,
    query: None,
    body: DevicePatchSchema,
    response: z.object({ device: DeviceSchema }),
  }),

  deleteDevice: route({
    method: 'DELETE',
    path: '/api/devices/:id',
    access: ['admin'],
    params: IdParam,
    query: None,
    body: None,
    response: z.object({ device: DeviceSchema }),
  }),
} as const;
