import type { CategorisationRule } from '../rule.schema';
import { RULE_PRIORITY } from '../rule-priority';
import { HEALTH_RULES } from './health.rules.data';
import { rowsAt } from './rule-row';

const r = String.raw;
const special = rowsAt(RULE_PRIORITY.special);

/**
 * Special categories (GDPR art. 9). Most of these rules read the counterparty and the description
 * together (`text`): a false positive here only hides a payment from sale, while a miss could sell
 * it, so these rules are deliberately broad. Health comes first, so a pharmacy line that also names
 * a sexual-health product is filed as health; either way it is never sold.
 */
export const SPECIAL_CATEGORY_RULES: readonly CategorisationRule[] = [
  ...HEALTH_RULES,

  // Religion and belief.
  special('religion.church', 'text', r`\bkerk\b(?! avezaath)|\bkerk(dienst|bijdrage|geld|koor|collecte|blad|gebouw|e?raad|bestuur|muziek)\b|\bkerkelijk|\bkerkbalans\b|\bkerk ?radio\b|\bkerkgenootschap\b|\bparochie|\bbisdom\b|\bdiaconie\b|\bdiakonie\b|\bpastoraal\b|\bvoorganger\b`, 'religion', 'Churches, parishes, the annual church contribution (Actie Kerkbalans) and diaconal funds. Only "kerk" as a word or a known compound: "Kerkstraat", "Kerkplein", "Kerkhof" and "Kerkrade" are addresses, names and towns.'),
  special('religion.denominations', 'text', r`\bprotestantse gemeente\b|\bpkn\b|\bhervormde gemeente\b|\bgereformeerde (kerk|gemeente)|\bevangelische (gemeente|kerk|omroep)\b|\bchristelijke gemeente\b|\bbaptisten|\bpinkster(gemeente|kerk)|\brooms katholie|\brk (parochie|kerk)\b|\bjehova|\bkoninkrijkszaal\b|\bmormo`, 'religion', 'Christian congregations and broadcasters by name.'),
  special('religion.other-faiths', 'text', r`\bmoskee|\bislamitisch|\bzakaa?t\b|\bsadaqa\b|\bislamic relief\b|\bsynagoge\b|\bjoodse gemeente\b|\bhindoe|\bmandir\b|\bgurdwara\b|\bsikh\b|\bboeddhist`, 'religion', 'Mosques, Islamic giving, synagogues, Hindu, Sikh and Buddhist communities.'),
  special('religion.practice', 'text', r`\btienden\b|\bmisintentie|\bcommunie|\bvormsel|\bdoopfeest|\bbar mitswa|\bbat mitswa|\bbijbel|\bkoran\b|\bquran\b|\bfitra\b|\bfidya\b|\bumrah?\b|\bhajj\b|\bhadj\b|\bramadan|\biftar\b|\bofferfeest\b|\bqurbani\b|\bkurban\b|\bhalal\b|\bkoosjer\b|\bkosher\b`, 'religion', 'What a payment is for can reveal a faith even at an ordinary shop or travel agent: tithes, mass intentions, first communion, bibles, pilgrimages, Ramadan and Eid, and food under a religious dietary law (the GDPR counts data that reveals a belief indirectly).'),
  special('religion.belief-organisations', 'text', r`\bremonstrant|\bdoopsgezind|\blutherse\b|\boud katholie|\bkoptisch|\bdiyanet\b|\bmilli gorus\b|\bahmadiyya|\bchabad\b|\bscientology\b|\bantroposof|\bhumanistisch verbond\b|\bvrijmetsel|\bopen doors\b|\bwoord en daad\b|\bgideons\b|\bbedevaart`, 'religion', 'Smaller churches, Islamic and Jewish federations, life-stance organisations (humanism, freemasonry, anthroposophy are beliefs too) and explicitly Christian charities.'),
  special('religion.salvation-army', 'text', r`\bleger des heils\b(?!.*\b(reshare|kringloop)\b)`, 'religion', 'The Salvation Army is a church denomination; a donation says more than a visit to its thrift shops (ReShare, kringloop), which are left out.'),

  // Political parties: legal names on their own, short names only next to a membership word.
  special('politics.party-names', 'text', r`\bvolkspartij voor vrijheid en democratie\b|\bpartij van de arbeid\b|\bchristen ?democratisch appel\b|\bsocialistische partij\b|\bpartij voor de vrijheid\b|\bpartij voor de dieren\b|\bforum voor democratie\b|\bstaatkundig gereformeerde partij\b|\bboer ?burger ?beweging\b|\bnieuw sociaal contract\b|\bvolt nederland\b|\bchristenunie\b|\bgroen ?links\b|\bdemocraten 66\b|\bpolitieke (partij|vereniging)\b`, 'politics', 'Registered names of Dutch political parties.'),
  special('politics.party-membership', 'text', r`\b(vvd|pvda|cda|sp|pvv|d66|sgp|pvdd|bbb|nsc|volt|ja21|fvd|denk|50 ?plus|bij1|jovd|cdja|dwars)\b.{0,60}\b(contributie|lidmaatschap|donatie|leden|lidnummer|partij|afdracht)|\b(contributie|lidmaatschap|donatie)\b.{0,60}\b(vvd|pvda|cda|sp|pvv|d66|sgp|pvdd|bbb|nsc|volt|ja21|fvd|denk|50 ?plus|bij1|jovd|cdja|dwars)\b`, 'politics', 'Party abbreviations are ordinary words or letters elsewhere ("SP", "Volt", "denk"), so they only count next to contributie, lidmaatschap or donatie.'),
  special('politics.youth-and-local', 'text', r`\bjonge democraten\b|\bjonge socialisten\b|\bjfvd\b|\bpiratenpartij\b|\bleefbaar (rotterdam|utrecht|hilversum|almere)\b|\bstadspartij|\bpartij ?(contributie|bijdrage|lidmaatschap|afdracht)|\bafdrachtregeling\b`, 'politics', 'Party youth organisations, well-known local parties and party contributions by word ("partijcontributie", and the share elected members pay their party).'),

  // Trade unions.
  special('trade-union.names', 'text', r`\bfnv\b|\bcnv\b|vakbond|\bvakcentrale\b|\bvcp\b|\balternatief voor vakbond\b|\baob\b|\balgemene onderwijsbond\b|\bnu ?91\b|\bfbz\b|\bnvj\b|\bafmp\b|\bkvmo\b|\bnederlandse politiebond\b|\babvakabo\b|\bacom\b|\banpv\b|\bvhp2\b`, 'trade_union', 'Dutch trade unions and union federations; "vakbond" also inside compounds ("onderwijsvakbond", "vakbondscontributie").'),
  special('trade-union.context', 'text', r`\b(de unie|avv|acp|vnv)\b.{0,60}\b(contributie|lidmaatschap|vakbond)\b`, 'trade_union', '"De Unie" and "AVV" are also names of cafés and football clubs, so they need a membership word.'),

  // Sex life, sexual health and dating.
  special('sexual-life.sexual-health', 'text', r`\bsoa ?(test|testen|poli|onderzoek|check|thuistest|kliniek|spreekuur)|\bseksuele gezondheid\b|\bhiv ?(test|remmer|consult|zorg)|\bprep ?(consult|pil|medicatie|zorg|poli)\b|\btestjezelf\b|\bmysoatest\b|\bcondoom|\bdurex\b|\bglijmiddel|\bviagra\b|\bsildenafil\b|\btadalafil\b|\bcialis\b|\berectie|\bmorning ?after|\bnorlevo\b|\bellaone\b|\banticonceptie|\bnuvaring\b|\bmirena\b|\bvasectomie`, 'sexual_life', 'STI and HIV tests, PrEP, sexual-health centres, condoms, lubricant, erection pills and contraception, wherever bought. "Soa Aids Nederland" without a test word stays a charity; "sterilisatie" is left out because vets sterilise pets.'),
  special('sexual-life.dating', 'text', r`\btinder\b|\bbumble\b|\bgrindr\b|\bhappn\b|\blexa\b|\bparship\b|\be ?matching\b|\brelatieplanet\b|^pepper$|\bpepper dating\b|^hinge\b|\bokcupid\b|\bbadoo\b|\bfeeld\b|\binner ?circle\b|\bsecond ?love\b|\bvictoria ?milan\b|\bplanet ?romeo\b|\bjoyclub\b|\bfriendfinder\b|\bdating\b`, 'sexual_life', 'Dating apps and sites.'),
  special('sexual-life.adult', 'text', r`\bchristine le duc\b|\beasy ?toys\b|\bpabo (nl|com|shop)\b|\bsex ?shop\b|\bseksshop\b|\berotiek\b|\blovetoys\b|\bbeate uhse\b|\bonlyfans\b|\bpornhub\b|\bbrazzers\b|\bccbill\b|\bepoch com\b|\bsegpay\b|\bverotel\b|\bescort\b|\bparenclub\b|\bswingers?\b|\bvibrator|\bsatisfyer\b|\bwomanizer\b|\blovehoney\b|\bseks ?speel|\bsex ?toy|\berotisch|\bstrip ?club\b|\bmeetic\b|\bzoosk\b|\blovescout|\belitepartner\b`, 'sexual_life', 'Erotic shops and adult-content billing descriptors. "Pabo" alone is a teacher-training college and left out.'),
];
