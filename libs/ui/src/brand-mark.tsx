import { cx } from './class-names';

/** The DataDividend mark: a coin split into a share that returns to its owner. Decorative. */
export function BrandMark({ size = 32, className }: { size?: number; className?: string }) {
  return (
    <svg className={cx('dd-brand-mark', className)} width={size} height={size} viewBox="0 0 32 32" aria-hidden="true" focusable="false">
      <rect width="32" height="32" rx="9" fill="var(--dd-color-primary)" />
      <circle cx="16" cy="16" r="8.5" fill="none" stroke="#fff" strokeWidth="2.4" />
      <path d="M16 7.5A8.5 8.5 0 0 1 24.5 16H16Z" fill="var(--dd-color-accent-bright)" />
    </svg>
  );
}
