/**
 * Precedence ladder for categorisation rules: the highest priority that matches wins; among equal
 * priorities the rule listed first wins. The bands are wide apart so a rule's band says why it wins.
 *
 * Special categories and the protected life event sit above everything else on purpose: when a
 * payment matches both a shop and a special-category signal ("Etos Apotheek"), marking it special
 * costs a little revenue, while the opposite would sell health data. The rule-set validator
 * enforces that only restricted categories use the top bands and that they never fall below them.
 */
export const RULE_PRIORITY = {
  /** Pregnancy, fertility, baby products and day care: beats even health (a midwife is both). */
  protectedLifeEvent: 1000,
  /** GDPR art. 9 categories. */
  special: 900,
  /** Unambiguous money movements: salary, taxes, own accounts, cash, rent to a housing corporation. */
  internal: 700,
  /** A brand's sub-brand that belongs elsewhere (Uber Eats is dining, Uber is mobility). */
  merchantException: 350,
  /** A named merchant or chain. */
  merchant: 300,
  /** Internal keywords that are too loose to beat a named merchant ("huur", buy-now-pay-later). */
  weakInternal: 200,
  /** Generic words such as "restaurant" or "tankstation". */
  keyword: 100,
} as const;

/** Lowest priority a special-category rule may have, and the ceiling for every other rule. */
export const RESTRICTED_PRIORITY_FLOOR = RULE_PRIORITY.special;
