import { describeError } from '../../app/api-error';

/** Whether a request failed because its mailed link was used, expired or replaced (reason `tokenInvalid`). */
export function isLinkRefused(error: unknown): boolean {
  return describeError(error).reason?.code === 'tokenInvalid';
}
