import { useTranslation } from 'react-i18next';
import type { CategoryKind, ReferenceLabels } from '../../app/reference-labels';

/** The kinds a transaction can have; profile facts are never one. */
const KINDS: readonly Exclude<CategoryKind, 'profile'>[] = ['sellable', 'special', 'protected_life_event', 'internal'];

/** Every category as `<optgroup>`s by kind, so "never shared" is visible while choosing. */
export function CategoryOptions({ labels }: { labels: ReferenceLabels }) {
  const { t } = useTranslation();
  return (
    <>
      {KINDS.map((kind) => {
        const options = labels.categories.filter((c) => c.kind === kind);
        if (options.length === 0) return null;
        return (
          <optgroup key={kind} label={t(`data.transactions.groups.${kind}`)}>
            {options.map((c) => (
              <option key={c.code} value={c.code}>
                {labels.category(c.code)}
              </option>
            ))}
          </optgroup>
        );
      })}
    </>
  );
}
