import { useId, useState, type ReactNode } from 'react';
import { barFraction, niceTicks, tickStep } from './chart-scale';
import { cx } from './class-names';

export interface BarChartDatum {
  key: string;
  label: string;
  value: number;
  /** An extra column in the data table, e.g. "12 payments". */
  detail?: string;
  /** `muted` draws the bar in grey, e.g. for data that is never shared. */
  tone?: 'default' | 'muted';
}

export interface BarChartProps {
  title: string;
  headingLevel?: 2 | 3;
  description?: ReactNode;
  data: readonly BarChartDatum[];
  /** Full value, e.g. "€ 1.249,00": next to bars and in the table. */
  formatValue: (value: number) => string;
  /**
   * Axis labels of the vertical chart, given the tick and the step between ticks (so a formatter can
   * show cents only when the step needs them); defaults to `formatValue`.
   */
  formatTick?: (value: number, step: number) => string;
  /** The smallest meaningful step of the vertical axis: 1 for counts and cents (the default), 0 for any. */
  minTickStep?: number;
  /** Horizontal bars suit long labels (categories); vertical columns suit a time series (months). */
  orientation?: 'horizontal' | 'vertical';
  /** Column headers of the data table. */
  labelHeader: string;
  valueHeader: string;
  detailHeader?: string;
  /** Button texts for switching between the chart and the same data as a visible table. */
  toggleLabels: { showTable: string; showChart: string };
  className?: string;
}

/**
 * A dependency-free bar chart. The drawing is decorative (aria-hidden); the same numbers are in a
 * real table that screen readers always get, and that anyone can show instead of the chart.
 */
export function BarChart({
  title,
  headingLevel = 3,
  description,
  data,
  formatValue,
  formatTick = formatValue,
  minTickStep = 1,
  orientation = 'horizontal',
  labelHeader,
  valueHeader,
  detailHeader,
  toggleLabels,
  className,
}: BarChartProps) {
  const titleId = useId();
  const [asTable, setAsTable] = useState(false);
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  const max = Math.max(0, ...data.map((d) => Math.abs(d.value)));
  const showDetail = Boolean(detailHeader) && data.some((d) => d.detail !== undefined);

  return (
    <figure className={cx('dd-bar-chart', className)} aria-labelledby={titleId}>
      <div className="dd-bar-chart__head">
        <div className="dd-bar-chart__titles">
          <Heading className="dd-bar-chart__title" id={titleId}>
            {title}
          </Heading>
          {description ? <div className="dd-bar-chart__description">{description}</div> : null}
        </div>
        <button type="button" className="dd-bar-chart__toggle" aria-pressed={asTable} onClick={() => setAsTable((v) => !v)}>
          {asTable ? toggleLabels.showChart : toggleLabels.showTable}
        </button>
      </div>

      {asTable ? null : orientation === 'horizontal' ? (
        <HorizontalBars data={data} max={max} formatValue={formatValue} />
      ) : (
        <VerticalBars data={data} max={max} formatValue={formatValue} formatTick={formatTick} minTickStep={minTickStep} />
      )}

      {/* Hidden on a wrapper: a table does not shrink to 1px, and would widen the page on phones. */}
      <div className={asTable ? 'dd-bar-chart__table-wrap' : 'dd-visually-hidden'}>
        <table className="dd-table dd-bar-chart__table">
          <caption className="dd-visually-hidden">{title}</caption>
          <thead>
            <tr>
              <th scope="col">{labelHeader}</th>
              <th scope="col" className="dd-table__number">
                {valueHeader}
              </th>
              {showDetail ? (
                <th scope="col" className="dd-table__number">
                  {detailHeader}
                </th>
              ) : null}
            </tr>
          </thead>
          <tbody>
            {data.map((d) => (
              <tr key={d.key}>
                <th scope="row">{d.label}</th>
                <td className="dd-table__number">{formatValue(d.value)}</td>
                {showDetail ? <td className="dd-table__number">{d.detail ?? ''}</td> : null}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </figure>
  );
}

interface BarsProps {
  data: readonly BarChartDatum[];
  max: number;
  formatValue: (value: number) => string;
}

function HorizontalBars({ data, max, formatValue }: BarsProps) {
  return (
    <div className="dd-bar-chart__rows" aria-hidden="true">
      {data.map((d) => (
        <div key={d.key} className="dd-bar-chart__row">
          <span className="dd-bar-chart__label">{d.label}</span>
          <span className="dd-bar-chart__track">
            <span
              className={cx('dd-bar-chart__bar', d.tone === 'muted' && 'dd-bar-chart__bar--muted')}
              style={{ width: `${barFraction(d.value, max) * 100}%` }}
            />
          </span>
          <span className="dd-bar-chart__value">{formatValue(d.value)}</span>
        </div>
      ))}
    </div>
  );
}

function VerticalBars({ data, max, formatValue, formatTick, minTickStep }: BarsProps & { formatTick: (value: number, step: number) => string; minTickStep: number }) {
  const ticks = niceTicks(max, 4, minTickStep);
  const step = tickStep(ticks);
  const top = ticks.at(-1) ?? 1;
  return (
    <div className="dd-bar-chart__columns" aria-hidden="true">
      <div className="dd-bar-chart__plot">
        {ticks.map((tick) => (
          <span key={tick} className="dd-bar-chart__gridline" style={{ bottom: `${(tick / top) * 100}%` }}>
            <span className="dd-bar-chart__tick">{formatTick(tick, step)}</span>
          </span>
        ))}
        <div className="dd-bar-chart__bars">
          {data.map((d) => (
            <div key={d.key} className="dd-bar-chart__column" title={`${d.label}: ${formatValue(d.value)}`}>
              <span
                className={cx('dd-bar-chart__bar', 'dd-bar-chart__bar--vertical', d.tone === 'muted' && 'dd-bar-chart__bar--muted')}
                style={{ height: `${barFraction(d.value, top) * 100}%` }}
              />
            </div>
          ))}
        </div>
      </div>
      <div className="dd-bar-chart__axis">
        {data.map((d) => (
          <span key={d.key} className="dd-bar-chart__axis-label">
            {d.label}
          </span>
        ))}
      </div>
    </div>
  );
}
