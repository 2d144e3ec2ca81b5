import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';

/** WCAG 2.0 and 2.1, levels A and AA: what the European accessibility standard (EN 301 549) asks of a web page. */
const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/** The violations axe rates serious or critical on the page as it is now, one line each with where they are. */
export async function seriousAxeViolations(page: Page): Promise<string[]> {
  // axe.run in the page itself. The default evaluates axe's 500 KB source three times and opens a blank page per
  // check, so results from cross-origin frames can be combined; the portal has no frames, and that cost 1–2 s a
  // page (most of the page walk's time).
  const result = await new AxeBuilder({ page }).withTags(WCAG_TAGS).setLegacyMode().analyze();
  return result.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => `${violation.id} (${violation.impact}): ${violation.help} — ${violation.nodes.slice(0, 3).map((node) => node.target.join(' ')).join(' | ')}`);
}

/**
 * The controls on the page that show no sign of having the keyboard focus (WCAG 2.4.7). Each visible
 * control is focused in turn, after a key press so Chromium treats the focus as keyboard focus
 * (`:focus-visible`), and the look of the control, its parent, its label and its neighbours is
 * compared with the look before: an outline, a shadow, a border or a background that changes counts
 * (a visually hidden switch input shows its focus on the track next to it). Transitions are switched
 * off for the check, or the first frame of a fading outline would read as "no change".
 */
export async function controlsWithoutVisibleFocus(page: Page): Promise<string[]> {
  const noTransitions = await page.addStyleTag({ content: '*, *::before, *::after { transition: none !important; animation: none !important; }' });
  try {
    await page.keyboard.press('Shift');
    return await page.evaluate(() => {
      const selector = 'a[href], button, input:not([type="hidden"]), select, textarea, summary, [tabindex]:not([tabindex="-1"])';
      const properties = ['outline-style', 'outline-width', 'outline-color', 'box-shadow', 'border-top-color', 'border-bottom-color', 'background-color', 'text-decoration-line', 'color'] as const;
      const looks = (elements: (Element | null | undefined)[]) =>
        elements.map((element) => (element ? properties.map((property) => getComputedStyle(element).getPropertyValue(property)).join(';') : '')).join('|');
      const controls = [...document.querySelectorAll<HTMLElement>(selector)].filter(
        (element) => !(element as HTMLButtonElement).disabled && element.getClientRects().length > 0 && getComputedStyle(element).visibility !== 'hidden',
      );
      const missing: string[] = [];
      for (const control of controls) {
        const around = [control, control.parentElement, control.nextElementSibling, control.previousElementSibling, ...((control as HTMLInputElement).labels ?? [])];
        (document.activeElement as HTMLElement | null)?.blur();
        const before = looks(around);
        control.focus();
        if (document.activeElement !== control) continue; // not focusable after all (inert, or a hidden menu's item)
        if (before === looks(around)) {
          const name = control.getAttribute('aria-label') ?? control.textContent?.trim().slice(0, 40) ?? '';
          missing.push(`${control.tagName.toLowerCase()}${control.id ? `#${control.id}` : ''} “${name}”`);
        }
      }
      (document.activeElement as HTMLElement | null)?.blur();
      return missing;
    });
  } finally {
    await noTransitions.evaluate((style) => (style as HTMLStyleElement).remove());
  }
}

/** How far the page reaches past the right edge of the window, in CSS pixels (0: nothing scrolls sideways). */
export async function sidewaysOverflow(page: Page): Promise<number> {
  return page.evaluate(() => Math.max(0, document.documentElement.scrollWidth - window.innerWidth));
}
