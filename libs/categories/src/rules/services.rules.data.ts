import type { CategorisationRule } from '../rule.schema';
import { RULE_PRIORITY } from '../rule-priority';
import { rowsAt } from './rule-row';

const r = String.raw;
const exception = rowsAt(RULE_PRIORITY.merchantException);
const shop = rowsAt(RULE_PRIORITY.merchant);
const word = rowsAt(RULE_PRIORITY.keyword);

/** Transport, travel, food service, leisure, subscriptions and utilities. */
export const SERVICES_RULES: readonly CategorisationRule[] = [
  // Sub-brands that belong to another category than their parent brand.
  exception('dining.uber-eats', 'counterparty', r`\buber ?eats\b`, 'dining', 'Uber Eats is food delivery, not a ride.'),
  exception('travel.ns-international', 'text', r`\bns international\b|\bns hispeed\b`, 'travel', 'NS International sells international train tickets.'),
  exception('subscriptions.amazon-prime', 'counterparty', r`\bamazon prime\b|\bprime video\b|\bamazon video\b|\baudible\b`, 'subscriptions', 'Amazon\'s subscriptions, unlike its marketplace.'),
  exception('mobility.energy-charging', 'counterparty', r`\bvattenfall incharge\b|\bincharge\b|\beneco emobility\b|\bessent e ?mobility\b|\bshell recharge\b`, 'mobility', 'Car charging sold by energy companies.'),
  exception('subscriptions.pathe-thuis', 'counterparty', r`\bpathe thuis\b`, 'subscriptions', 'Pathé Thuis is video on demand, not a cinema visit.'),
  exception('subscriptions.apple', 'counterparty', r`\bapple com( bill)?\b|\bitunes\b|\bapple services\b`, 'subscriptions', 'Apple.com/bill is App Store and iCloud billing, not hardware.'),

  // Public transport.
  shop('mobility.ns', 'counterparty', r`^ns\b|\bns (groep|reizigers)\b|\bnederlandse spoorwegen\b`, 'mobility', 'NS: "NS GROEP IZ NS REIZIGERS" on ING lines.'),
  shop('mobility.ov-chipkaart', 'counterparty', r`\bov ?chipkaart\b|\btranslink\b|\bov ?pay\b|^nlov[a-z0-9]*$`, 'mobility', 'OV-chipkaart top-ups and OVpay tap-ins ("NLOV…" merchant ids).'),
  shop('mobility.transit-operators', 'counterparty', r`\bgvb\b|^ret\b|^htm\b|\barriva\b|\bconnexxion\b|\bkeolis\b|\bqbuzz\b|^ebs\b|\bu ov\b|^breng\b|\bhermes ov\b|\bsyntus\b|\bblauwnet\b`, 'mobility', 'City and regional transit operators; short names anchored.'),
  // Driving: fuel, charging, parking, repairs.
  shop('mobility.fuel', 'counterparty', r`\bshell\b|^bp\b|\bbp (station|express)\b|\besso\b|^tango\b|\btinq\b|\btexaco\b|\btotal ?energies\b|^total\b|^gulf\b|^avia\b|^argos\b|\bfirezone\b|\bgo tank|\bq8\b`, 'mobility', 'Fuel stations.'),
  shop('mobility.charging', 'counterparty', r`\btesla\b|\bfastned\b|\ballego\b|\bnew ?motion\b|\bionity\b|\bchargepoint\b|\bvandebron laadpas\b`, 'mobility', 'Electric-car charging and Tesla.'),
  shop('mobility.parking', 'counterparty', r`\bq ?park\b|\binterparking\b|\bapcoa\b|\bpark ?mobile\b|\byellowbrick\b|\beasypark\b|\bparkbee\b|\bp1 parkeren\b`, 'mobility', 'Parking operators and parking apps.'),
  shop('mobility.shared', 'counterparty', r`\bswapfiets\b|\bgreenwheels\b|\bmywheels\b|\bsnappcar\b|\bfelyx\b|^check technologies\b|\bgo ?sharing\b|\bdonkey republic\b|^uber\b|^bolt( eu| rides?| technology)?\b|\btier\b|\blime\b`, 'mobility', 'Shared bikes, scooters and cars, and ride hailing.'),
  shop('mobility.car-services', 'counterparty', r`\banwb\b|\brdw\b|\bcbr\b|\bkwik ?fit\b|\beuromaster\b|\bprofile tyrecenter\b|\bhalfords\b|\bleaseplan\b|\bayvens\b|\bathlon\b|\bdirect ?lease\b|\bsixt\b|\bhertz\b|\beuropcar\b|\bavis\b`, 'mobility', 'Roadside assistance, vehicle registration, driving tests, tyres, lease and car rental.'),
  word('mobility.words', 'counterparty', r`\btankstation\b|\bgarage\b|\bautobedrijf\b|\bautoservice\b|\bwasstraat\b|\bcar ?wash\b|\bparkeren\b|\bparkeer|\bparking\b|\bfietsen(winkel|maker|handel)?\b|\brijschool\b|\bapk\b`, 'mobility', 'Generic driving and cycling words.'),

  // Travel.
  shop('travel.airlines', 'counterparty', r`\bklm\b|\btransavia\b|\beasy ?jet\b|\bryanair\b|\bvueling\b|\blufthansa\b|\bair ?france\b|\bbritish airways\b|\bwizz ?air\b|\bcorendon\b|\bsunexpress\b|\bpegasus\b|\bturkish airlines\b|\bemirates\b|\bqatar airways\b|\btuifly\b`, 'travel', 'Airlines.'),
  shop('travel.tour-operators', 'counterparty', r`\btui\b|\bsunweb\b|\bd ?reizen\b|\bvakantiediscounter\b|\bneckermann\b|\bcheap ?tickets\b|\bvliegtickets\b`, 'travel', 'Tour operators and ticket agents.'),
  shop('travel.stays', 'counterparty', r`\bbooking com\b|\bairbnb\b|\bexpedia\b|\bhotels com\b|\bagoda\b|\btrip com\b|\bcenter ?parcs\b|\blandal\b|\broompot\b|\beurocamp\b|\bvrbo\b|\bvakantieparken\b`, 'travel', 'Accommodation platforms and holiday parks.'),
  shop('travel.trains-ferries', 'counterparty', r`\beurostar\b|\bthalys\b|\bdeutsche bahn\b|\bdb (bahn|vertrieb|fernverkehr)\b|\bsncf\b|\bflix ?bus\b|\bstena line\b|\bdfds\b|\bp ?& ?o ferries\b`, 'travel', 'International trains, coaches and ferries.'),
  word('travel.words', 'counterparty', r`\bhotel\b|\bhostel\b|\bcamping\b|\bbungalowpark\b|\bvakantiepark\b|\bb ?& ?b\b|\bbed (and|&) breakfast\b|\bresort\b`, 'travel', 'Generic travel words.'),

  // Dining and takeaway.
  shop('dining.delivery', 'counterparty', r`\bthuisbezorgd\b|\bjust eat\b|\btakeaway com\b|\bdeliveroo\b`, 'dining', 'Food delivery platforms ("Thuisbezorgd.nl via Adyen").'),
  shop('dining.fast-food', 'counterparty', r`\bmc ?donalds?\b|\bburger ?king\b|\bkfc\b|^subway\b|\bfebo\b|\bdominos\b|\bnew york pizza\b|\bsmullers\b|\bfive guys\b|\btaco bell\b|\bpizza hut\b`, 'dining', 'Fast-food chains ("McDonald\'s" normalises to "mcdonalds").'),
  shop('dining.coffee-and-lunch', 'counterparty', r`\bstarbucks\b|\bla place\b|\bbagels ?(&|and) ?beans\b|\bcoffee company\b|\bdoppio\b|\bdunkin\b|\bsimon levelt\b|\bvapiano\b|\bwagamama\b|\bhappy italy\b|\bloetje\b|\banne ?& ?max\b|\bjulias\b|\bstach\b`, 'dining', 'Coffee and restaurant chains.'),
  word('dining.words', 'counterparty', r`\brestaurant\b|\beetcafe\b|\bcafe\b|\bbistro\b|\bbrasserie\b|\blunchroom\b|\bsnack ?bar\b|\bcafetaria\b|\bfriet|\bpizz(a|eria)\b|\bsushi\b|\bwok\b|\bkebab\b|\bdoner\b|\bshoarma\b|\bshawarma\b|\bburgers?\b|\bgrill\b|\bsteakhouse\b|\btapas\b|\bramen\b|\bpoke\b|\bpannenkoe|\bijs ?salon\b|\bgelat|\bkoffiebar\b|\bkoffiehuis\b|\bbar\b|\bpub\b|\bhoreca\b|\btaverne\b`, 'dining', 'Generic food-service words; "café" normalises to "cafe".'),

  // Leisure and culture.
  shop('leisure.cinema', 'counterparty', r`\bpathe\b|^vue\b|\bvue cinemas?\b|\bkinepolis\b|\bfilmhuis\b|\bbioscoop\b|\beye filmmuseum\b`, 'leisure', 'Cinemas ("Pathé" normalises to "pathe").'),
  shop('leisure.parks-and-zoos', 'counterparty', r`\befteling\b|\bwalibi\b|\bduinrell\b|\btoverland\b|\battractiepark\b|^artis\b|\bblijdorp\b|\bburgers zoo\b|\bouwehands\b|\bdierenpark\b|\bdierentuin\b|\bzoo\b|\bbeekse bergen\b|\bmadurodam\b`, 'leisure', 'Theme parks and zoos.'),
  shop('leisure.museums', 'counterparty', r`\brijksmuseum\b|\bvan gogh museum\b|\bmuseum ?kaart\b|\bmuseum\b|\bnemo\b|\bkroller muller\b|\bmauritshuis\b`, 'leisure', 'Museums and the Museumkaart.'),
  shop('leisure.tickets', 'counterparty', r`\bticketmaster\b|\bticketswap\b|\beventim\b|\bpaylogic\b|\bsee tickets\b|\bziggo dome\b|\bafas live\b|\bconcertgebouw\b|\bpoppodium\b|\btheater\b|\bschouwburg\b|\bstadsschouwburg\b`, 'leisure', 'Concert and theatre tickets.'),
  shop('leisure.books-and-games', 'counterparty', r`\bbruna\b|^ako\b|\bread ?shop\b|\bboekhandel\b|\bboekenvoordeel\b|\bwaterstones\b|\bsteampowered\b|^steam\b|\bplaystation\b|\bsony interactive\b|\bnintendo\b|\bxbox\b`, 'leisure', 'Books, magazines and video games.'),
  word('leisure.words', 'counterparty', r`\bbowling\b|\bescape ?room\b|\blasergame\b|\bsauna\b|\bthermen\b|\bwellness\b|\bmidgetgolf\b|\bklimbos\b|\bkermis\b|\bfestival\b`, 'leisure', 'Generic outings.'),

  // Streaming and digital subscriptions.
  shop('subscriptions.video', 'counterparty', r`\bnetflix\b|\bdisney ?(\+|plus\b)|\bvideoland\b|\bhbo( max)?\b|\bviaplay\b|\bnpo ?(plus|start)\b|\bnlziet\b|\bdazn\b|\bespn\b|\bcanal ?(\+|plus\b|digitaal\b)|\bskyshowtime\b`, 'subscriptions', 'Video streaming services.'),
  shop('subscriptions.audio-and-books', 'counterparty', r`\bspotify\b|\bdeezer\b|^tidal\b|\bstorytel\b|\bkobo plus\b|\bblendle\b|\breadly\b`, 'subscriptions', 'Music, audiobook and reading subscriptions.'),
  shop('subscriptions.app-stores', 'counterparty', r`\bgoogle (play|payment|storage|one|youtube)|\byoutube( ?premium)?\b|\bmicrosoft ?365\b|\boffice ?365\b|\bdropbox\b|\bicloud\b|\bopenai\b|\bchatgpt\b|\badobe\b|\bcanva\b|\bnordvpn\b`, 'subscriptions', 'App stores, cloud storage and software subscriptions.'),
  shop('subscriptions.news', 'counterparty', r`\bdpg media\b|\bmediahuis\b|\bvolkskrant\b|\btelegraaf\b|\bnrc\b|\btrouw\b|\bparool\b|\bfd mediagroep\b|\bad nl\b|\balgemeen dagblad\b|\bnu nl\b`, 'subscriptions', 'Newspapers and news sites.'),

  // Telecom.
  shop('telecom.operators', 'counterparty', r`\bkpn\b|\bodido\b|\bt ?mobile\b|\bvodafone\b|\bziggo\b|\btele2\b|\bsimyo\b|\blebara\b|\blycamobile\b|\byoufone\b|\bhollandsnieuwe\b|\bbudget ?mobiel\b|\btelfort\b|\bbelsimpel\b|\bxs4all\b|\bcaiway\b|\bdelta fiber\b|\bfreedom internet\b|\bsolcon\b|\bvoys\b`, 'telecom', 'Mobile and internet providers.'),
  shop('telecom.ben', 'text', r`\bben (nederland|nl)\b`, 'telecom', 'Ben is also a first name, so only "Ben Nederland" counts.'),
  word('telecom.words', 'counterparty', r`\bglasvezel\b|\btelecom\b|\bmobiel abonnement\b`, 'telecom', 'Generic telecom words.'),

  // Energy and water.
  shop('energy.suppliers', 'counterparty', r`\bvattenfall\b|\beneco\b|\bessent\b|\bgreenchoice\b|\bbudget ?energie\b|\bvandebron\b|\benergie ?direct\b|\boxxio\b|\bengie\b|\bfrank energie\b|\bpure energie\b|\binnova energie\b|\bzonneplan\b|\btibber\b|\bnederlandse energie\b|\bpowerpeers\b|\banode energie\b|\bclean energy\b|\bennatuurlijk\b|\beteck\b|\bwarmtebedrijf\b`, 'energy', 'Electricity, gas and heat suppliers.'),
  shop('energy.grid', 'counterparty', r`\bstedin\b|\bliander\b|\benexis\b`, 'energy', 'Grid operators (connection fees).'),
  shop('energy.water', 'counterparty', r`\bvitens\b|\bevides\b|\bpwn\b|\bdunea\b|\bwaternet\b|\bbrabant water\b|\bwml\b|\bwmd\b|\boasen\b|\bwaterbedrijf\b|\bwaterleiding`, 'energy', 'Drinking-water companies.'),
];
