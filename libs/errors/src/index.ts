export { DomainError, ERROR_CODES, isDomainError } from './domain-error';
export type { ErrorCode, ErrorParams, ErrorReason, TransportCode } from './domain-error';
