import { describe, expect, it } from 'vitest';
import { NAMESPACES, resources } from './i18n';
import { loadNamespace } from './namespace-backend';

describe('texts loaded on demand', () => {
  // The portal bundles only the Dutch shared texts; everything else comes through the backend.
  const onDemand = (['nl', 'en'] as const).flatMap((language) =>
    NAMESPACES.filter((namespace) => !(language === 'nl' && namespace === 'translation')).map((namespace) => [language, namespace] as const),
  );

  it.each(onDemand)('loads %s "%s", the same texts the tests use', async (language, namespace) => {
    expect(await loadNamespace(language, namespace)).toBe(resources[language][namespace]);
  });

  it('refuses a namespace that has no module, naming the file it expected', async () => {
    await expect(loadNamespace('en', 'noSuchFeature')).rejects.toThrow('../features/no-such-feature/no-such-feature.en.ts');
  });
});
