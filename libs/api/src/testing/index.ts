// The API's test helpers for other projects' tests (the HTTP fuzz in apps/api): `@dd/api/testing`.
export { brokenPromises, ECHOES, isKnownEcho } from './error-contract';
export { fuzzCasesFor, type FuzzCases } from './fuzz-cases';
export { deepArray, deepObject, HOSTILE_STRINGS, MARKER, withProtoKey, type HostileCase } from './hostile-inputs';
export { expectedOutcome, PROCEDURES, ROLES, type FuzzRole, type ProcedureEntry } from './procedure-catalogue';
export { mailedVerificationToken, verifyMailedAddress } from './mailed-links';
export { answerSecondStep, isChallenge, nextTotpCode, signInThroughSecondStep } from './two-factor';
