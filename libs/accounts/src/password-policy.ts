import { DomainError } from '@dd/errors';

// The length and mix rules live in the shared zod schema; this catches what a schema cannot:
// passwords that are long but still guessable from lists or from the account itself.
const COMMON = [
  'password', 'wachtwoord', 'welkom', 'qwerty', 'azerty', 'letmein', 'iloveyou', 'admin',
  'datadividend', '123456', 'abcdef', 'geheim', 'zomer', 'winter', 'voorjaar', 'herfst',
];

export function assertPasswordNotGuessable(password: string, email: string, displayName: string): void {
  const lowered = password.toLowerCase();
  const stripped = lowered.replace(/[^a-z]/g, '');
  const localPart = email.split('@')[0]?.toLowerCase() ?? '';
  const name = displayName.toLowerCase().replace(/\s+/g, '');
  const tooCommon = COMMON.some((word) => stripped === word || (stripped.startsWith(word) && stripped.length - word.length < 3));
  const tooPersonal = (localPart.length >= 4 && lowered.includes(localPart)) || (name.length >= 4 && lowered.includes(name));
  const oneCharacter = new Set(lowered).size <= 3;
  if (tooCommon || tooPersonal || oneCharacter) {
    throw new DomainError(
      'WEAK_PASSWORD',
      'This password is too easy to guess. Avoid common words and your name or email address.',
    );
  }
}
