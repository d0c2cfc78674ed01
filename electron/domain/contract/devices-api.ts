import { z } from 'zod';
import { DetectedDeviceSchema, DetectionSourceSchema, DeviceTestResultSchema } from '../devices/detected-device.js';
import { DeviceConfigSchema, DevicePatchSchema, DeviceSchema } from '../devices/device-contract.js';
import { ADMIN, SUPERVISORS } from './access.js';
import { IdParam, None, readRoute, route } from './route-spec.js';

/** ID card readers and scanners: their configuration and health, admin only. */
export const devicesApi = {
  listDevices: readRoute('/api/devices', ADMIN, z.object({ devices: z.array(DeviceSchema), simulated: z.boolean() })),

  createDevice: route({
    method: 'POST',
    path: '/api/devices',
    access: ADMIN,
    staff: SUPERVISORS,
    params: None,
    query: None,
    body: DeviceConfigSchema,
    response: z.object({ device: DeviceSchema }),
  }),

  updateDevice: route({
    method: 'PUT',
    path: '/api/devices/:id',
    access: ADMIN,
    staff: SUPERVISORS,
    params: IdParam,
    query: None,
    body: DevicePatchSchema,
    response: z.object({ device: DeviceSchema }),
  }),

  /** What the hub's machine has attached (serial ports, USB, HID), to add a device by choosing it. */
  detectDevices: readRoute(
    '/api/devices/detected',
    ADMIN,
    z.object({ devices: z.array(DetectedDeviceSchema), sources: z.array(DetectionSourceSchema) }),
    SUPERVISORS,
  ),

  /** Asks the device now (a reader's SAM status) and says how it answered. */
  testDevice: route({
    method: 'POST',
    path: '/api/devices/:id/test',
    access: ADMIN,
    staff: SUPERVISORS,
    params: IdParam,
    query: None,
    body: None,
    response: z.object({ result: DeviceTestResultSchema }),
  }),

  deleteDevice: route({
    method: 'DELETE',
    path: '/api/devices/:id',
    access: ADMIN,
    staff: SUPERVISORS,
    params: IdParam,
    query: None,
    body: None,
    response: z.object({ device: DeviceSchema }),
  }),
} as const;
