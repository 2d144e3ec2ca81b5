import type { ReactNode } from 'react';
import { cx } from './class-names';

export type BadgeTone = 'neutral' | 'info' | 'success' | 'warning' | 'danger' | 'brand';

export interface BadgeProps {
  tone?: BadgeTone;
  children: ReactNode;
  /** A coloured dot before the text, for statuses. */
  dot?: boolean;
  className?: string;
}

export function Badge({ tone = 'neutral', dot = false, children, className }: BadgeProps) {
  return (
    <span className={cx('dd-badge', `dd-badge--${tone}`, className)}>
      {dot ? <span className="dd-badge__dot" aria-hidden="true" /> : null}
      {children}
    </span>
  );
}
