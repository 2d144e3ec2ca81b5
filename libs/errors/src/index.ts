export { DomainError, ERROR_CODES, isDomainError } from './domain-error';
export type { ErrorCode, TransportCode } from './domain-error';
