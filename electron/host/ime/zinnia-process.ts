import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';

/**
 * Zinnia (Taku Kudo's online handwriting recogniser, libzinnia) through its command-line tool from
 * Debian's zinnia-utils, kept running and fed one character per line on stdin:
 *
 *     (character (width 1000)(height 1000)(strokes ((x y)(x y)…)(…)))
 *
 * It answers each line with `Answer: ` and then exactly `nbest` lines `<character> <score>`.
 *
 * Why a child process rather than libzinnia in-process (an FFI package or a node-gyp addon): the
 * host holds the hall's queue, and a fault in a C library fed by a stranger's finger must not take
 * it down; the tool needs no build for Node's and Electron's two ABIs and no new npm dependency;
 * the model (26 MB) is mapped once by the long-lived process, so one character costs about a
 * millisecond. The price is framing, which is why only lines this host built are ever written
 * (see handwriting.ts: integers in a fixed shape), one at a time, with a timeout that kills and
 * replaces a process that stops answering.
 *
 * Nothing written is kept: the tool reads a line, answers, and forgets it; stderr (which would
 * only say that a line did not parse) is read and dropped, never logged.
 */
export interface ZinniaOptions {
  command: string;
  model: string;
  /** Candidates per answer (the tool's -n). */
  nbest: number;
  /** A character not answered within this is given up and the process replaced. */
  timeoutMs: number;
  /** Requests waiting beyond the one being answered; more are refused at once. */
  maxQueue: number;
  log: (line: string) => void;
}

/** The recogniser is busy beyond its queue, or its process failed: the caller answers 429/503. */
export class RecogniserError extends Error {
  constructor(
    readonly reason: 'busy' | 'failed',
    message: string,
  ) {
    super(message);
    this.name = 'RecogniserError';
  }
}

interface Job {
  line: string;
  /** Sent again once already, after its process died under it. */
  retried: boolean;
  resolve: (candidates: string[]) => void;
  reject: (err: Error) => void;
}

export interface ZinniaProcess {
  /** Candidates for one S-expression line, best first. */
  classify(line: string): Promise<string[]>;
  /** Stops the process; waiting requests fail. */
  close(): void;
}

export function zinniaProcess(opts: ZinniaOptions): ZinniaProcess {
  let child: ChildProcessWithoutNullStreams | null = null;
  let closed = false;
  const queue: Job[] = [];
  let current: { job: Job; started: boolean; lines: string[]; timer: NodeJS.Timeout } | null = null;
  let pending = '';

  const fail = (job: Job, err: Error) => job.reject(err);

  const stop = (why: string, retry = false) => {
    const c = child;
    child = null;
    pending = '';
    if (c) {
      c.removeAllListeners();
      c.stdout.removeAllListeners();
      c.stdin.removeAllListeners();
      c.stdin.on('error', () => undefined);
      c.kill('SIGKILL');
    }
    if (current) {
      clearTimeout(current.timer);
      // A process that ended between two characters may have been handed the next one as it
      // went: that one is sent once more to a fresh process. One that ends a process twice fails.
      if (retry && !current.job.retried) queue.unshift({ ...current.job, retried: true });
      else fail(current.job, new RecogniserError('failed', why));
      current = null;
    }
  };

  const start = (): ChildProcessWithoutNullStreams => {
    const c = spawn(opts.command, ['-m', opts.model, '-n', String(opts.nbest)], {
      stdio: ['pipe', 'pipe', 'pipe'],
      env: { PATH: process.env.PATH ?? '', LC_ALL: 'C.UTF-8' },
    });
    c.stdout.setEncoding('utf8');
    c.stdout.on('data', (chunk: string) => onOutput(chunk));
    c.stderr.resume();
    c.stdin.on('error', () => undefined);
    c.on('error', (err) => {
      opts.log(`ime: handwriting recogniser could not run (${(err as NodeJS.ErrnoException).code ?? err.message})`);
      stop('recogniser not running');
      next();
    });
    // 'close', not 'exit': an answer written just before exiting is still in the pipe at 'exit'.
    c.on('close', (code, signal) => {
      if (child !== c) return;
      opts.log(`ime: handwriting recogniser stopped (${signal ?? `exit ${code ?? '?'}`}); started again on the next character`);
      stop('recogniser stopped', true);
      next();
    });
    return c;
  };

  const onOutput = (chunk: string) => {
    pending += chunk;
    let nl = pending.indexOf('\n');
    while (nl >= 0) {
      const line = pending.slice(0, nl);
      pending = pending.slice(nl + 1);
      onLine(line);
      nl = pending.indexOf('\n');
    }
  };

  const onLine = (line: string) => {
    if (!current) return;
    if (!current.started) {
      if (line.startsWith('Answer:')) current.started = true;
      return;
    }
    current.lines.push(line);
    if (current.lines.length < opts.nbest) return;
    const done = current;
    current = null;
    clearTimeout(done.timer);
    // "<character> <score>": the character is everything before the last space.
    done.job.resolve(done.lines.map((l) => l.slice(0, l.lastIndexOf(' '))).filter((c) => c !== ''));
    next();
  };

  const next = () => {
    if (closed || current) return;
    const job = queue.shift();
    if (!job) return;
    child ??= start();
    const timer = setTimeout(() => {
      opts.log('ime: handwriting recogniser did not answer in time; replaced');
      stop('recogniser timed out');
      next();
    }, opts.timeoutMs);
    current = { job, started: false, lines: [], timer };
    child.stdin.write(`${job.line}\n`);
  };

  return {
    classify(line) {
      if (closed) return Promise.reject(new RecogniserError('failed', 'recogniser closed'));
      if (line.includes('\n')) return Promise.reject(new Error('one line per character'));
      if (queue.length >= opts.maxQueue) return Promise.reject(new RecogniserError('busy', 'recogniser busy'));
      return new Promise<string[]>((resolve, reject) => {
        queue.push({ line, retried: false, resolve, reject });
        next();
      });
    },
    close() {
      closed = true;
      stop('recogniser closed');
      for (const job of queue.splice(0)) fail(job, new RecogniserError('failed', 'recogniser closed'));
    },
  };
}
