import type { ReactNode } from 'react';
import { cx } from './class-names';
import { Icon, type IconName } from './icon';

export interface CardProps {
  title?: string;
  /** Heading level of the title within the page outline. */
  headingLevel?: 2 | 3;
  /** A step number or short label shown above the title. */
  eyebrow?: ReactNode;
  icon?: IconName;
  tone?: 'default' | 'muted' | 'brand';
  children?: ReactNode;
  footer?: ReactNode;
  className?: string;
  as?: 'section' | 'article' | 'div' | 'li';
}

export function Card({ title, headingLevel = 3, eyebrow, icon, tone = 'default', children, footer, className, as = 'div' }: CardProps) {
  const Root = as;
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <Root className={cx('dd-card', `dd-card--${tone}`, className)}>
      {icon || eyebrow ? (
        <div className="dd-card__top">
          {icon ? (
            <span className="dd-card__icon">
              <Icon name={icon} size={22} />
            </span>
          ) : null}
          {eyebrow ? <span className="dd-card__eyebrow">{eyebrow}</span> : null}
        </div>
      ) : null}
      {title ? <Heading className="dd-card__title">{title}</Heading> : null}
      {children ? <div className="dd-card__body">{children}</div> : null}
      {footer ? <div className="dd-card__footer">{footer}</div> : null}
    </Root>
  );
}
