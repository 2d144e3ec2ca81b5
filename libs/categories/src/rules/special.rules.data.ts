import type { CategorisationRule } from '../rule.schema';
import { RULE_PRIORITY } from '../rule-priority';
import { rowsAt } from './rule-row';

const r = String.raw;
const baby = rowsAt(RULE_PRIORITY.protectedLifeEvent);
const special = rowsAt(RULE_PRIORITY.special);

/**
 * Special categories and the protected life event. Most of these rules read the counterparty and
 * the description together (`text`): a false positive here only hides a payment from sale, while a
 * miss could sell it, so these rules are deliberately broad.
 */
export const PROTECTED_LIFE_EVENT_RULES: readonly CategorisationRule[] = [
  baby('pregnancy.baby-stores', 'text', r`\bprenatal\b|\bbaby ?dump\b|\bbabypark\b|\bbabyxl\b|\bbaby ?world\b|\bbabyland\b|\bmamaloes\b`, 'pregnancy_baby', 'Baby and pregnancy stores.'),
  baby('pregnancy.baby-brands', 'text', r`\bnutrilon\b|\bolvarit\b|\bpampers\b|\bbugaboo\b|\bjoolz\b|\bmaxi ?cosi\b`, 'pregnancy_baby', 'Baby food, nappies and prams bought directly from the brand (often as a subscription).'),
  baby('pregnancy.maternity-care', 'text', r`\bkraamzorg\b|\bkraam(pakket|feest|bureau|centrum|hulp|verzorging)\b|\bkraamvogel\b`, 'pregnancy_baby', 'Maternity care at home (kraamzorg) and maternity packs.'),
  baby('pregnancy.midwife', 'text', r`\bverloskund|\bvroedvrouw`, 'pregnancy_baby', 'A midwife is health care too; the life event outranks health so it is marked as both restricted and a pregnancy signal.'),
  baby('pregnancy.keyword', 'text', r`\bzwanger|\bpretecho\b|\becho ?(centrum|praktijk)\b|\bgeboortekaart|\bbabyshower\b|\bbabyzwem|\bbabyspullen\b|\bbabykleding\b|\bbaby\b`, 'pregnancy_baby', 'Words that reveal a pregnancy or a newborn: pregnancy courses, 3D scans, birth cards, baby items.'),
];

