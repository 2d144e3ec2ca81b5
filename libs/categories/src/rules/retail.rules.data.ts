import type { CategorisationRule } from '../rule.schema';
import { RULE_PRIORITY } from '../rule-priority';
import { rowsAt } from './rule-row';

const r = String.raw;
const shop = rowsAt(RULE_PRIORITY.merchant);
const word = rowsAt(RULE_PRIORITY.keyword);

/** Shops, matched on the merchant name. Generic words come last at keyword priority. */
export const RETAIL_RULES: readonly CategorisationRule[] = [
  // Groceries.
  shop('groceries.albert-heijn', 'counterparty', r`\balbert heijn\b|^ah( to go| xl| nl| online| pickup point)?\b|\bah to go\b`, 'groceries', 'Albert Heijn, AH to go, AH XL and ah.nl; "AH 1234" becomes "ah" after store numbers are removed.'),
  shop('groceries.jumbo', 'counterparty', r`\bjumbo\b`, 'groceries', 'Jumbo supermarkets and Jumbo Foodmarkt.'),
  shop('groceries.lidl', 'counterparty', r`\blidl\b`, 'groceries', 'Lidl.'),
  shop('groceries.aldi', 'counterparty', r`\baldi\b`, 'groceries', 'Aldi.'),
  shop('groceries.plus', 'counterparty', r`^plus\b`, 'groceries', 'PLUS franchise stores ("PLUS Vermaat"); anchored so "Disney Plus" is not a supermarket.'),
  shop('groceries.dirk', 'counterparty', r`^dirk( van den broek| vd ?broek)?$|\bdirk van den broek\b`, 'groceries', 'Dirk (van den Broek); only the bare brand, because "Dirk" is also a first name.'),
  shop('groceries.coop', 'counterparty', r`\bcoop\b`, 'groceries', 'Coop supermarkets ("Coöperatieve Rabobank" normalises to "cooperatieve" and does not match).'),
  shop('groceries.spar', 'counterparty', r`\bspar\b`, 'groceries', 'Spar and Spar City.'),
  shop('groceries.vomar', 'counterparty', r`\bvomar\b`, 'groceries', 'Vomar.'),
  shop('groceries.hoogvliet', 'counterparty', r`^hoogvliet\b`, 'groceries', 'Hoogvliet supermarkets; anchored because Hoogvliet is also a Rotterdam district on card lines.'),
  shop('groceries.ekoplaza', 'counterparty', r`\bekoplaza\b|\bmarqt\b|\bodin (bio|winkel)`, 'groceries', 'Organic supermarkets.'),
  shop('groceries.online', 'counterparty', r`\bpicnic\b|^crisp\b|^flink\b|^getir\b|^gorillas\b|\bhello ?fresh\b|\bmarley spoon\b`, 'groceries', 'Online supermarkets and meal boxes.'),
  shop('groceries.regional', 'counterparty', r`^deen( supermarkt(en)?)?$|\bpoiesz\b|\bjan linders\b|\bdeka ?markt\b|\bnettorama\b|\bboons ?markt\b|\bagrimarkt\b|^boni( supermarkt)?\b|\bmcd supermarkt\b|\bbudget food\b`, 'groceries', 'Regional supermarket chains.'),
  shop('groceries.wholesale', 'counterparty', r`\bmakro\b|\bsligro\b|\bhanos\b|\bamazing oriental\b|\bwah nam hong\b`, 'groceries', 'Wholesale and Asian supermarkets.'),
  shop('groceries.drinks', 'counterparty', r`\bgall ?& ?gall\b|\bmitra\b|\bdrankdozijn\b|\bslijterij\b`, 'groceries', 'Liquor stores count as food and drink shopping; the alcohol industry can be excluded by the customer.'),
  shop('groceries.bakery-chains', 'counterparty', r`\bbakker bart\b|\bbakkerij\b|\bwarme bakker\b|\bvlaamsch broodhuys\b|\bbroodhuys\b`, 'groceries', 'Bakeries; never "bakker" alone, which is a common surname.'),
  word('groceries.food-shops', 'counterparty', r`\bsupermarkt\b|\btoko\b|\bslagerij\b|\bkeurslager\b|\bpoelier\b|\bgroenteboer\b|\bgroente|\bkaashandel\b|\bkaaswinkel\b|\bvishandel\b|\bviswinkel\b|\bnotenbar\b`, 'groceries', 'Generic food-shop words.'),

  // Drugstore and personal care (a pharmacy inside a drugstore is health, by priority).
  shop('drugstore.etos', 'counterparty', r`\betos\b`, 'drugstore', 'Etos; "Etos Apotheek" matches the pharmacy rule first.'),
  shop('drugstore.kruidvat', 'counterparty', r`\bkruidvat\b`, 'drugstore', 'Kruidvat.'),
  shop('drugstore.da', 'counterparty', r`\bda drogist(erij)?\b|^da$`, 'drugstore', 'DA drugstores; "DA" alone only as the whole merchant name.'),
  shop('drugstore.trekpleister', 'counterparty', r`\btrekpleister\b`, 'drugstore', 'Trekpleister.'),
  shop('drugstore.beauty', 'counterparty', r`\bholland (&|and) barrett\b|^douglas\b|\bici paris\b|\brituals\b|^lush\b|\bbody shop\b|\bsephora\b|\bniche beauty\b|\bbijenkorf beauty\b`, 'drugstore', 'Perfumeries, cosmetics and supplement shops.'),
  word('drugstore.words', 'counterparty', r`\bdrogist(erij)?\b|\bparfumerie\b|\bkapsalon\b|\bkapper\b|\bbarber(shop)?\b|\bhaarmode\b|\bnagelstudio\b|\bschoonheidssalon\b`, 'drugstore', 'Drugstore and personal-care services: hairdressers, nail and beauty salons.'),

  // Fashion.
  shop('fashion.zalando', 'counterparty', r`\bzalando\b`, 'fashion', 'Zalando.'),
  shop('fashion.hm', 'counterparty', r`\bh ?& ?m\b|\bhennes (&|en) mauritz\b`, 'fashion', 'H&M, written "H&M", "H & M" or in full.'),
  shop('fashion.inditex', 'counterparty', r`^zara\b|\bbershka\b|\bpull ?& ?bear\b|\bstradivarius\b|\bmassimo dutti\b`, 'fashion', 'Inditex brands.'),
  shop('fashion.discount', 'counterparty', r`\bprimark\b|\bzeeman\b|\bwibra\b|\bc ?& ?a\b|\bshein\b|\bkik textil`, 'fashion', 'Discount fashion and textiles.'),
  shop('fashion.dutch-chains', 'counterparty', r`\bwe fashion\b|\bwehkamp\b|\bscotch ?(&|and) ?soda\b|\bamerica today\b|\bthe sting\b|\bsissy ?boy\b|\bms mode\b|\bcostes\b|\bvan haren\b|\bscapino\b|\bomoda\b|\bnelson schoenen\b|\bziengs\b|\bhunkemoller\b|\bjack ?& ?jones\b|\bvero moda\b|\bg ?star( raw)?\b|\bbijenkorf\b|\bpeek ?(&|und|en) ?cloppenburg\b|\bsnipes\b|\buniqlo\b|^mango\b|\babout ?you\b|\btommy hilfiger\b`, 'fashion', 'Fashion chains, department stores and online fashion.'),
  shop('fashion.second-hand', 'counterparty', r`\bvinted\b|\bvintage ?(store|shop)\b`, 'fashion', 'Second-hand fashion; debit only, because Vinted payouts to sellers are income.', 'debit'),
  word('fashion.words', 'counterparty', r`\bkleding\b|\bmodehuis\b|\bschoenen\b|\bschoenwinkel\b|\bboutique\b|\bfashion\b`, 'fashion', 'Generic fashion words.'),

  // Electronics.
  shop('electronics.retailers', 'counterparty', r`\bcoolblue\b|\bmedia ?markt\b|^bcc\b|^expert\b|\bapple store\b|\balternate\b|\bmegekko\b|\bazerty\b|\bparadigit\b|\bsamsung\b|\bgame ?mania\b`, 'electronics', 'Electronics and computer retailers.'),
  word('electronics.words', 'counterparty', r`\belectronica\b|\belektronica\b|\btelefoonreparatie\b|\bcomputerwinkel\b`, 'electronics', 'Generic electronics words.'),

  // Home and garden.
  shop('home.furniture', 'counterparty', r`\bikea\b|\bleen bakker\b|\bkwantum\b|\bjysk\b|\bbeter bed\b|\bswiss sense\b|\bgoossens\b|\bfonq\b|\beijerhof\b|\bmeubelplein\b`, 'home', 'Furniture and home stores.'),
  shop('home.variety', 'counterparty', r`^action\b|\bhema\b|\bxenos\b|\bblokker\b|\bdille ?& ?kamille\b|\bsostrene grene\b|\bflying tiger\b|\bbig bazar\b|\bzara home\b`, 'home', 'Variety and household stores; Action is anchored so "action" in a description does not count.'),
  shop('home.diy', 'counterparty', r`\bgamma\b|^praxis\b(?! (dr|fur|fuer))|\bkarwei\b|\bhornbach\b|\bhubo\b|\bbauhaus\b|\bformido\b`, 'home', 'DIY stores; "Praxis Dr." is a German doctor\'s practice and is left out.'),
  shop('home.garden', 'counterparty', r`\bintratuin\b|\bgroenrijk\b|\btuincentrum\b|\bgarden centre\b`, 'home', 'Garden centres.'),
  word('home.words', 'counterparty', r`\bmeubel|\bwoonwinkel\b|\bbouwmarkt\b|\bwoonwarenhuis\b|\bgordijn|\bkeukenstudio\b|\bbadkamer`, 'home', 'Generic home words.'),

  // Pets.
  shop('pets.shops', 'counterparty', r`\bpets ?place\b|^jumper\b|\bzooplus\b|\btom ?& ?co\b|\bmedpets\b|\bdiscus dier|\branzijn\b|\bpet ?shop\b`, 'pets', 'Pet stores; Ranzijn is a garden-and-pet chain, filed under pets.'),
  word('pets.words', 'counterparty', r`\bdieren(speciaalzaak|winkel|speciaal|arts|artsen|kliniek|ziekenhuis|apotheek|pension|oppas)\b|\bhondenschool\b|\btrimsalon\b|\bhondentrimmer\b|\bkattenhotel\b|\bdierenartsenpraktijk\b`, 'pets', 'Pet shops and vets; vets are animal care, not human health.'),

  // Children. Sellable only for what older children need: toys, school costs, lessons and outings.
  // Baby products, pregnancy and day care are protected life events (life-event.rules.data.ts) and
  // outrank these rules, so "Intertoys" is kids but "Intertoys babyspeelgoed" is not.
  shop('kids.toys', 'counterparty', r`\bintertoys\b|\bbart smit\b|\blego\b|\btoys ?r ?us\b|\bspeelgoed|\btoychamp\b`, 'kids', 'Toy shops.'),
  shop('kids.school-and-play', 'text', r`\bouderbijdrage\b|\bschoolreis\b|\bschoolkamp\b|\bschoolgeld\b|\bschoolboeken\b|\bschoolfoto|\bbijles\b|\bhuiswerkbegeleiding\b|\bhuiswerkinstituut\b|\blyceo\b|\bballorig\b|\bmonkey ?town\b|\bkinderfeest|\bzwemles\b|\bzwemschool\b|\bkinderkleding\b`, 'kids', 'School contributions and trips, tutoring, indoor playgrounds, swimming lessons and children\'s clothing.'),

  // Sport.
  shop('sport.gyms', 'counterparty', r`\bbasic ?fit\b|\bsport ?city\b|\btrainmore\b|\bfit ?for ?free\b|\banytime fitness\b|\bdavid lloyd\b|\bclub pellikaan\b|\bpure gym\b`, 'sport', 'Gym chains.'),
  shop('sport.shops', 'counterparty', r`\bdecathlon\b|\bintersport\b|\bperry sport\b|\baktiesport\b|^bever\b|\brunnersworld\b|\bjd sports?\b|^nike\b|^adidas\b|\bsportshop\b|\bsport 2000\b`, 'sport', 'Sports shops and sportswear brands.'),
  shop('sport.clubs', 'counterparty', r`^(rk)?(a|s|h|k|v|z)?(vv|sv|fc|hc|mhc|ltc|tc|kv|hv|zv)\b|\b(voetbal|hockey|tennis|korfbal|handbal|volleybal|zwem|atletiek|gymnastiek|golf|rugby|wieler|schaak|roei|zeil|ski|judo|karate|turn|basketbal)(vereniging|club|bond)\b|\bknvb\b|\bknltb\b`, 'sport', 'Sports clubs: abbreviations like "VV", "SV", "HC" and "LTC" at the start of the name, or sport + vereniging.'),
  word('sport.words', 'counterparty', r`\bsportschool\b|\bfitness\b|\bgym\b|\bcrossfit\b|\byoga\b|\bpilates\b|\bzwembad\b|\bsportcentrum\b|\bklimhal\b|\bboulder`, 'sport', 'Generic sport words.'),

  // General marketplaces: the statement line says nothing about what was bought.
  shop('other.marketplaces', 'counterparty', r`\bbol com\b|^bol$|\bamazon\b|\bmarktplaats\b|\baliexpress\b|\btemu\b|\bebay\b|\bwish com\b`, 'other', 'Bol.com and Amazon sell everything from books to televisions; filing them under electronics would sell a guess, so they are "other".'),
  shop('other.payment-services', 'counterparty', r`\bpaypal\b|\bpostnl\b|\bdhl\b|\bprimera\b`, 'other', 'Payment services and mixed convenience stores (tobacco, lottery, post).'),
];
