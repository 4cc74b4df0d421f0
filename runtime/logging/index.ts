/**
 * runtime/logging — pino loggers shaped like Flux's zap output: `{"level":"info","ts":"…","msg":"…",
 * …fields}` for --log-encoding=json, and zap-console-like `ts\tLEVEL\tmsg\t{fields}` lines for
 * --log-encoding=console. Levels follow Flux's --log-level (debug, info, error; trace too).
 */
import { pino } from 'pino';
import type { DestinationStream, Logger } from 'pino';

export type { Logger } from 'pino';
export type LogLevel = 'trace' | 'debug' | 'info' | 'warn' | 'error';
export type LogEncoding = 'json' | 'console';

export interface LoggerOptions {
  /** @default "info" */
  readonly level?: LogLevel;
  /** @default "json" */
  readonly encoding?: LogEncoding;
  /** Where lines go. @default process.stderr (as controller-runtime's zap) */
  readonly destination?: { write(line: string): unknown };
}

export function parseLogLevel(v: string): LogLevel {
  const l = v.toLowerCase();
  if (l === 'trace' || l === 'debug' || l === 'info' || l === 'warn' || l === 'error') return l;
  throw new Error(`invalid --log-level "${v}": want one of trace, debug, info, error`);
}

export function parseLogEncoding(v: string): LogEncoding {
  if (v === 'json' || v === 'console') return v;
  throw new Error(`invalid --log-encoding "${v}": want json or console`);
}

/** Formats one pino JSON line the way zap's console encoder does. */
export function consoleLine(json: string): string {
  let rec: Record<string, unknown>;
  try {
    rec = JSON.parse(json) as Record<string, unknown>;
  } catch {
    return json;
  }
  const { level, ts, msg, ...rest } = rec;
  const fields = Object.keys(rest).length ? `\t${JSON.stringify(rest)}` : '';
  return `${String(ts)}\t${String(level).toUpperCase()}\t${String(msg ?? '')}${fields}\n`;
}

export function createLogger(opts: LoggerOptions = {}): Logger {
  const out = opts.destination ?? process.stderr;
  const encoding = opts.encoding ?? 'json';
  const dest: DestinationStream = {
    write: (line: string) => {
      out.write(encoding === 'console' ? consoleLine(line) : line);
    },
  };
  return pino(
    {
      level: opts.level ?? 'info',
      base: null,
      messageKey: 'msg',
      timestamp: () => `,"ts":"${new Date().toISOString()}"`,
      formatters: { level: (label) => ({ level: label }) },
      // Defence in depth: secrets never reach a log line even if a caller passes them.
      redact: { paths: ['password', 'token', '*.password', '*.token', 'headers.Authorization', 'headers.authorization'], censor: '[redacted]' },
    },
    dest,
  );
}
