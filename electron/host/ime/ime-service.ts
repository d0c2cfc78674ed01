import { accessSync, constants, existsSync } from 'node:fs';
import { delimiter, isAbsolute, join } from 'node:path';
import type { HandwritingRequest, PinyinContext } from '../../domain/contract/ime-api.js';
import { normaliseStrokes, toSExpression } from './handwriting.js';
import { loadPinyinDictionary, type PinyinDictionary, type PinyinLookup } from './pinyin-dictionary.js';
import { zinniaProcess, type ZinniaProcess } from './zinnia-process.js';

/**
 * Where the recognisers' data lives. The defaults are where Debian's packages put it
 * (zinnia-utils, tegaki-zinnia-simplified-chinese, rime-data-pinyin-simp); a hall elsewhere
 * points at its own copies with YIZHAN_ZINNIA, YIZHAN_ZINNIA_MODEL and YIZHAN_PINYIN_DICT.
 */
export interface ImeOptions {
  zinniaCommand?: string;
  zinniaModel?: string;
  /** null: no frequency dictionary (pinyin-pro's readings alone). */
  pinyinDictionary?: string | null;
}

export const DEFAULT_IME: Required<ImeOptions> = {
  zinniaCommand: 'zinnia',
  zinniaModel: '/usr/share/tegaki/models/zinnia/handwriting-zh_CN.model',
  pinyinDictionary: '/usr/share/rime-data/pinyin_simp.dict.yaml',
};

export function imeOptionsFromEnv(env: NodeJS.ProcessEnv): ImeOptions {
  return {
    ...(env.YIZHAN_ZINNIA ? { zinniaCommand: env.YIZHAN_ZINNIA } : {}),
    ...(env.YIZHAN_ZINNIA_MODEL ? { zinniaModel: env.YIZHAN_ZINNIA_MODEL } : {}),
    ...(env.YIZHAN_PINYIN_DICT ? { pinyinDictionary: env.YIZHAN_PINYIN_DICT } : {}),
  };
}

/** The candidates zinnia is asked for; a request takes the first `limit` of them. */
const NBEST = 30;

export interface ImeService {
  status(): { handwriting: boolean; pinyin: boolean };
  /** Null when this machine has no handwriting recogniser. */
  recognise(req: HandwritingRequest): Promise<string[]> | null;
  pinyin(letters: string, context: PinyinContext, offset: number, limit: number): Promise<PinyinLookup>;
  close(): void;
}

function onPath(command: string): boolean {
  const runnable = (p: string) => {
    try {
      accessSync(p, constants.X_OK);
      return true;
    } catch {
      return false;
    }
  };
  if (isAbsolute(command)) return runnable(command);
  return (process.env.PATH ?? '').split(delimiter).some((dir) => dir !== '' && runnable(join(dir, command)));
}

export function imeService(options: ImeOptions, log: (line: string) => void): ImeService {
  const o = { ...DEFAULT_IME, ...options };
  const handwriting = existsSync(o.zinniaModel) && onPath(o.zinniaCommand);
  let zinnia: ZinniaProcess | null = null;
  let dictionary: Promise<PinyinDictionary> | null = null;
  let closed = false;
  if (!handwriting) log(`ime: no handwriting recogniser (needs ${o.zinniaCommand} and ${o.zinniaModel}); pinyin input only`);

  return {
    status: () => ({ handwriting, pinyin: true }),

    recognise(req) {
      if (!handwriting || closed) return null;
      zinnia ??= zinniaProcess({ command: o.zinniaCommand, model: o.zinniaModel, nbest: NBEST, timeoutMs: 3000, maxQueue: 8, log });
      return zinnia.classify(toSExpression(normaliseStrokes(req.strokes, req.width, req.height))).then((c) => c.slice(0, req.limit));
    },

    async pinyin(letters, context, offset, limit) {
      // Loaded once, on the first request (about a third of a second); a failure is not kept, so
      // the next request tries again.
      dictionary ??= loadPinyinDictionary(o.pinyinDictionary, log).then(
        (d) => {
          log(`ime: pinyin candidates ready (${d.source === 'rime' ? 'with word frequencies' : 'GB 2312 order'})`);
          return d;
        },
        (err: unknown) => {
          dictionary = null;
          throw err;
        },
      );
      return (await dictionary).lookup(letters, context, offset, limit);
    },

    close() {
      closed = true;
      zinnia?.close();
      zinnia = null;
    },
  };
}
