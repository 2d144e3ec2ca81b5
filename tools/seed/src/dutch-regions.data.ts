/**
 * The twelve provinces with their population (CBS, 1 January 2024, thousands) and, per province,
 * real municipalities with their own population as the weight inside the province. Names are
 * the official CBS spellings ('s-Gravenhage, Fryslân), as a postcode lookup would return them.
 */
export interface Province {
  name: string;
  population: number;
  municipalities: readonly (readonly [name: string, population: number])[];
}

export const PROVINCES: readonly Province[] = [
  {
    name: 'Zuid-Holland',
    population: 3834,
    municipalities: [
      ['Rotterdam', 664], ["'s-Gravenhage", 562], ['Leiden', 127], ['Dordrecht', 121], ['Zoetermeer', 126], ['Delft', 106],
      ['Westland', 113], ['Alphen aan den Rijn', 114], ['Gouda', 75], ['Schiedam', 80], ['Leidschendam-Voorburg', 78], ['Vlaardingen', 75],
    ],
  },
  {
    name: 'Noord-Holland',
    population: 2953,
    municipalities: [
      ['Amsterdam', 918], ['Haarlem', 164], ['Zaanstad', 158], ['Haarlemmermeer', 160], ['Alkmaar', 111], ['Hilversum', 93],
      ['Amstelveen', 92], ['Purmerend', 93], ['Hoorn', 74], ['Den Helder', 57],
    ],
  },
  {
    name: 'Noord-Brabant',
    population: 2626,
    municipalities: [
      ['Eindhoven', 243], ['Tilburg', 227], ['Breda', 186], ["'s-Hertogenbosch", 160], ['Helmond', 95], ['Oss', 95],
      ['Roosendaal', 78], ['Bergen op Zoom', 68], ['Oosterhout', 57], ['Waalwijk', 49],
    ],
  },
  {
    name: 'Gelderland',
    population: 2133,
    municipalities: [
      ['Nijmegen', 183], ['Arnhem', 166], ['Apeldoorn', 167], ['Ede', 123], ['Doetinchem', 59], ['Harderwijk', 49],
      ['Zutphen', 49], ['Tiel', 43], ['Barneveld', 62], ['Wageningen', 40],
    ],
  },
  {
    name: 'Utrecht',
    population: 1390,
    municipalities: [
      ['Utrecht', 367], ['Amersfoort', 160], ['Nieuwegein', 66], ['Veenendaal', 68], ['Zeist', 66], ['Houten', 51],
      ['Woerden', 53], ['Stichtse Vecht', 66], ['De Bilt', 44],
    ],
  },
  {
    name: 'Overijssel',
    population: 1184,
    municipalities: [
      ['Enschede', 161], ['Zwolle', 132], ['Deventer', 102], ['Almelo', 74], ['Hengelo', 82], ['Kampen', 55],
      ['Hardenberg', 62], ['Oldenzaal', 32], ['Rijssen-Holten', 39],
    ],
  },
  {
    name: 'Limburg',
    population: 1130,
    municipalities: [
      ['Maastricht', 122], ['Venlo', 102], ['Sittard-Geleen', 91], ['Heerlen', 87], ['Roermond', 59], ['Weert', 50],
      ['Kerkrade', 45], ['Venray', 44],
    ],
  },
  {
    name: 'Fryslân',
    population: 661,
    municipalities: [
      ['Leeuwarden', 127], ['Súdwest-Fryslân', 92], ['Smallingerland', 57], ['Heerenveen', 52], ['De Fryske Marren', 53],
      ['Tytsjerksteradiel', 32], ['Waadhoeke', 47], ['Harlingen', 16],
    ],
  },
  {
    name: 'Groningen',
    population: 596,
    municipalities: [
      ['Groningen', 241], ['Midden-Groningen', 61], ['Het Hogeland', 48], ['Westerkwartier', 66], ['Oldambt', 39],
      ['Eemsdelta', 45], ['Veendam', 28], ['Stadskanaal', 31],
    ],
  },
  {
    name: 'Drenthe',
    population: 502,
    municipalities: [
      ['Emmen', 108], ['Assen', 69], ['Hoogeveen', 56], ['Meppel', 35], ['Midden-Drenthe', 34], ['Coevorden', 36],
      ['Tynaarlo', 34], ['Noordenveld', 32],
    ],
  },
  {
    name: 'Flevoland',
    population: 444,
    municipalities: [
      ['Almere', 226], ['Lelystad', 82], ['Dronten', 43], ['Noordoostpolder', 48], ['Zeewolde', 23], ['Urk', 22],
    ],
  },
  {
    name: 'Zeeland',
    population: 391,
    municipalities: [
      ['Middelburg', 49], ['Vlissingen', 45], ['Goes', 39], ['Terneuzen', 55], ['Schouwen-Duiveland', 34], ['Hulst', 27], ['Veere', 22],
    ],
  },
];

export const PROVINCE_NAMES: readonly string[] = PROVINCES.map((p) => p.name);

/** The town a card terminal prints: banks show the place, uppercase, as the merchant registered it. */
export function terminalTown(municipality: string): string {
  const towns: Record<string, string> = {
    "'s-Gravenhage": "'S-GRAVENHAGE",
    "'s-Hertogenbosch": "'S-HERTOGENBOSCH",
    'Súdwest-Fryslân': 'SNEEK',
    'De Fryske Marren': 'JOURE',
    'Tytsjerksteradiel': 'BURGUM',
    'Waadhoeke': 'FRANEKER',
    'Smallingerland': 'DRACHTEN',
    'Midden-Groningen': 'HOOGEZAND',
    'Het Hogeland': 'WINSUM',
    'Westerkwartier': 'LEEK',
    'Oldambt': 'WINSCHOTEN',
    'Eemsdelta': 'DELFZIJL',
    'Midden-Drenthe': 'BEILEN',
    'Noordenveld': 'RODEN',
    'Tynaarlo': 'ZUIDLAREN',
    'Noordoostpolder': 'EMMELOORD',
    'Schouwen-Duiveland': 'ZIERIKZEE',
    'Westland': 'NAALDWIJK',
    'Haarlemmermeer': 'HOOFDDORP',
    'Leidschendam-Voorburg': 'VOORBURG',
    'Stichtse Vecht': 'MAARSSEN',
    'Sittard-Geleen': 'SITTARD',
    'Rijssen-Holten': 'RIJSSEN',
    'Zaanstad': 'ZAANDAM',
  };
  return towns[municipality] ?? municipality.toUpperCase();
}
