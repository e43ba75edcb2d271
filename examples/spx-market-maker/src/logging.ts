/**
 * Logging: structured JSON lines to a file and readable lines on the console, one pino logger.
 *
 * @module
 */
import { Writable } from 'node:stream';
import pino, { type Logger } from 'pino';
import type { LogLevel } from './config.js';

/** Where readable console lines go (the status panel wraps the terminal to keep its place). */
export interface ConsoleSink {
  /** Writes one complete line (no trailing newline). */
  writeLine(line: string): void;
}

/**
 * Field paths pino censors before anything is written, file or console.
 *
 * @remarks Keys, key paths and request signatures must never reach a log. The bot never logs
 * them on purpose; this is the safety net for an error object or options bag that carries one.
 */
export const REDACT_PATHS: readonly string[] = [
  'privateKey',
  'privateKeyPem',
  'privateKeyPath',
  'signature',
  'headers',
  'authorization',
  '*.privateKey',
  '*.privateKeyPem',
  '*.privateKeyPath',
  '*.signature',
  '*.headers',
  '*.authorization',
  'err.request',
  'err.options',
];

const HIDDEN = new Set(['level', 'time', 'msg', 'pid', 'hostname']);
const LEVEL_NAMES: Record<number, string> = {
  10: 'TRACE',
  20: 'DEBUG',
  30: 'INFO ',
  40: 'WARN ',
  50: 'ERROR',
  60: 'FATAL',
};

function formatValue(v: unknown): string {
  if (typeof v === 'string') return /\s/.test(v) ? JSON.stringify(v) : v;
  if (v !== null && typeof v === 'object') {
    const o = v as Record<string, unknown>;
    if (typeof o.message === 'string') return JSON.stringify(o.message);
    return JSON.stringify(v);
  }
  return String(v);
}

/**
 * Turns one pino JSON line into a readable console line: `HH:MM:SS LEVEL message key=value ...`.
 *
 * @remarks Lines that are not JSON pass through unchanged.
 */
export function formatConsoleLine(json: string): string {
  let rec: Record<string, unknown>;
  try {
    rec = JSON.parse(json) as Record<string, unknown>;
  } catch {
    return json.trimEnd();
  }
  const time = typeof rec.time === 'number' ? new Date(rec.time).toISOString().slice(11, 19) : '--:--:--';
  const level = LEVEL_NAMES[rec.level as number] ?? String(rec.level);
  const parts = [`${time} ${level} ${String(rec.msg ?? '')}`];
  for (const [k, v] of Object.entries(rec)) {
    if (HIDDEN.has(k) || v === undefined) continue;
    parts.push(`${k}=${formatValue(v)}`);
  }
  return parts.join(' ');
}

class ConsoleStream extends Writable {
  readonly #sink: ConsoleSink;
  #pending = '';
  constructor(sink: ConsoleSink) {
    super();
    this.#sink = sink;
  }
  override _write(chunk: Buffer | string, _enc: BufferEncoding, done: (error?: Error | null) => void): void {
    this.#pending += chunk.toString();
    let nl = this.#pending.indexOf('\n');
    while (nl >= 0) {
      const line = this.#pending.slice(0, nl);
      this.#pending = this.#pending.slice(nl + 1);
      if (line !== '') this.#sink.writeLine(formatConsoleLine(line));
      nl = this.#pending.indexOf('\n');
    }
    done();
  }
}

/** Options of {@link createLogger}. */
export interface BotLoggerOptions {
  /** JSON log file path (appended); `null` for no file. */
  file: string | null;
  /** Minimum level. */
  level: LogLevel;
  /** Console sink; `null` for no console output. */
  console: ConsoleSink | null;
}

/** The bot's logger plus a way to flush the file before exit. */
export interface BotLogger {
  /** The pino logger. */
  logger: Logger;
  /** Flushes and closes the file destination. */
  close(): Promise<void>;
}

/**
 * Creates the bot's pino logger: JSON to `file`, readable lines to `console`, secrets redacted.
 */
export function createLogger(options: BotLoggerOptions): BotLogger {
  const streams: pino.StreamEntry[] = [];
  const file =
    options.file === null
      ? null
      : pino.destination({ dest: options.file, append: true, mkdir: true, sync: true });
  if (file !== null) streams.push({ level: options.level, stream: file });
  if (options.console !== null)
    streams.push({ level: options.level, stream: new ConsoleStream(options.console) });
  const logger = pino(
    {
      level: options.level,
      base: { pid: process.pid },
      redact: { paths: [...REDACT_PATHS], censor: '[redacted]' },
      serializers: { err: pino.stdSerializers.err },
    },
    pino.multistream(streams),
  );
  return {
    logger,
    close: async () => {
      if (file === null) return;
      file.flushSync();
      file.end();
    },
  };
}
