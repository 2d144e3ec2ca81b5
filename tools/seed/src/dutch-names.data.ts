/**
 * Common first names by generation (popular names shift every few decades) and common surnames,
 * with tussenvoegsels as Dutch names write them ("Daan van der Meer"). Weights are rough ranks.
 */
export const FIRST_NAMES_BY_ERA: readonly { bornUntil: number; names: readonly string[] }[] = [
  {
    bornUntil: 1955,
    names: [
      'Johannes', 'Cornelis', 'Hendrik', 'Jacob', 'Willem', 'Gerrit', 'Jan', 'Pieter', 'Dirk', 'Theodorus', 'Antonius', 'Gerardus',
      'Maria', 'Johanna', 'Anna', 'Wilhelmina', 'Cornelia', 'Hendrika', 'Elisabeth', 'Geertruida', 'Catharina', 'Adriana', 'Aaltje', 'Grietje',
    ],
  },
  {
    bornUntil: 1975,
    names: [
      'Peter', 'Hans', 'Jan', 'Kees', 'Wim', 'Henk', 'Gerard', 'Marcel', 'Ronald', 'Erik', 'Frank', 'René', 'Rob', 'Paul', 'Ahmed', 'Mustafa',
      'Monique', 'Anita', 'Ingrid', 'Marianne', 'Petra', 'Yvonne', 'Marja', 'Annemiek', 'Karin', 'José', 'Fatima', 'Hatice',
    ],
  },
  {
    bornUntil: 1995,
    names: [
      'Dennis', 'Mark', 'Jeroen', 'Bas', 'Tim', 'Kevin', 'Niels', 'Martijn', 'Thomas', 'Stefan', 'Mohamed', 'Rachid', 'Mehmet', 'Ricardo',
      'Linda', 'Sanne', 'Kim', 'Lisa', 'Anouk', 'Femke', 'Laura', 'Esther', 'Marloes', 'Iris', 'Naima', 'Samira', 'Büşra', 'Priya',
    ],
  },
  {
    bornUntil: 2099,
    names: [
      'Daan', 'Sem', 'Lucas', 'Noah', 'Levi', 'Finn', 'Jesse', 'Luuk', 'Milan', 'Liam', 'Mohammed', 'Adam', 'Yusuf', 'Bram',
      'Emma', 'Julia', 'Tess', 'Mila', 'Sophie', 'Zoë', 'Sara', 'Eva', 'Lotte', 'Nina', 'Fenna', 'Noor', 'Yasmina', 'Elif',
    ],
  },
];

/** [tussenvoegsel, surname, weight]. */
export const SURNAMES: readonly (readonly [string, string, number])[] = [
  ['de', 'Jong', 86], ['', 'Jansen', 74], ['de', 'Vries', 72], ['van den', 'Berg', 60], ['van', 'Dijk', 57], ['', 'Bakker', 56],
  ['', 'Janssen', 55], ['', 'Visser', 50], ['', 'Smit', 46], ['', 'Meijer', 43], ['de', 'Boer', 40], ['', 'Mulder', 39],
  ['de', 'Groot', 38], ['', 'Bos', 37], ['', 'Vos', 34], ['', 'Peters', 33], ['', 'Hendriks', 33], ['van', 'Leeuwen', 32],
  ['', 'Dekker', 31], ['', 'Brouwer', 30], ['de', 'Wit', 30], ['', 'Dijkstra', 29], ['', 'Smits', 28], ['de', 'Graaf', 28],
  ['van der', 'Meer', 27], ['van der', 'Linden', 26], ['', 'Kok', 26], ['', 'Jacobs', 25], ['de', 'Haan', 25], ['', 'Vermeulen', 25],
  ['van den', 'Heuvel', 24], ['van der', 'Veen', 24], ['van den', 'Broek', 23], ['de', 'Bruijn', 23], ['de', 'Bruin', 22],
  ['van der', 'Heijden', 22], ['', 'Schouten', 21], ['van', 'Beek', 21], ['', 'Willems', 21], ['van', 'Vliet', 20], ['van de', 'Ven', 20],
  ['', 'Hoekstra', 20], ['', 'Maas', 20], ['', 'Verhoeven', 19], ['', 'Koster', 19], ['van', 'Dam', 19], ['van der', 'Wal', 18],
  ['', 'Prins', 18], ['', 'Blom', 18], ['', 'Huisman', 18], ['', 'Peeters', 17], ['de', 'Jonge', 17], ['', 'Kuipers', 17],
  ['van', 'Veen', 17], ['', 'Post', 16], ['', 'Kuiper', 16], ['', 'Veenstra', 16], ['', 'Kramer', 16], ['van den', 'Brink', 15],
  ['', 'Scholten', 15], ['van', 'Wijk', 15], ['', 'Postma', 15], ['', 'Martens', 14], ['', 'Vink', 14], ['de', 'Ruiter', 14],
  ['', 'Timmermans', 14], ['', 'Groen', 13], ['', 'Gerritsen', 13], ['', 'Jonker', 13], ['van', 'Loon', 13], ['', 'Boer', 12],
  ['van der', 'Velde', 12], ['', 'Willemsen', 12], ['', 'Smeets', 12], ['de', 'Lange', 12], ['de', 'Vos', 11], ['', 'Bosch', 11],
  ['van', 'Dongen', 11], ['', 'Schipper', 11], ['de', 'Koning', 11], ['van der', 'Laan', 11], ['', 'Koning', 10],
  ['', 'Driessen', 10], ['van', 'Doorn', 10], ['', 'Hermans', 10], ['', 'Evers', 10], ['van den', 'Bosch', 10], ['van der', 'Meulen', 10],
  ['', 'Hofman', 9], ['', 'Bosman', 9], ['', 'Wolters', 9], ['', 'Sanders', 9], ['van der', 'Horst', 9], ['', 'Mol', 9],
  ['', 'Kuijpers', 9], ['', 'Molenaar', 9], ['van de', 'Pol', 8], ['de', 'Leeuw', 8], ['', 'Verbeek', 8], ['in het', 'Veld', 5],
  ['', 'Yılmaz', 12], ['', 'Kaya', 9], ['', 'Demir', 8], ['', 'El Amrani', 7], ['', 'Bouzid', 6], ['', 'El Idrissi', 6],
  ['', 'Ramdin', 5], ['', 'Nguyen', 5], ['', 'Kowalski', 5], ['', 'Tahiri', 5], ['', 'Martina', 4], ['', 'Sedney', 4],
];

export function fullName(firstName: string, prefix: string, surname: string): string {
  return prefix ? `${firstName} ${prefix} ${surname}` : `${firstName} ${surname}`;
}
