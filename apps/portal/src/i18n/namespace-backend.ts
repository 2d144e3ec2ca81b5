import type { BackendModule, ReadCallback, ResourceKey } from 'i18next';

/**
 * Texts by namespace and language, each in a small chunk of its own: the shared `translation` texts
 * (`i18n/en.ts` exporting `en`) and the larger features' namespaces (`features/admin-payouts/admin-payouts.nl.ts`
 * exporting `adminPayoutsNl`). The first load carries only the Dutch shared texts; a page, the router or a
 * change of language fetches the rest.
 */
// Dutch shared texts are bundled (create-i18n.ts), and the segment builder's are part of them.
const modules = import.meta.glob<Record<string, ResourceKey>>(['./en.ts', '../features/*/*.nl.ts', '../features/*/*.en.ts', '!../features/segments/*']);

const kebab = (name: string) => name.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`);

/** Where a namespace's texts live, and the name they are exported under. */
export function namespaceModule(language: string, namespace: string): { file: string; exportName: string } {
  if (namespace === 'translation') return { file: `./${language}.ts`, exportName: language };
  const folder = kebab(namespace);
  return {
    file: `../features/${folder}/${folder}.${language}.ts`,
    exportName: `${namespace}${language.charAt(0).toUpperCase()}${language.slice(1)}`,
  };
}

export async function loadNamespace(language: string, namespace: string): Promise<ResourceKey> {
  const { file, exportName } = namespaceModule(language, namespace);
  const load = modules[file];
  if (!load) throw new Error(`No texts for namespace "${namespace}" in "${language}" (expected ${file})`);
  const texts = (await load())[exportName];
  if (!texts) throw new Error(`${file} does not export ${exportName}`);
  return texts;
}

/** i18next backend: loads a namespace the first time a page, the router or a change of language asks for it. */
export const namespaceBackend: BackendModule = {
  type: 'backend',
  init() {},
  read(language: string, namespace: string, callback: ReadCallback) {
    loadNamespace(language, namespace).then(
      (texts) => callback(null, texts),
      (error: unknown) => callback(error instanceof Error ? error : new Error(String(error)), false),
    );
  },
};
