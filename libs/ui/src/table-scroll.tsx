import type { ReactNode } from 'react';

export interface TableScrollProps {
  /** What the table holds, e.g. its caption: the name screen readers give the scrolling box. */
  label: string;
  /** A feature's own spacing for the box. */
  className?: string;
  children: ReactNode;
}

/**
 * The box a table wider than the screen scrolls in, so the page itself never scrolls sideways. It is
 * a named region in the tab order: a keyboard can only scroll what it can focus (WCAG 2.1.1).
 */
export function TableScroll({ label, className, children }: TableScrollProps) {
  return (
    // A scrolling region is the one non-interactive element that must take focus: without it a
    // keyboard cannot reach the columns past the edge (axe: scrollable-region-focusable).
    // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex
    <div className={className ? `dd-table-scroll ${className}` : 'dd-table-scroll'} role="region" aria-label={label} tabIndex={0}>
      {children}
    </div>
  );
}
