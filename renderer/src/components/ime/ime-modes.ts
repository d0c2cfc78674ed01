import { useState } from 'react';
import type { TextEntry } from '@domain/catalog/catalog-schema.js';
import { useQuery } from '../../data/use-query.js';

/** How a citizen writes into a text box on a screen without a keyboard. */
export type ImeMode = 'handwriting' | 'pinyin' | 'letters' | 'digits' | 'plate';

/** What is being written: the catalog's kinds of text field, other Chinese text, and a message
 * typed at the counter (a few words in any script, numbers too). */
export type EntryKind = TextEntry | 'text' | 'message';

const MODES: Record<EntryKind, readonly ImeMode[]> = {
  // Chinese names by hand or pinyin; a foreigner's name in Latin letters.
  name: ['handwriting', 'pinyin', 'letters'],
  address: ['handwriting', 'pinyin', 'digits', 'letters'],
  // 蒙A·12345: the province's character, then letters and digits.
  plate: ['plate', 'letters'],
  text: ['handwriting', 'pinyin'],
  message: ['handwriting', 'pinyin', 'letters', 'digits'],
};

/** The ways offered for a kind, best first; handwriting only where the host can read it. */
export function modesFor(kind: EntryKind, handwriting: boolean): readonly ImeMode[] {
  return MODES[kind].filter((m) => m !== 'handwriting' || handwriting);
}

/** The way a field opens with: a name asked of someone reading the English screen is most likely a
 * foreign name in Latin letters; otherwise the first (handwriting, which needs no pinyin). */
export function defaultMode(kind: EntryKind, language: string, handwriting: boolean): ImeMode {
  const modes = modesFor(kind, handwriting);
  if (kind === 'name' && language === 'en') return 'letters';
  return modes[0] ?? 'pinyin';
}

/**
 * The ways offered for a field and the one in use, kept by the page (whose spoken guidance follows
 * it). Until the host has said whether it reads handwriting, it is assumed to. `kind` null: the
 * page asks no text (hooks run on every page all the same).
 */
export function useImeMode(kind: EntryKind | null, language: string): { modes: readonly ImeMode[]; mode: ImeMode; setMode: (m: ImeMode) => void } {
  // Asked only where there is text to write.
  const handwriting = useQuery('imeStatus', kind === null ? null : {}).data?.handwriting ?? true;
  const [chosen, setMode] = useState<ImeMode | null>(null);
  if (kind === null) return { modes: [], mode: 'pinyin', setMode };
  const modes = modesFor(kind, handwriting);
  const mode = chosen !== null && modes.includes(chosen) ? chosen : defaultMode(kind, language, handwriting);
  return { modes, mode, setMode };
}

/** The spoken guidance of a text question, by the way the citizen is writing (digits need none
 * beyond the question's own). */
export function guideFor(mode: ImeMode): 'handwriting' | 'pinyin' | 'letters' | 'plate' | 'question' {
  return mode === 'digits' ? 'question' : mode;
}
