/**
 * Bank statements of a given size in each format the platform reads, for the upload benchmark. Rows
 * are added until the next one would pass the target, so every file is just under `targetBytes`.
 */
export type StatementShape = 'ing-csv' | 'ing-csv-windows-1252' | 'rabobank-csv' | 'abn-amro-tab' | 'camt053' | 'one-line';

export const STATEMENT_SHAPES: readonly StatementShape[] = ['ing-csv', 'rabobank-csv', 'abn-amro-tab', 'camt053', 'ing-csv-windows-1252'];

/**
 * Not a statement: one line of 19 MB of semicolons. Sniffing its "header" on the API's event loop
 * (csv-parse making millions of empty fields) took 1.3 s per file, which is how five uploads stalled
 * `/healthz` for seconds; the worker now refuses it by its line length.
 */
export const HOSTILE_SHAPES: readonly StatementShape[] = ['one-line'];

const MERCHANTS = ['Albert Heijn 1403', 'Jumbo Utrecht', 'NS Groep IZ NS Reizigers', 'bol.com b.v.', 'Etos 7732', 'Apotheek De Vijzel', 'Café de Jaren', 'Coolblue B.V.'];

const pad2 = (n: number) => String(n).padStart(2, '0');
const dayOf = (i: number) => ({ y: 2025, m: 1 + (i % 12), d: 1 + (i % 28) });
const euros = (cents: number, separator: ',' | '.') => `${Math.floor(cents / 100)}${separator}${pad2(cents % 100)}`;

function filled(head: string, row: (i: number) => string, tail: string, separator: string, targetBytes: number, encode: (text: string) => Buffer): Buffer {
  const parts = [head];
  let size = Buffer.byteLength(head) + Buffer.byteLength(tail);
  for (let i = 0; ; i += 1) {
    const next = separator + row(i);
    const bytes = Buffer.byteLength(next);
    if (size + bytes > targetBytes) break;
    parts.push(next);
    size += bytes;
  }
  parts.push(tail);
  return encode(parts.join(''));
}

const utf8 = (text: string) => Buffer.from(text, 'utf8');

function ing(targetBytes: number, encode: (text: string) => Buffer): Buffer {
  const header = '"Datum";"Naam / Omschrijving";"Rekening";"Tegenrekening";"Code";"Af Bij";"Bedrag (EUR)";"Mutatiesoort";"Mededelingen";"Saldo na mutatie";"Tag"';
  return filled(
    header,
    (i) => {
      const { y, m, d } = dayOf(i);
      const name = MERCHANTS[i % MERCHANTS.length]!;
      return (
        `"${y}${pad2(m)}${pad2(d)}";"${name}";"NL20INGB0001234567";"NL21RABO0302461876";"BA";"Af";"${euros(1 + ((i * 7919) % 25_000), ',')}";"Betaalautomaat";` +
        `"Naam: ${name} Omschrijving: Aankoop ${i} Kenmerk: ${i} Valutadatum: ${pad2(d)}-${pad2(m)}-${y}";"1.234,56";""`
      );
    },
    '',
    '\r\n',
    targetBytes,
    encode,
  );
}

function rabobank(targetBytes: number): Buffer {
  const header =
    '"IBAN/BBAN","Munt","BIC","Volgnr","Datum","Rentedatum","Bedrag","Saldo na trn","Tegenrekening IBAN/BBAN","Naam tegenpartij","Naam uiteindelijke partij",' +
    '"Naam initiërende partij","BIC tegenpartij","Code","Batch ID","Transactiereferentie","Machtigingskenmerk","Incassant ID","Betalingskenmerk","Omschrijving-1",' +
    '"Omschrijving-2","Omschrijving-3","Reden retour","Oorspr bedrag","Oorspr munt","Koers"';
  return filled(
    header,
    (i) => {
      const { y, m, d } = dayOf(i);
      const date = `${y}-${pad2(m)}-${pad2(d)}`;
      const name = MERCHANTS[i % MERCHANTS.length]!;
      return (
        `"NL44RABO0123456789","EUR","RABONL2U","${String(i + 1).padStart(18, '0')}","${date}","${date}","-${euros(1 + ((i * 7919) % 25_000), ',')}","+761,02",` +
        `" ","${name}"," "," "," ","bc"," "," "," "," "," ","Betaalautomaat ${pad2(d)}-${pad2(m)}-${y} 18:22 pasnr. 021"," "," "," "," "," "," "`
      );
    },
    '',
    '\n',
    targetBytes,
    utf8,
  );
}

