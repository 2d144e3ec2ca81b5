import { cx } from './class-names';

export interface SpinnerProps {
  /** Read by screen readers, e.g. "Loading…". */
  label: string;
  size?: 'sm' | 'md' | 'lg';
  className?: string;
}

export function Spinner({ label, size = 'md', className }: SpinnerProps) {
  return (
    <span className={cx('dd-spinner', `dd-spinner--${size}`, className)} role="status">
      <span className="dd-spinner__circle" aria-hidden="true" />
      <span className="dd-visually-hidden">{label}</span>
    </span>
  );
}

export interface LoadingBlockProps {
  label: string;
  className?: string;
}

/** A region that is busy as a whole: a centred spinner with its label visible. */
export function LoadingBlock({ label, className }: LoadingBlockProps) {
  return (
    <div className={cx('dd-loading-block', className)} aria-busy="true">
      <span className="dd-spinner dd-spinner--lg" aria-hidden="true">
        <span className="dd-spinner__circle" />
      </span>
      <p className="dd-loading-block__label" role="status">
        {label}
      </p>
    </div>
  );
}
