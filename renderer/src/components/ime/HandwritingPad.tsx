import { useEffect, useRef, useState, type PointerEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { HANDWRITING_LIMITS } from '@domain/contract/ime-api.js';
import { useQuery } from '../../data/use-query.js';
import { CandidateBar } from './CandidateBar.js';
import { fitStrokes, MIN_STEP, type Point, type Stroke } from './strokes.js';

/**
 * Handwriting: one character at a time in a box, written with a finger; after every stroke the
 * host's recogniser (Zinnia) proposes characters, and a tap on one writes it. The strokes live in
 * this component only: a chosen character, "write again" or the idle wipe (which unmounts the
 * journey) drops them.
 */
export function HandwritingPad({ onPick, onBackspace, disabled }: { onPick: (text: string) => void; onBackspace: () => void; disabled: boolean }) {
  // A new box per character: its strokes and the candidates read for them go with it.
  const [n, setN] = useState(0);
  return (
    <WritingBox
      key={n}
      disabled={disabled}
      onPick={(text) => {
        onPick(text);
        setN((k) => k + 1);
      }}
      onRewrite={() => setN((k) => k + 1)}
      onBackspace={onBackspace}
    />
  );
}

function WritingBox({
  onPick,
  onRewrite,
  onBackspace,
  disabled,
}: {
  onPick: (text: string) => void;
  onRewrite: () => void;
  onBackspace: () => void;
  disabled: boolean;
}) {
  const { t } = useTranslation();
  const canvas = useRef<HTMLCanvasElement>(null);
  const [strokes, setStrokes] = useState<Stroke[]>([]);
  const drawing = useRef<Stroke | null>(null);
  const [size, setSize] = useState<{ w: number; h: number } | null>(null);

  // The canvas backs its CSS size at the screen's pixel density, and is drawn again on a resize.
  useEffect(() => {
    const el = canvas.current;
    if (!el) return;
    const measure = () => {
      const r = el.getBoundingClientRect();
      const w = Math.round(r.width);
      const h = Math.round(r.height);
      if (w < 16 || h < 16) return;
      const dpr = window.devicePixelRatio || 1;
      // Setting a canvas's size clears it: only when it changes (the ink is then drawn again).
      if (el.width !== Math.round(w * dpr)) el.width = Math.round(w * dpr);
      if (el.height !== Math.round(h * dpr)) el.height = Math.round(h * dpr);
      setSize((s) => (s && s.w === w && s.h === h ? s : { w, h }));
    };
    measure();
    const ro = new ResizeObserver(measure);
    ro.observe(el);
    return () => ro.disconnect();
  }, []);

  useEffect(() => {
    const el = canvas.current;
    const ctx = el?.getContext('2d');
    if (!el || !ctx || !size) return;
    ctx.setTransform(el.width / size.w, 0, 0, el.height / size.h, 0, 0);
    ctx.clearRect(0, 0, size.w, size.h);
    for (const s of strokes) drawStroke(ctx, el, s);
  }, [strokes, size]);

  const args = size && strokes.length > 0 ? { body: { width: size.w, height: size.h, strokes: fitStrokes(strokes), limit: 10 } } : null;
  const read = useQuery('recogniseHandwriting', args);
  const candidates = strokes.length > 0 ? (read.data?.candidates ?? []) : [];
  const full = strokes.length >= HANDWRITING_LIMITS.maxStrokes;

  const pointAt = (e: PointerEvent<HTMLCanvasElement>): Point | null => {
    if (!size) return null;
    const r = e.currentTarget.getBoundingClientRect();
    const x = Math.round(Math.min(size.w, Math.max(0, e.clientX - r.left)));
    const y = Math.round(Math.min(size.h, Math.max(0, e.clientY - r.top)));
    return [x, y];
  };

  const down = (e: PointerEvent<HTMLCanvasElement>) => {
    if (disabled || full || !e.isPrimary) return;
    const p = pointAt(e);
    if (!p) return;
    e.currentTarget.setPointerCapture(e.pointerId);
    drawing.current = [p];
    const ctx = e.currentTarget.getContext('2d');
    if (ctx) drawStroke(ctx, e.currentTarget, [p]);
  };

  const move = (e: PointerEvent<HTMLCanvasElement>) => {
    const stroke = drawing.current;
    const last = stroke?.[stroke.length - 1];
    const p = pointAt(e);
    if (!stroke || !last || !p || Math.hypot(p[0] - last[0], p[1] - last[1]) < MIN_STEP) return;
    stroke.push(p);
    const ctx = e.currentTarget.getContext('2d');
    if (ctx) drawStroke(ctx, e.currentTarget, [last, p]);
  };

  const up = () => {
    const stroke = drawing.current;
    drawing.current = null;
    if (stroke) setStrokes((s) => [...s, stroke]);
  };

  return (
    <div className="ime-hand">
      <div className="ime-hand__box">
        <canvas
          ref={canvas}
          className="ime-hand__canvas"
          role="img"
          aria-label={t('ime.pad')}
          onPointerDown={down}
          onPointerMove={move}
          onPointerUp={up}
          onPointerCancel={up}
        />
      </div>
      <div className="ime-hand__side">
        <CandidateBar candidates={candidates} onPick={onPick} disabled={disabled} />
        {strokes.length > 0 && read.data && candidates.length === 0 ? <p className="ime__note">{t('ime.noMatch')}</p> : null}
        {read.error && strokes.length > 0 ? (
          <p className="ime__note" role="alert">
            {t(read.error.key)}
          </p>
        ) : null}
        <div className="ime__actions">
          <button type="button" className="ime-key ime-key--fn" disabled={disabled || strokes.length === 0} onClick={() => setStrokes((s) => s.slice(0, -1))}>
            {t('ime.undoStroke')}
          </button>
          <button type="button" className="ime-key ime-key--fn" disabled={disabled || strokes.length === 0} onClick={onRewrite}>
            {t('ime.rewrite')}
          </button>
          <button type="button" className="ime-key ime-key--fn" disabled={disabled} onClick={onBackspace}>
            {t('kiosk.keypad.backspace')}
          </button>
        </div>
      </div>
    </div>
  );
}

/** Ink in the canvas's own CSS colour (from the tokens), thick enough to see at arm's length. */
function drawStroke(ctx: CanvasRenderingContext2D, el: HTMLCanvasElement, s: Stroke): void {
  const [first, ...rest] = s;
  if (!first) return;
  ctx.strokeStyle = getComputedStyle(el).color;
  ctx.fillStyle = ctx.strokeStyle;
  ctx.lineWidth = 9;
  ctx.lineCap = 'round';
  ctx.lineJoin = 'round';
  if (rest.length === 0) {
    ctx.beginPath();
    ctx.arc(first[0], first[1], ctx.lineWidth / 2, 0, Math.PI * 2);
    ctx.fill();
    return;
  }
  ctx.beginPath();
  ctx.moveTo(first[0], first[1]);
  for (const [x, y] of rest) ctx.lineTo(x, y);
  ctx.stroke();
}