export const SPECIAL_CATEGORY_RULES: readonly CategorisationRule[] = [
  // Health: pharmacies, GPs, hospitals, therapists, mental health and addiction care, insurers.
  special('health.pharmacy', 'text', r`(?<!dieren)apothe{1,2}k|\bpharmac(y|ie)\b|\bfarmac(ie|ia)\b|\bbenu\b|\bmediq\b|\bdoc ?morris\b`, 'health', 'Pharmacies, including one inside a drugstore ("Etos Apotheek"): a drugstore is not health, a pharmacy is. Vets\' pharmacies are excluded.'),
  special('health.gp', 'text', r`\bhuisarts|\bgezondheidscentrum\b|\bdokter\b|\bdoktersdienst\b|\bmedisch (centrum|specialist)`, 'health', 'General practitioners, out-of-hours GP posts, health centres and medical specialists.'),
  special('health.hospital', 'text', r`(?<!dieren)ziekenhuis|\bzkh\b|\bumcg?\b|\bradboudumc\b|\berasmus ?mc\b|\blumc\b|\bmumc\b|\bolvg\b|\bisala\b|\brijnstate\b|\bzuyderland\b|\bamphia\b|\bgasthuis\b|\bhaaglanden mc\b|\bmeander (mc|medisch)\b|\bantoni van leeuwenhoek\b|\bprinses maxima centrum\b|\bpolikliniek\b`, 'health', 'Hospitals and university medical centres. "Dierenziekenhuis" is a vet and excluded.'),
  special('health.clinic', 'text', r`(?<!dieren)kliniek\b|\bclinics?\b|\bzbc\b|\brevalidatie`, 'health', 'Private clinics (cosmetic, abortion, treatment centres) and rehabilitation.'),
  special('health.dental', 'text', r`\btandarts|\bmondhygi|\borthodont|\bkaakchirurg|\btandprothet|\bdentist|\bdental\b`, 'health', 'Dentists, dental hygienists, orthodontists.'),
  special('health.therapy', 'text', r`\bfysio|\bmanueel therap|\boefentherap|\bpodotherap|\bpodolo|\bergotherap|\blogoped|\bdietist|\bhuidtherap|\bchiropract|\bosteopa|\bacupunct|\bhaptotherap`, 'health', 'Physiotherapy and other paramedical care.'),
  special('health.mental', 'text', r`\bpsycholo|\bpsychiat|\bpsychotherap|\bggz\b|\bparnassia\b|\barkin\b|\baltrecht ggz\b|\blentis\b|\bdimence\b|\bpro persona\b|\bpsyq\b|\bmentaal beter\b|\byulius\b|\bggnet\b|\bpoh ggz\b`, 'health', 'Mental health care.'),
  special('health.addiction', 'text', r`\bjellinek\b|\bbrijder\b|\btactus\b|\bnovadic|\bverslavingszorg\b`, 'health', 'Addiction care.'),
  special('health.care-at-home', 'text', r`\bthuiszorg\b|\bbuurtzorg\b|\bwijkverpleging\b|\bzorggroep\b|\bverpleeghuis\b|\bverpleging\b|\bhospice\b`, 'health', 'Home care, district nursing and nursing homes.'),
  special('health.lab', 'text', r`\blaboratorium\b|\bsaltro\b|\bstar shl\b|\bbloedafname\b`, 'health', 'Medical laboratories.'),
  special('health.sight-hearing', 'text', r`\bopticien\b|\bspecsavers\b|\bpearle\b|\bhans anders\b|\beyewish\b|\blenson\b|\blensonline\b|\bcontactlens|\baudicien\b|\bschoonenberg\b|\bbeter horen\b|\bhoortoestel`, 'health', 'Glasses, contact lenses and hearing aids reveal a physical condition, which the Dutch DPA treats as health data.'),
  special('health.public-care', 'text', r`\bcak\b|\bwmo\b|\bwlz\b|\bpgb\b|\bpersoonsgebonden budget\b|\beigen risico\b`, 'health', 'CAK contributions, Wmo/Wlz care, personal care budgets and the health-insurance deductible.'),
  special('health.disability-benefits', 'text', r`\bwia\b|\bwao\b|\bwajong\b|\bziektewet\b|\bwga\b|\biva uitkering\b`, 'health', 'Sickness and disability benefits reveal health; they outrank the general benefits category.'),
  special('health.insurance-words', 'text', r`\bzorgverzeker|\bziektekosten|\bzorgpremie\b|\bzorgpolis\b|\bzorgkantoor\b`, 'health', 'Any health-insurance premium or claim, whoever the insurer.'),
  special('health.insurers', 'text', r`\bzilveren kruis\b|\bvgz\b|\bmenzis\b|\bonvz\b|\bdsw\b|\bzorg (en|&) zekerheid\b|\bde friesland zorg|\banderzorg\b|\bzekur\b|\biza\b|\bizz\b|\bstad holland zorg|\bhollandzorg\b|\bcaresq\b|\bpromovendum\b|\bzorgdirect\b|\bbewuzt\b`, 'health', 'Health-only insurers.'),
  special('health.insurers-cz', 'text', r`^cz$|\bcz (groep|zorg\w*|actief|direct)\b`, 'health', 'CZ needs a companion word: "CZ" alone also appears as the Czech country code on card payments.'),
  special('health.insurers-labels', 'text', r`\b(unive|ohra|interpolis|fbto|nn|nationale nederlanden|achmea|a s r|asr|just|pro ?life|salland)\s+zorg`, 'health', 'Health-insurance labels of general insurers ("Univé Zorg", "a.s.r. ziektekosten" is covered by the word rule).'),

  // Religion and belief.
  special('religion.church', 'text', r`\bkerk\b(?! avezaath)|\bkerkelijk|\bkerkbalans\b|\bkerk ?radio\b|\bkerkgenootschap\b|\bparochie|\bbisdom\b|\bdiaconie\b|\bdiakonie\b|\bpastoraal\b|\bvoorganger\b`, 'religion', 'Churches, parishes, the annual church contribution (Actie Kerkbalans) and diaconal funds.'),
  special('religion.denominations', 'text', r`\bprotestantse gemeente\b|\bpkn\b|\bhervormde gemeente\b|\bgereformeerde (kerk|gemeente)|\bevangelische (gemeente|kerk|omroep)\b|\bchristelijke gemeente\b|\bbaptisten|\bpinkster(gemeente|kerk)|\brooms katholie|\brk (parochie|kerk)\b|\bjehova|\bkoninkrijkszaal\b|\bmormo`, 'religion', 'Christian congregations and broadcasters by name.'),
  special('religion.other-faiths', 'text', r`\bmoskee|\bislamitisch|\bzakaa?t\b|\bsadaqa\b|\bislamic relief\b|\bsynagoge\b|\bjoodse gemeente\b|\bhindoe|\bmandir\b|\bgurdwara\b|\bsikh\b|\bboeddhist`, 'religion', 'Mosques, Islamic giving, synagogues, Hindu, Sikh and Buddhist communities.'),
  special('religion.salvation-army', 'text', r`\bleger des heils\b(?!.*\b(reshare|kringloop)\b)`, 'religion', 'The Salvation Army is a church denomination; a donation says more than a visit to its thrift shops (ReShare, kringloop), which are left out.'),

  // Political parties: legal names on their own, short names only next to a membership word.
  special('politics.party-names', 'text', r`\bvolkspartij voor vrijheid en democratie\b|\bpartij van de arbeid\b|\bchristen ?democratisch appel\b|\bsocialistische partij\b|\bpartij voor de vrijheid\b|\bpartij voor de dieren\b|\bforum voor democratie\b|\bstaatkundig gereformeerde partij\b|\bboer ?burger ?beweging\b|\bnieuw sociaal contract\b|\bvolt nederland\b|\bchristenunie\b|\bgroen ?links\b|\bdemocraten 66\b|\bpolitieke (partij|vereniging)\b`, 'politics', 'Registered names of Dutch political parties.'),
  special('politics.party-membership', 'text', r`\b(vvd|pvda|cda|sp|pvv|d66|sgp|pvdd|bbb|nsc|volt|ja21|fvd|denk|50 ?plus|bij1|jovd|cdja|dwars)\b.{0,60}\b(contributie|lidmaatschap|donatie|leden|lidnummer|partij|afdracht)|\b(contributie|lidmaatschap|donatie)\b.{0,60}\b(vvd|pvda|cda|sp|pvv|d66|sgp|pvdd|bbb|nsc|volt|ja21|fvd|denk|50 ?plus|bij1|jovd|cdja|dwars)\b`, 'politics', 'Party abbreviations are ordinary words or letters elsewhere ("SP", "Volt", "denk"), so they only count next to contributie, lidmaatschap or donatie.'),

  // Trade unions.
  special('trade-union.names', 'text', r`\bfnv\b|\bcnv\b|\bvakbond|\bvakcentrale\b|\bvcp\b|\balternatief voor vakbond\b|\baob\b|\balgemene onderwijsbond\b|\bnu ?91\b|\bfbz\b|\bnvj\b|\bafmp\b|\bkvmo\b|\bnederlandse politiebond\b|\babvakabo\b`, 'trade_union', 'Dutch trade unions and union federations.'),
  special('trade-union.context', 'text', r`\b(de unie|avv|acp|vnv)\b.{0,60}\b(contributie|lidmaatschap|vakbond)\b`, 'trade_union', '"De Unie" and "AVV" are also names of cafés and football clubs, so they need a membership word.'),

  // Sex life and dating.
  special('sexual-life.dating', 'text', r`\btinder\b|\bbumble\b|\bgrindr\b|\bhappn\b|\blexa\b|\bparship\b|\be ?matching\b|\brelatieplanet\b|^pepper$|\bpepper dating\b|^hinge\b|\bokcupid\b|\bbadoo\b|\bfeeld\b|\binner ?circle\b|\bsecond ?love\b|\bvictoria ?milan\b|\bplanet ?romeo\b|\bjoyclub\b|\bfriendfinder\b|\bdating\b`, 'sexual_life', 'Dating apps and sites.'),
  special('sexual-life.adult', 'text', r`\bchristine le duc\b|\beasy ?toys\b|\bpabo (nl|com|shop)\b|\bsex ?shop\b|\bseksshop\b|\berotiek\b|\blovetoys\b|\bbeate uhse\b|\bonlyfans\b|\bpornhub\b|\bbrazzers\b|\bccbill\b|\bepoch com\b|\bsegpay\b|\bverotel\b|\bescort\b|\bparenclub\b|\bswingers?\b`, 'sexual_life', 'Erotic shops and adult-content billing descriptors. "Pabo" alone is a teacher-training college and left out.'),
];
