import type { ReactNode } from 'react';
import { cx } from './class-names';
import { Icon } from './icon';

export type AlertTone = 'info' | 'success' | 'warning' | 'danger';

export interface AlertProps {
  tone?: AlertTone;
  title?: string;
  children?: ReactNode;
  /** E.g. a retry button. */
  action?: ReactNode;
  className?: string;
}

/** Errors interrupt (role="alert"); everything else is announced politely (role="status"). */
export function Alert({ tone = 'info', title, children, action, className }: AlertProps) {
  return (
    <div className={cx('dd-alert', `dd-alert--${tone}`, className)} role={tone === 'danger' ? 'alert' : 'status'}>
      <span className="dd-alert__icon">
        <Icon name={tone} size={20} />
      </span>
      <div className="dd-alert__body">
        {title ? <p className="dd-alert__title">{title}</p> : null}
        {children ? <div className="dd-alert__text">{children}</div> : null}
      </div>
      {action ? <div className="dd-alert__action">{action}</div> : null}
    </div>
  );
}
