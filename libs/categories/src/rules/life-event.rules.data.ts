import type { CategorisationRule } from '../rule.schema';
import { RULE_PRIORITY } from '../rule-priority';
import { rowsAt } from './rule-row';

const r = String.raw;
const lifeEvent = rowsAt(RULE_PRIORITY.protectedLifeEvent);

/**
 * The protected life event: trying for a child, a pregnancy, a newborn, and day care. These rules
 * read the counterparty and the description together (`text`), so a product named in the
 * description ("Nutrilon" at Albert Heijn, "ovulatietest" at Kruidvat, "luiers" at HEMA) outranks
 * the shop's own sellable category. A false positive only hides a payment from sale; a miss could
 * sell the inference that someone is pregnant, so the lists are deliberately broad.
 */
export const PROTECTED_LIFE_EVENT_RULES: readonly CategorisationRule[] = [
  // Listed first so a day-care line that also says "baby" ("babygroep") gets the more precise label.
  // Debit only: a salary from a childcare organisation is income, and the childcare allowance
  // ("kinderopvangtoeslag", also reclaimed as "toeslag kinderopvang") stays a benefit.
  lifeEvent(
    'childcare.day-care',
    'text',
    r`(?<!toeslag )(?<!toeslagen )kinderopvang(?!toeslag)|\bkinderdag(verblijf|opvang)|\bkdv\b|\bbuitenschoolse opvang\b|\bnaschoolse opvang\b|\bbso\b|\bpeuter ?(speelzaal|opvang|groep|speelgroep)|\bgastouder|\bpartou\b|\bkinderrijk\b|\bsmall ?steps\b|\bhumankind\b|\bkinder ?garden\b|\bkids ?first\b|\bkibeo\b|\bdoomijn\b|\bnorlandia\b`,
    'childcare',
    'Day care, after-school care, playgroups and childminders (gastouders), by word or by chain. Unlike toys or school costs, a first day-care bill dates a birth to within months.',
    'debit',
  ),
  lifeEvent('pregnancy.baby-stores', 'text', r`\bprenatal\b|\bbaby ?dump\b|\bbabypark\b|\bbabyxl\b|\bbaby ?world\b|\bbabyland\b|\bmamaloes\b|\bbabysuperstore\b|\bnoppies\b|\bmama ?licious\b`, 'pregnancy_baby', 'Baby and pregnancy stores, and maternity fashion.'),
  lifeEvent(
    'pregnancy.baby-brands',
    'text',
    r`\bnutrilon\b|\bolvarit\b|\bpampers\b|\bbugaboo\b|\bjoolz\b|\bmaxi ?cosi\b|\bhuggies\b|\blibero\b|\bbambo nature\b|\baptamil\b|\bkendamil\b|\balmiron\b|\bneolac\b|\bkabrita\b|\bnutricia\b|\bfriso ?(baby|lac|gold|peuter)\b|\bhero baby\b|\bbambix\b|\bhipp\b|\bellas kitchen\b|\bavent\b|\btommee tippee\b|\bmedela\b|\blansinoh\b|\bdifrax\b|\bstokke\b|\bcybex\b|\bmutsy\b|\beasywalker\b|\bjollein\b|\bmeyco\b`,
    'pregnancy_baby',
    'Baby formula, baby food, nappies, bottles, breast pumps, prams and car seats by brand: in a description at a supermarket or drugstore they outrank the shop.',
  ),
  lifeEvent(
    'pregnancy.infant-products',
    'text',
    r`\bzuigelingen ?voeding|\bflesvoeding|\bkunstvoeding|\bopvolgmelk|\bgroeimelk|\bborstvoeding|\bborstkolf|\bmoedermelk|\blactatiekund|\bfopspeen|\bzuigfles|\b(zwem|wegwerp|wasbare ?)?luier(?![a-z ]{0,20}volwassen)|\bbillendoekjes|\bkinderwagen|\bwandelwagen|\bautostoeltje|\bdraagzak|\bwiegje?\b|\brompertje`,
    'pregnancy_baby',
    'Infant formula, feeding, nappies and baby gear by word, compounds included ("zwemluiers"); nappies "voor volwassenen" are incontinence care and go to health instead.',
  ),
  lifeEvent('pregnancy.maternity-care', 'text', r`\bkraamzorg\b|\bkraam(pakket|feest|bureau|centrum|hulp|verzorging|verzorgende|cadeau|mand|tijd|week|visite)\b|\bkraamvogel\b|\bgeboortezorg|\bgeboortecentrum|\bbevalling|\bdoula\b|\bconsultatiebureau`, 'pregnancy_baby', 'Maternity care at home (kraamzorg), maternity packs and gifts, birth centres, doulas and the baby clinic (consultatiebureau). Never "kraam" alone: it is also a market stall.'),
  lifeEvent('pregnancy.midwife', 'text', r`\bverloskund|\bvroedvrouw`, 'pregnancy_baby', 'A midwife is health care too; the life event outranks health so it is marked as both restricted and a pregnancy signal.'),
  lifeEvent(
    'pregnancy.fertility',
    'text',
    r`\bkinderwens|\bivf\b|\bicsi\b|\biui\b|\bfertilit|\bvruchtbaarheid|\bovulatie|\beiceldonati|\bspermabank|\bzaaddonor|\bnij geertgen\b|\bnij barrahus\b|\bclearblue\b|\bpredictor\b|\bfoliumzuur|\belevit\b|\bfreya\b.{0,40}\b(lidmaatschap|contributie|vruchtbaar)`,
    'pregnancy_baby',
    'Trying for a child: fertility clinics and treatments, ovulation and pregnancy tests, folic acid and prenatal vitamins, the infertility patients\' association (Freya, only with a membership word).',
  ),
  lifeEvent(
    'pregnancy.keyword',
    'text',
    r`\bzwanger|\bpretecho\b|\becho ?(centrum|praktijk)\b|\bpositie ?(kleding|mode|broek|jurk|bh)\b|\bgeboorte ?(kaart|aankondiging|lijst)|\b(roze|blauwe) muisjes\b|\bbaby(?!sit|bels?\b|lon)`,
    'pregnancy_baby',
    'Words that reveal a pregnancy or a newborn: pregnancy courses and tests, 3D scans, maternity wear, birth cards, birth sprinkles and every "baby…" compound. Babysitting, Babybel cheese and Babylon are not baby products.',
  ),
];