function abnAmro(targetBytes: number): Buffer {
  return filled(
    '',
    (i) => {
      const { y, m, d } = dayOf(i);
      const date = `${y}${pad2(m)}${pad2(d)}`;
      const name = MERCHANTS[i % MERCHANTS.length]!.padEnd(24, ' ').slice(0, 24);
      return `417164300\tEUR\t${date}\t1842,50\t1808,38\t${date}\t-${euros(1 + ((i * 7919) % 25_000), ',')}\tBEA, Betaalpas                   ${name},PAS021 NR:CT${i}, ${pad2(d)}.${pad2(m)}.25/17:42      AMSTERDAM                       `;
    },
    '',
    '\n',
    targetBytes,
    utf8,
  ).subarray(1);
}

function camt053(targetBytes: number): Buffer {
  const head =
    '<?xml version="1.0" encoding="UTF-8"?>\n<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.02">\n<BkToCstmrStmt>\n' +
    '<GrpHdr><MsgId>BENCH-1</MsgId><CreDtTm>2025-12-31T06:00:00</CreDtTm></GrpHdr>\n<Stmt>\n<Id>BENCH-STMT-1</Id>\n' +
    '<Acct><Id><IBAN>NL48KNAB0255813746</IBAN></Id><Ccy>EUR</Ccy></Acct>';
  const tail = '\n</Stmt>\n</BkToCstmrStmt>\n</Document>\n';
  return filled(
    head,
    (i) => {
      const { y, m, d } = dayOf(i);
      const amount = euros(1 + ((i * 7919) % 25_000), '.');
      const name = MERCHANTS[i % MERCHANTS.length]!.replace('&', '&amp;');
      return (
        `<Ntry><Amt Ccy="EUR">${amount}</Amt><CdtDbtInd>DBIT</CdtDbtInd><Sts>BOOK</Sts><BookgDt><Dt>${y}-${pad2(m)}-${pad2(d)}</Dt></BookgDt>` +
        `<AcctSvcrRef>BENCH-${i}</AcctSvcrRef><BkTxCd><Domn><Cd>PMNT</Cd><Fmly><Cd>CCRD</Cd><SubFmlyCd>POSD</SubFmlyCd></Fmly></Domn></BkTxCd>` +
        `<NtryDtls><TxDtls><Refs><EndToEndId>NOTPROVIDED</EndToEndId></Refs><Amt Ccy="EUR">${amount}</Amt><CdtDbtInd>DBIT</CdtDbtInd>` +
        `<RltdPties><Cdtr><Nm>${name}</Nm></Cdtr></RltdPties><RmtInf><Ustrd>Betaalpas ${pad2(d)}-${pad2(m)}-${y} aankoop ${i}</Ustrd></RmtInf></TxDtls></NtryDtls></Ntry>`
      );
    },
    tail,
    '\n',
    targetBytes,
    utf8,
  );
}

/** Windows-1252 (what older ING exports are): the accents are single bytes, so UTF-8 decoding fails and the fallback runs. */
function windows1252(text: string): Buffer {
  return Buffer.from(text, 'latin1');
}

export function statementOfShape(shape: StatementShape, targetBytes: number): { name: string; bytes: Buffer } {
  switch (shape) {
    case 'ing-csv':
      return { name: 'ing.csv', bytes: ing(targetBytes, utf8) };
    case 'ing-csv-windows-1252':
      return { name: 'ing-ansi.csv', bytes: ing(targetBytes, windows1252) };
    case 'rabobank-csv':
      return { name: 'rabobank.csv', bytes: rabobank(targetBytes) };
    case 'abn-amro-tab':
      return { name: 'TXT251231.TAB', bytes: abnAmro(targetBytes) };
    case 'camt053':
      return { name: 'camt053.xml', bytes: camt053(targetBytes) };
    case 'one-line':
      return { name: 'export.csv', bytes: Buffer.alloc(targetBytes, ';') };
  }
}
