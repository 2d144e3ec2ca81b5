/** A busy account's ING export (semicolon layout) with varied, real-looking merchants. */
const MERCHANTS = [
  ['Albert Heijn 1403', 'BA'], ['Jumbo Utrecht', 'BA'], ['NS Groep IZ NS Reizigers', 'IC'], ['bol.com b.v.', 'IC'],
  ['Etos 7732', 'BA'], ['Kruidvat 4410', 'BA'], ['Apotheek De Vijzel', 'BA'], ['Thuisbezorgd.nl via Adyen', 'IC'],
  ['Vattenfall Klantenservice', 'IC'], ['KPN B.V.', 'IC'], ['Zalando SE', 'IC'], ['Coolblue B.V.', 'IC'],
  ['IKEA Delft', 'BA'], ['Shell 8812 Amersfoort', 'BA'], ['Pathe Tuschinski', 'BA'], ['Spotify AB', 'IC'],
] as const;

export function ingStatement(rows: number): Buffer {
  const lines = ['"Datum";"Naam / Omschrijving";"Rekening";"Tegenrekening";"Code";"Af Bij";"Bedrag (EUR)";"Mutatiesoort";"Mededelingen";"Saldo na mutatie";"Tag"'];
  for (let i = 0; i < rows; i += 1) {
    const [name, code] = MERCHANTS[i % MERCHANTS.length]!;
    const month = String(1 + (i % 12)).padStart(2, '0');
    const day = String(1 + (i % 28)).padStart(2, '0');
    const cents = 1 + ((i * 7919) % 25_000);
    const amount = `${Math.floor(cents / 100)},${String(cents % 100).padStart(2, '0')}`;
    lines.push(
      `"2025${month}${day}";"${name}";"NL20INGB0001234567";"NL21RABO0302461876";"${code}";"Af";"${amount}";"Betaalautomaat";` +
        `"Naam: ${name} Omschrijving: Aankoop ${i} Kenmerk: ${i} Valutadatum: ${day}-${month}-2025";"1.234,56";""`,
    );
  }
  return Buffer.from(lines.join('\r\n'), 'utf8');
}
