/**
 * HID POS barcode scanners (usage page 0x8C, usage 0x02), Honeywell-style input reports
 * (hardware.md §4): byte 0 report id 0x02, byte 1 data length (1–56), bytes 2–4 AIM symbology id
 * (`]` c m), data from byte 5, byte 63 bit 0 set when more reports follow. A long QR code arrives
 * as several reports and is joined here.
 */
export const HID_POS_REPORT_ID = 0x02;
export const HID_POS_REPORT_BYTES = 64;
const DATA_OFFSET = 5;
const MAX_DATA_PER_REPORT = 56;
/** 16 reports hold 896 bytes, more than any appointment or receipt code we print or read. */
export const MAX_SCAN_REPORTS = 16;

export type HidPosErrorCode = 'bad_report_id' | 'bad_report_size' | 'bad_length' | 'bad_symbology' | 'too_long' | 'bad_text';

export class HidPosError extends Error {
  constructor(
    readonly code: HidPosErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'HidPosError';
  }
}

export interface Scan {
  text: string;
  /** AIM symbology identifier, e.g. "]Q1" for QR, "]C0" for Code 128. */
  symbology: string;
}

export type HidPosItem = { kind: 'scan'; scan: Scan } | { kind: 'error'; error: HidPosError } | { kind: 'partial' };

export interface HidPosAssembler {
  push(report: Uint8Array): HidPosItem;
  /** Drop a half-joined code (the scanner stopped mid-code). */
  reset(): void;
  readonly partialReports: number;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

export function createHidPosAssembler(): HidPosAssembler {
  let parts: Uint8Array[] = [];
  let symbology = '';

  const fail = (code: HidPosErrorCode, message: string): HidPosItem => {
    parts = [];
    return { kind: 'error', error: new HidPosError(code, message) };
  };

  return {
    push(report) {
      if (report.length < DATA_OFFSET + 1 || report.length > HID_POS_REPORT_BYTES) return fail('bad_report_size', `report of ${report.length} bytes`);
      if (report[0] !== HID_POS_REPORT_ID) return fail('bad_report_id', `report id ${report[0] ?? 0}`);
      const len = report[1] ?? 0;
      if (len < 1 || len > MAX_DATA_PER_REPORT || DATA_OFFSET + len > report.length) return fail('bad_length', `data length ${len}`);
      const aim = String.fromCharCode(report[2] ?? 0, report[3] ?? 0, report[4] ?? 0);
      if (!/^\][A-Za-z][0-9A-Za-z]$/.test(aim)) return fail('bad_symbology', 'AIM id is not ]cm');
      if (parts.length === 0) symbology = aim;
      parts.push(report.slice(DATA_OFFSET, DATA_OFFSET + len));
      if (parts.length > MAX_SCAN_REPORTS) return fail('too_long', `more than ${MAX_SCAN_REPORTS} reports`);
      const more = report.length === HID_POS_REPORT_BYTES && ((report[HID_POS_REPORT_BYTES - 1] ?? 0) & 1) === 1;
      if (more) return { kind: 'partial' };
      const total = parts.reduce((n, p) => n + p.length, 0);
      const joined = new Uint8Array(total);
      let at = 0;
      for (const p of parts) {
        joined.set(p, at);
        at += p.length;
      }
      parts = [];
      let text: string;
      try {
        text = utf8.decode(joined);
      } catch {
        return fail('bad_text', 'code is not UTF-8');
      }
      return { kind: 'scan', scan: { text, symbology } };
    },
    reset() {
      parts = [];
    },
    get partialReports() {
      return parts.length;
    },
  };
}

/** The reports a scanner sends for one code: what the simulator emits and the tests feed. */
export function encodeHidPosReports(text: string, symbology = ']Q1'): Uint8Array[] {
  const bytes = new TextEncoder().encode(text);
  const reports: Uint8Array[] = [];
  for (let at = 0; at < bytes.length || reports.length === 0; at += MAX_DATA_PER_REPORT) {
    const chunk = bytes.subarray(at, at + MAX_DATA_PER_REPORT);
    const r = new Uint8Array(HID_POS_REPORT_BYTES);
    r[0] = HID_POS_REPORT_ID;
    r[1] = chunk.length;
    for (let i = 0; i < 3; i++) r[2 + i] = symbology.charCodeAt(i) & 0xff;
    r.set(chunk, DATA_OFFSET);
    r[HID_POS_REPORT_BYTES - 1] = at + MAX_DATA_PER_REPORT < bytes.length ? 1 : 0;
    reports.push(r);
  }
  return reports;
}
