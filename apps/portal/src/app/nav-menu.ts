/**
 * The phone menu is a disclosure: a button that shows and hides the role's navigation. What each
 * event does is decided here, as data, so it can be tested without a browser.
 */
export type NavMenuEvent = 'toggle' | 'escape' | 'navigate' | 'outside';

export interface NavMenuState {
  open: boolean;
}

export interface NavMenuOutcome {
  open: boolean;
  /** Escape returns focus to the menu button, so keyboard users are not left on a hidden link. */
  focusButton: boolean;
}

export function navMenuTransition(state: NavMenuState, event: NavMenuEvent): NavMenuOutcome {
  switch (event) {
    case 'toggle':
      return { open: !state.open, focusButton: false };
    case 'escape':
      return { open: false, focusButton: state.open };
    // Following a link or clicking elsewhere closes the menu; focus goes where the click went.
    case 'navigate':
    case 'outside':
      return { open: false, focusButton: false };
  }
}
