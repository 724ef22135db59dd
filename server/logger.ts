// Structured JSON logs (pino). Redaction is a second line of defence: code
// should never log secrets in the first place, but if a header or a body field
// ever reaches a log call these paths are censored.
import pino, { type DestinationStream, type Logger } from 'pino';
import type { LogLevel } from './config';

const REDACT = [
  'password',
  'currentPassword',
  'newPassword',
  'token',
  'accessToken',
  'refreshToken',
  'authorization',
  'cookie',
  '*.password',
  '*.currentPassword',
  '*.newPassword',
  '*.token',
  '*.accessToken',
  '*.refreshToken',
  '*.authorization',
  '*.cookie',
  'headers.authorization',
  'headers.cookie',
];

export function createLogger(level: LogLevel, destination?: DestinationStream): Logger {
  const options = {
    level,
    base: { service: 'packyourbag' },
    redact: { paths: REDACT, censor: '[redacted]' },
  };
  return destination ? pino(options, destination) : pino(options);
}
