import { pino, type Logger, type LoggerOptions } from 'pino';

export type { Logger };

/** JSON logs in production, readable lines on a terminal. Secrets never reach a log line. */
export function createLogger(options: { level: string; name: string; pretty?: boolean }): Logger {
  const base: LoggerOptions = {
    name: options.name,
    level: options.level,
    redact: {
      paths: ['req.headers.cookie', 'req.headers.authorization', 'res.headers["set-cookie"]', '*.password', '*.passwordHash'],
      censor: '[redacted]',
    },
  };
  if (options.pretty) {
    return pino({ ...base, transport: { target: 'pino-pretty', options: { colorize: true, ignore: 'pid,hostname' } } });
  }
  return pino(base);
}
