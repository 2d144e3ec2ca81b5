import type { ReactNode } from 'react';
import { cx } from './class-names';
import { Icon, type IconName } from './icon';

export interface EmptyStateProps {
  title: string;
  /** h1 when the state is the whole page (not found, load error), h2 inside a page. */
  headingLevel?: 1 | 2;
  icon?: IconName;
  description?: ReactNode;
  actions?: ReactNode;
  className?: string;
}

export function EmptyState({ title, headingLevel = 2, icon = 'search', description, actions, className }: EmptyStateProps) {
  const Heading = headingLevel === 1 ? 'h1' : 'h2';
  return (
    <div className={cx('dd-empty-state', className)}>
      <span className="dd-empty-state__icon">
        <Icon name={icon} size={28} />
      </span>
      <Heading className="dd-empty-state__title">{title}</Heading>
      {description ? <div className="dd-empty-state__description">{description}</div> : null}
      {actions ? <div className="dd-empty-state__actions">{actions}</div> : null}
    </div>
  );
}
