import type { CategorisationRule } from '../rule.schema';
import { RULE_PRIORITY } from '../rule-priority';
import { rowsAt } from './rule-row';

const r = String.raw;
const internal = rowsAt(RULE_PRIORITY.internal);
const weak = rowsAt(RULE_PRIORITY.weakInternal);

/**
 * Money movements that are not shopping. They outrank shops because a salary paid by Albert Heijn is
 * income, not groceries; the loose keywords sit below shops instead ("huur" also appears in car rental).
 */
export const INTERNAL_RULES: readonly CategorisationRule[] = [
  // Cash.
  internal('cash.bank-code', 'bank_code', r`^(gm|ga|gb|pk|kh|st)$`, 'cash', 'ATM and counter codes: ING GM (geldautomaat), PK (opname kantoor), ST (storting); Rabobank ga/gb (geldautomaat), kh (kashandeling).'),
  internal('cash.atm-words', 'description', r`^gea\b|\bgeldautomaat\b|\bgeldmaat\b|\bgeldopname\b|\bcash withdrawal\b|\batm\b`, 'cash', 'ABN AMRO "GEA" lines and the Geldmaat ATM network.'),
  internal('cash.atm-merchant', 'counterparty', r`^geldmaat\b`, 'cash', 'Geldmaat as the card merchant.'),

  // Own accounts and savings.
  internal('own-transfer.bank-code', 'bank_code', r`^tb$`, 'own_transfer', 'Rabobank tb: transfer between the customer\'s own accounts.'),
  internal('own-transfer.words', 'description', r`\beigen rekening\b|\b(naar|van) (uw|mijn|eigen) (betaal)?rekening\b|\boverboeking eigen\b`, 'own_transfer', 'Transfers the bank itself labels as own-account.'),
  internal('own-transfer.credit-card', 'text', r`\binternational card services\b|\bics cards?\b|\bcreditcard (afrekening|incasso)\b`, 'own_transfer', 'Paying off a credit card moves money between the customer\'s own products; the purchases are on the card statement.'),
  internal('savings.accounts', 'text', r`\bspaarrek|\bspaardeposito\b|\bbonusrente\b|\bdoelspaar|\bkinderspaar|\bideaalsparen\b|\bsparen\b`, 'savings', 'Savings accounts: ING Oranje Spaarrekening, Rabo/ABN savings, child savings.'),
  internal('savings.investments', 'text', r`\bdegiro\b|\bflatex\b|\bmeesman\b|\bbrand new day\b|\bpeaks\b|\bbux\b|\btrade republic\b|\bsaxo\b|\bbinck\b|\bbeleggingsrekening\b|\bvermogensbeheer\b|\bbeleggen\b`, 'savings', 'Brokers and investment apps.'),
  internal('savings.crypto', 'text', r`\bbitvavo\b|\bcoinbase\b|\bbinance\b|\bkraken\b|\blitebit\b|\bbitonic\b`, 'savings', 'Crypto exchanges: treated as investing, never as shopping.'),
  internal('savings.interest', 'description', r`\b(rente|interest|creditrente)\b`, 'savings', 'Interest paid on an account.', 'credit'),

  // Income and benefits. Checked before the tax office so allowances are not filed as tax.
  internal('income.salary-code', 'bank_code', r`^sb$`, 'income', 'Rabobank sb: salary payment.', 'credit'),
  internal('income.salary-words', 'description', r`\b(salaris|salary|loon|lonen|wages|vakantiegeld|vakantietoeslag|eindejaarsuitkering|dertiende maand|13e maand|loonstrook|netto loon|payroll)\b(?! op zand)`, 'income', 'Salary words, credits only ("salaris oppas" paid out is not income). "Loon op Zand" is a municipality.', 'credit'),
  internal('income.pension', 'text', r`\bpensioenfonds\b|\babp\b|\bpfzw\b|\bpmt\b|\bpme\b|\bbpf\b|\bpensioen\b`, 'income', 'Pension payments received.', 'credit'),
  internal('income.reimbursement', 'description', r`\b(declaratie|onkostenvergoeding|reiskostenvergoeding|thuiswerkvergoeding)\b`, 'income', 'Expense reimbursements from an employer.', 'credit'),
  internal('benefits.allowances', 'text', r`\btoeslagen\b|\b(zorgtoeslag|huurtoeslag|kinderopvangtoeslag|kindgebonden budget)\b`, 'benefits', 'Allowances paid (or reclaimed) by Dienst Toeslagen; listed before the tax-office rule.'),
  internal('benefits.agencies', 'text', r`\bstudiefinanciering\b|\buwv\b|\bsvb\b|\bsociale verzekeringsbank\b|\bkinderbijslag\b|\baow\b|\bww uitkering\b|\bbijstand\b|\bparticipatiewet\b|\buitkering\b`, 'benefits', 'UWV, SVB (child benefit, state pension) and municipal assistance. Sickness and disability benefits are caught first by the health rules.'),
  internal('benefits.student-finance', 'counterparty', r`^duo\b|\bdienst uitvoering onderwijs\b`, 'benefits', 'Student finance received from DUO.', 'credit'),
  internal('debt.student-loan', 'counterparty', r`^duo\b|\bdienst uitvoering onderwijs\b`, 'debt', 'Repaying a DUO student loan.', 'debit'),

  // Taxes, fines and government.
  internal('taxes.iban', 'counterparty_iban', r`^NL86INGB0002445588$`, 'taxes', 'The Belastingdienst account published for paying tax assessments.'),
  internal('taxes.tax-office', 'text', r`\bbelastingdienst\b|\bbelasting(en)?\b|\bmotorrijtuigenbelasting\b|\binkomstenbelasting\b`, 'taxes', 'National tax office and tax words.'),
  internal('taxes.local', 'text', r`\bgemeentebelasting|\bgemeentelijke belasting|\bbelastingsamenwerking|\bbelastingkantoor\b|\bwaterschap|\bhoogheemraadschap\b|\bbsgr\b|\bgblt\b|\bsvhw\b|\bbghu\b|\bafvalstoffenheffing\b|\brioolheffing\b|\bozb\b|\bwoz\b`, 'taxes', 'Municipal and water-board taxes and their collection agencies (BSGR, GBLT, SVHW, the Belastingsamenwerkingen). Drinking water is energy, never housing.'),
  internal('taxes.fines', 'text', r`\bcjib\b|\bcentraal justitieel incassobureau\b|\bbekeuring\b|\bverkeersboete\b`, 'taxes', 'Fines can reveal an offence (GDPR art. 10), so they are never sold.'),
  internal('taxes.municipality', 'counterparty', r`^gemeente\b`, 'taxes', 'Municipal fees (passport, parking permit). Congregations called "gemeente" are caught earlier by the religion rules.'),

  // Housing.
  internal('housing.corporations', 'counterparty', r`\bymere\b|\beigen haard\b|\bstadgenoot\b|\bde alliantie\b|\brochdale\b|\bvestia\b|\bwoonstad\b|\bhavensteder\b|\bstaedion\b|\bhaag wonen\b|\bvidomes\b|\bportaal\b|\bmitros\b|\bbo ex\b|\bwoonbron\b|\bwoonzorg nederland\b|\bvivare\b|\btalis\b|\btrudo\b|\bwoonbedrijf\b|\bwonen limburg\b|\blefier\b|\belkien\b|\bwoonstichting\b|\bwoningstichting\b|\bwoningcorporatie\b|\bwooncorporatie\b|\bdomesta\b|\bde key\b|\bwoonstede\b|\bacantus\b|\baccolade\b|\bmooiland\b|\bthuisvester\b|\bwoonlinie\b|\bde woonplaats\b|\bons huis\b|\bgoede stede\b|\bhabion\b|\bwoonpunt\b|\bparteon\b|\bintermaris\b|\bpatrimonium\b|\bzayaz\b|\bwoonforte\b|\bpre wonen\b|\barea wonen\b`, 'housing', 'Housing corporations: rent to them says more about income than about taste.'),
  internal('housing.landlords', 'counterparty', r`\bvesteda\b|\bholland2stay\b|\bmvgm\b|\brebo\b|\bvastgoedbeheer\b|\bvastgoed\b`, 'housing', 'Commercial landlords and property managers.'),
  internal('housing.mortgage', 'text', r`\bhypothe(ek|ken|caire)\b|\bvve\b|\bvereniging van eigenaren\b`, 'housing', 'Mortgage payments and owners\' association fees.'),
  weak('housing.rent-word', 'description', r`\b(kale |maand)?huur\b(?! ?(auto|fiets|bus|busje|aanhanger|scooter|boot|materiaal))|\bhuurpenningen\b|\bservicekosten\b`, 'housing', 'The word "huur" is also used for renting a car or a bike, which those exceptions and named merchants take.'),

  // Insurance that is not health insurance.
  internal('insurance.insurers', 'text', r`\bcentraal beheer\b|\binterpolis\b|\bfbto\b|\ballianz\b|\bnationale nederlanden\b|\bnn schade|\bunive\b|\bohra\b|\ba s r\b|\basr\b|\baegon\b|\binshared\b|\bditzo\b|\breaal\b|\bklaverblad\b|\bde goudse\b|\bunigarant\b|\bachmea\b|\bdas rechtsbijstand\b|\barag\b`, 'insurance', 'General insurers also sell health insurance; without a "zorg" word the line is filed here, which is never sold, so a health premium cannot leak.'),
  internal('insurance.words', 'text', r`\bverzekering(en)?\b|\bverzekeraar\b|\bpolis\b|\binboedel\b|\bopstal\b|\baansprakelijkheid\b|\brechtsbijstand\b`, 'insurance', 'Insurance words; "zorgverzekering" is one word and goes to health first.'),

  // Loans, debt collection and buy-now-pay-later.
  internal('debt.collection', 'text', r`\bdeurwaarder|\bgerechtsdeurwaarder|\bincasso ?bureau\b|\bintrum\b|\bflanderijn\b|\bggn\b|\blindorff\b|\bvesting finance\b|\bcannock chase\b|\bhoist finance\b|\bcollectis\b|\bschuldhulp|\bbudgetbeheer\b|\bbewindvoer|\bbeschermingsbewind`, 'debt', 'Bailiffs, debt collectors and debt counselling. Never "incasso" alone: every ING direct debit says "SEPA Incasso".'),
  internal('debt.loans', 'text', r`\bdefam\b|\bfindio\b|\bfreo\b|\bsantander consumer\b|\bcredifin\b|\bdoorlopend krediet\b|\bpersoonlijke lening\b|\bminilening\b|\baflossing\b|\blening\b|\bkrediet\b`, 'debt', 'Consumer credit and loan repayments.'),
  weak('debt.buy-now-pay-later', 'counterparty', r`\bklarna\b|\bafterpay\b|\briverty\b|\bin3\b|\bbillink\b|\bspraypay\b`, 'debt', 'Buy-now-pay-later: below shop rules, so a description naming the shop still wins; otherwise the payment is credit, not a purchase.'),

  // Charities and gambling.
  internal('charity.named', 'text', r`\bkwf\b|\brode kruis\b|\bunicef\b|\bgreenpeace\b|\bamnesty\b|\bartsen zonder grenzen\b|\bwnf\b|\bwereld natuur fonds\b|\bnatuurmonumenten\b|\bhartstichting\b|\bnierstichting\b|\blongfonds\b|\balzheimer nederland\b|\bkika\b|\boxfam\b|\bnovib\b|\bplan international\b|\bsave the children\b|\bwar child\b|\bcordaid\b|\bhivos\b|\bdierenbescherming\b|\bdierenambulance\b|\bmilieudefensie\b|\bvluchtelingenwerk\b|\bvoedselbank\b|\bdoe een wens\b|\bronald mcdonald\b|\bspierfonds\b|\bepilepsiefonds\b|\bdiabetes ?fonds\b|\bmaag lever darm\b|\bhet vergeten kind\b|\bsoa aids\b`, 'charity', 'Donations can reveal convictions or a family illness, so they are never sold.'),
  internal('charity.words', 'text', r`\bdonatie\b|\bperiodieke gift\b|\bcollecte\b|\bgoede doel(en)?\b`, 'charity', 'Donation words; a donation to a party, union or church is caught earlier by the special rules.'),
  internal('gambling.named', 'text', r`\bholland casino\b|\btoto\b|\blotto\b|\bstaatsloterij\b|\bnederlandse loterij\b|\bpostcode ?loterij\b|\bvriendenloterij\b|\bbankgiro ?loterij\b|\bunibet\b|\bbet365\b|\bbetcity\b|\bjacks casino\b|\bcircus casino\b|\bbingoal\b|\btonybet\b|\bleovegas\b|\bkansino\b|\bone casino\b|\bpokerstars\b|\bggpoker\b|\bbetway\b|\bbwin\b|\b711 nl\b`, 'gambling', 'Licensed Dutch casinos, lotteries and betting sites.'),
  internal('gambling.words', 'text', r`\bcasino\b|\bloterij\b|\bkansspel|\bpoker\b|\bweddenschap`, 'gambling', 'Gambling words.'),
];
