import type { BusinessLine } from '@domain/business-lines.js';

/** Where the citizen is. Each screen is one question (GOV.UK), reached forward or by going back. */
export type Screen =
  | { kind: 'welcome' }
  | { kind: 'progress' }
  | { kind: 'line' }
  | { kind: 'services'; line: BusinessLine }
  | { kind: 'quick'; line: BusinessLine; sub: 'class' | 'appointment' | 'group' | 'green' }
  | { kind: 'notice' }
  | { kind: 'identify'; member: number }
  | { kind: 'question'; member: number; key: string; review: boolean }
  | { kind: 'materials'; member: number; review: boolean }
  | { kind: 'blocked'; member: number; missing: string[] }
  | { kind: 'check' }
  | { kind: 'confirmation' };
