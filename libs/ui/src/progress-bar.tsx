import { useId } from 'react';
import { cx } from './class-names';

export interface ProgressBarProps {
  /** Names the bar, e.g. "Importing statement.csv". */
  label: string;
  /** 0–100; out-of-range values are clamped. */
  value: number;
  /** Spoken instead of the bare number, e.g. "40% of the rows read". */
  valueText?: string;
  className?: string;
}

/** Determinate progress: a visible label and percentage, announced as a native progressbar. */
export function ProgressBar({ label, value, valueText, className }: ProgressBarProps) {
  const labelId = useId();
  const percent = Math.round(Math.min(100, Math.max(0, Number.isFinite(value) ? value : 0)));
  return (
    <div className={cx('dd-progress', className)}>
      <div className="dd-progress__top">
        <span className="dd-progress__label" id={labelId}>
          {label}
        </span>
        <span className="dd-progress__value" aria-hidden="true">
          {percent}%
        </span>
      </div>
      <div
        className="dd-progress__track"
        role="progressbar"
        aria-labelledby={labelId}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent}
        aria-valuetext={valueText}
      >
        <span className="dd-progress__fill" style={{ width: `${percent}%` }} />
      </div>
    </div>
  );
}
