import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';

/** WCAG 2.0 and 2.1, levels A and AA: what the portal promises. */
export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

export interface Violation {
  id: string;
  impact: string;
  help: string;
  targets: string[];
}

/** Runs axe on the page (or on the part `include` selects) and returns its serious and critical findings. */
export async function seriousViolations(page: Page, include?: string): Promise<Violation[]> {
  let builder = new AxeBuilder({ page }).withTags(WCAG_TAGS);
  if (include) builder = builder.include(include);
  const results = await builder.analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({ id: v.id, impact: v.impact ?? '', help: v.help, targets: v.nodes.map((n) => n.target.join(' ')) }));
}

/** One line per finding, with every element it was found on: what a failing test prints. */
export function describeViolations(where: string, violations: readonly Violation[]): string {
  if (violations.length === 0) return `${where}: no serious or critical violations`;
  return [`${where}: ${violations.length} serious or critical violation(s)`, ...violations.map((v) => `  [${v.impact}] ${v.id}: ${v.help}\n      ${v.targets.join('\n      ')}`)].join('\n');
}

export interface FocusProblem {
  control: string;
  problem: string;
}

/**
 * Focuses every control in the tab order, one by one, and reports those that show no visible sign of
 * it: neither the control nor what draws it (a parent, its label, the styled sibling of a hidden
 * native input) changes its outline or shadow. The Tab press first puts Chromium in keyboard mode,
 * where focusing from script matches :focus-visible like a Tab would.
 */
export async function controlsWithoutVisibleFocus(page: Page): Promise<FocusProblem[]> {
  await page.keyboard.press('Tab');
  return page.evaluate(() => {
    const selector = 'a[href], button, input, select, textarea, summary, [tabindex]';
    const problems: { control: string; problem: string }[] = [];
    const describe = (el: Element) => {
      const name = el.getAttribute('aria-label') ?? (el as HTMLElement).innerText?.trim().slice(0, 40) ?? '';
      const id = el.id ? `#${el.id}` : '';
      const cls = typeof el.className === 'string' && el.className ? `.${el.className.trim().split(/\s+/).join('.')}` : '';
      return `${el.tagName.toLowerCase()}${id}${cls}${name ? ` “${name}”` : ''}`;
    };
    const rendered = (el: Element) => {
      const box = el.getBoundingClientRect();
      return box.width >= 4 && box.height >= 4 && getComputedStyle(el).visibility !== 'hidden';
    };
    const look = (el: Element) => {
      const style = getComputedStyle(el);
      const outline = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0 ? `${style.outlineStyle} ${style.outlineWidth} ${style.outlineColor}` : 'none';
      return `${outline}|${style.boxShadow}|${style.borderColor}|${style.backgroundColor}`;
    };
    for (const el of Array.from(document.querySelectorAll<HTMLElement>(selector))) {
      if (el.tabIndex < 0 || (el as HTMLButtonElement).disabled || el.closest('[inert], [aria-hidden="true"]')) continue;
      if (el.getClientRects().length === 0) continue;
      if (el instanceof HTMLInputElement && el.type === 'hidden') continue;
      const sibling = el.nextElementSibling;
      const candidates = [
        el,
        el.parentElement,
        el.parentElement?.parentElement,
        ...(sibling ? [sibling, ...Array.from(sibling.querySelectorAll('*')).slice(0, 12)] : []),
        ...Array.from((el as HTMLInputElement).labels ?? []),
      ].filter((c): c is Element => c instanceof Element && rendered(c));
      if (candidates.length === 0) continue;
      el.blur();
      const before = candidates.map(look);
      el.focus();
      if (document.activeElement !== el) continue;
      if (!el.matches(':focus-visible')) {
        problems.push({ control: describe(el), problem: 'does not match :focus-visible when focused from the keyboard' });
        continue;
      }
      const changed = candidates.some((c, i) => {
        const now = look(c);
        if (now === before[i]) return false;
        const [outline, shadow] = now.split('|');
        return outline !== 'none' || shadow !== 'none';
      });
      if (!changed) problems.push({ control: describe(el), problem: 'shows no outline or ring when focused' });
    }
    (document.activeElement as HTMLElement | null)?.blur();
    return problems;
  });
}

/** Nothing sticks out sideways: the page never scrolls horizontally. */
export async function sidewaysOverflow(page: Page): Promise<{ scrollWidth: number; clientWidth: number; widest: string[] }> {
  return page.evaluate(() => {
    const root = document.scrollingElement ?? document.documentElement;
    const clientWidth = root.clientWidth;
    // The elements that reach past the right edge, to say what to fix.
    const widest = Array.from(document.body.querySelectorAll('*'))
      .filter((el) => el.getBoundingClientRect().right > clientWidth + 1)
      .slice(0, 5)
      .map((el) => `${el.tagName.toLowerCase()}${typeof el.className === 'string' && el.className ? `.${el.className.trim().split(/\s+/).join('.')}` : ''}`);
    return { scrollWidth: root.scrollWidth, clientWidth, widest };
  });
}
