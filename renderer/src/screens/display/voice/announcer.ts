import { stepLabel } from './tokens.js';
import type { AnnounceLanguage, ClipLanguage, Step } from './tokens.js';

/** Thrown by an output when the platform refuses to play without a user gesture (autoplay policy). */
export class PlaybackBlocked extends Error {
  constructor() {
    super('playback needs a user gesture');
    this.name = 'PlaybackBlocked';
  }
}

/** Where sound goes. Web Audio and speechSynthesis in the display; a fake in unit tests. */
export interface VoiceOutput {
  /** Resolves when the clip has finished; false when it could not be loaded or decoded. Throws
   * PlaybackBlocked when playing needs a gesture first. */
  playClip(url: string): Promise<boolean>;
  /** Speaks with the platform voice; false when the machine has no voice for the language. */
  speak(lang: AnnounceLanguage, text: string): Promise<boolean>;
  /** Called from a user gesture: allow playback from now on. */
  unlock(): Promise<boolean>;
}

export type AnnouncerState = 'idle' | 'playing' | 'blocked';

export interface PlayedEntry {
  /** Which announcement (1, 2, …) the step belonged to. */
  job: number;
  lang: AnnounceLanguage | 'chime';
  label: string;
  /** 'missing': no clip for this token (nothing to play; the screen still shows the call);
   * 'silent': no platform voice for the language (Mongolian on most machines). */
  result: 'played' | 'missing' | 'silent';
}

export interface AnnouncerSnapshot {
  state: AnnouncerState;
  queued: number;
  played: readonly PlayedEntry[];
}

export interface AnnouncerOptions {
  /** URL of a step's clip, or null when the set has none. */
  clipUrl: (step: { kind: 'chime' } | { kind: 'clip'; lang: ClipLanguage; token: string }) => string | null;
  /** Settles when the clip set (manifest) is known; steps wait for it. */
  ready?: Promise<unknown>;
  /** An announcement older than this when its turn comes is dropped: the screen has long shown it. */
  maxAgeMs?: number;
  /** Pending announcements kept at most (oldest dropped), so a burst never runs minutes late. */
  maxQueue?: number;
  now?: () => number;
}

interface Job {
  id: number;
  steps: readonly Step[];
  enqueuedAt: number;
}

const LOG_LIMIT = 200;

/**
 * The FIFO of call announcements. Each call enqueues its whole sequence (chime, tokens, …); a new
 * call never cuts off the one being spoken, it plays after it. When the platform blocks playback,
 * the current announcement waits at the head of the queue and starts again from its chime once
 * unlocked.
 */
export class Announcer {
  private readonly queue: Job[] = [];
  private readonly listeners = new Set<() => void>();
  private played: PlayedEntry[] = [];
  private state: AnnouncerState = 'idle';
  private running = false;
  private stopped = false;
  private nextId = 1;
  private snap: AnnouncerSnapshot = { state: 'idle', queued: 0, played: [] };

  constructor(
    private readonly output: VoiceOutput,
    private readonly options: AnnouncerOptions,
  ) {}

  enqueue(steps: readonly Step[]): number {
    if (this.stopped) return 0;
    const id = this.nextId++;
    this.queue.push({ id, steps, enqueuedAt: this.now() });
    const max = this.options.maxQueue ?? 20;
    while (this.queue.length > max) this.queue.shift();
    this.changed();
    void this.run();
    return id;
  }

  /** From a click on "tap to enable sound". */
  async unlock(): Promise<boolean> {
    const ok = await this.output.unlock();
    if (ok && this.state === 'blocked') {
      this.setState('idle');
      void this.run();
    }
    return ok;
  }

  // Arrow properties: passed unbound to useSyncExternalStore.
  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** Stable between changes (for useSyncExternalStore). */
  readonly snapshot = (): AnnouncerSnapshot => this.snap;

  /** The screen went away: drop what is pending and say nothing more until start(). */
  stop(): void {
    this.stopped = true;
    this.queue.length = 0;
    this.changed();
  }

  start(): void {
    this.stopped = false;
  }

  private blocked(): boolean {
    return this.state === 'blocked';
  }

  private now(): number {
    return (this.options.now ?? Date.now)();
  }

  private async run(): Promise<void> {
    if (this.running || this.state === 'blocked') return;
    this.running = true;
    try {
      await this.options.ready?.catch(() => undefined);
      // play() may have blocked us: ask again on every turn.
      while (!this.stopped && !this.blocked()) {
        const job = this.queue[0];
        if (!job) break;
        if (this.now() - job.enqueuedAt > (this.options.maxAgeMs ?? 120_000)) {
          this.queue.shift();
          continue;
        }
        this.setState('playing');
        const finished = await this.play(job);
        if (!finished) break;
        this.queue.shift();
        this.changed();
      }
    } finally {
      this.running = false;
      if (this.state === 'playing') this.setState('idle');
    }
  }

  /** Plays every step of a job; false when playback was blocked part-way (the job stays queued). */
  private async play(job: Job): Promise<boolean> {
    for (const step of job.steps) {
      if (this.stopped) return false;
      let result: PlayedEntry['result'];
      try {
        if (step.kind === 'speech') {
          result = (await this.output.speak(step.lang, step.text)) ? 'played' : 'silent';
        } else {
          const url = this.options.clipUrl(step);
          result = url !== null && (await this.output.playClip(url)) ? 'played' : 'missing';
        }
      } catch (e) {
        if (e instanceof PlaybackBlocked) {
          // The announcement starts again from its chime once sound is enabled.
          this.setState('blocked');
          return false;
        }
        // A broken clip or engine must not stop the queue: the screen shows the call anyway.
        result = 'missing';
      }
      this.log({ job: job.id, lang: step.kind === 'chime' ? 'chime' : step.lang, label: stepLabel(step), result });
    }
    return true;
  }

  private log(entry: PlayedEntry): void {
    this.played = [...this.played, entry].slice(-LOG_LIMIT);
    this.changed();
  }

  private setState(state: AnnouncerState): void {
    if (this.state === state) return;
    this.state = state;
    this.changed();
  }

  private changed(): void {
    this.snap = { state: this.state, queued: this.queue.length, played: this.played };
    for (const l of this.listeners) l();
  }
}
