import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { listTransactionsInput, payoutBatchesInput, signInInput, signUpCustomerInput, TEXT_ERROR_KEYS, updateConsentInput } from '@dd/contract';
import { resources } from './i18n';

const messagesOf = (schema: { safeParse: (input: unknown) => { error?: { issues: { message: string }[] } } }, input: unknown) =>
  schema.safeParse(input).error?.issues.map((issue) => issue.message) ?? [];

describe('the shared text rules’ messages', () => {
  it('are translated in both languages, whatever input produced them', async () => {
    const keys = new Set<string>([
      ...Object.values(TEXT_ERROR_KEYS),
      ...messagesOf(signUpCustomerInput, { displayName: 'Eva\u0000', email: 'eva@example.nl', password: 'Tulpenveld\u0000Lente-7' }),
      ...messagesOf(signInInput, { email: 'eva@example.nl', password: 'geheim\u0007' }),
      ...messagesOf(listTransactionsInput, { cursor: '2026-02-30_1' }),
      ...messagesOf(payoutBatchesInput, { cursor: 'not a cursor' }),
      ...messagesOf(updateConsentInput, { changes: [{ category: 'groceries\u202e', purpose: 'insights', granted: true }] }),
    ]);
    expect([...keys]).toEqual(
      expect.arrayContaining(['validation.hiddenCharacters', 'validation.passwordHiddenCharacters', 'validation.cursorInvalid', 'validation.codeInvalid']),
    );
    for (const language of ['nl', 'en'] as const) {
      const instance = i18next.createInstance();
      await instance.init({ resources, lng: language, interpolation: { escapeValue: false } });
      for (const key of keys) expect(instance.exists(key), `${language} ${key}`).toBe(true);
    }
  });
});
