import type { Catalog, Field, Service, Text } from '@domain/catalog/catalog-schema.js';
import type { FormValue } from '@domain/catalog/form-schema.js';

/** A catalog text in the clerk's language. */
export function pick(text: Text, language: string): string {
  return language === 'en' ? text.en : language === 'mn' ? text.mn : text['zh-CN'];
}

export function serviceOf(catalog: Catalog | null, code: string): Service | undefined {
  return catalog?.services.find((s) => s.code === code);
}

export function materialName(service: Service | undefined, code: string, language: string): string {
  const m = service?.materials.find((x) => x.code === code);
  return m ? pick(m.name, language) : code;
}

export function fieldLabel(service: Service | undefined, key: string, language: string): string {
  const f = service?.fields.find((x) => x.key === key);
  return f ? pick(f.label, language) : key;
}

/** An answer as a person reads it: the option's words, the pinyin name, or the text. */
export function answerText(field: Field | undefined, raw: FormValue | number | boolean | null | undefined, catalog: Catalog | null, language: string): string {
  if (raw === undefined || raw === null || raw === '') return '—';
  if (typeof raw === 'object') return `${raw.surname} ${raw.givenName}`.trim();
  const value = String(raw);
  const option = field?.options?.find((o) => o.value === value) ?? (field?.type === 'port' ? catalog?.ports.find((p) => p.value === value) : undefined);
  return option ? pick(option.label, language) : value;
}
