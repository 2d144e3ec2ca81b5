import type { ReactNode } from 'react';
import { cx } from './class-names';

export interface PageHeaderProps {
  title: string;
  eyebrow?: ReactNode;
  description?: ReactNode;
  /** Buttons or badges aligned with the title. */
  actions?: ReactNode;
  className?: string;
}

/** The page's one h1, so every route has a clear name for screen readers and focus management. */
export function PageHeader({ title, eyebrow, description, actions, className }: PageHeaderProps) {
  return (
    <div className={cx('dd-page-header', className)}>
      <div className="dd-page-header__text">
        {eyebrow ? <p className="dd-page-header__eyebrow">{eyebrow}</p> : null}
        <h1 className="dd-page-header__title">{title}</h1>
        {description ? <div className="dd-page-header__description">{description}</div> : null}
      </div>
      {actions ? <div className="dd-page-header__actions">{actions}</div> : null}
    </div>
  );
}
