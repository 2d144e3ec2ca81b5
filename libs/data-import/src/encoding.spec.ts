import { describe, expect, it } from 'vitest';
import { decodeStatementBytes, repairMojibake } from './encoding';

const header = 'Naam initiërende partij;Café;Müller';

describe('decodeStatementBytes', () => {
  it('reads UTF-8 without a BOM', () => {
    expect(decodeStatementBytes(Buffer.from(header, 'utf8'))).toEqual({ text: header, encoding: 'utf-8', repairedMojibake: false });
  });

  it('drops a UTF-8 BOM', () => {
    const decoded = decodeStatementBytes(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(header, 'utf8')]));
    expect(decoded.text).toBe(header);
    expect(decoded.encoding).toBe('utf-8');
  });

  it('falls back to Windows-1252 when the bytes are not valid UTF-8', () => {
    // ë = 0xEB, é = 0xE9, ü = 0xFC, € = 0x80 in Windows-1252; none of them can start valid UTF-8 here.
    const bytes = Buffer.from([...Buffer.from('Naam initi'), 0xeb, ...Buffer.from('rende partij;Caf'), 0xe9, ...Buffer.from(';M'), 0xfc, ...Buffer.from('ller '), 0x80]);
    expect(decodeStatementBytes(bytes)).toEqual({ text: `${header} €`, encoding: 'windows-1252', repairedMojibake: false });
  });

  it('reads UTF-16 with a BOM, as spreadsheet programs save "Unicode text"', () => {
    const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(header, 'utf16le')]);
    expect(decodeStatementBytes(bytes).text).toBe(header);
  });

  it('undoes UTF-8 that was read as Windows-1252 and saved again', () => {
    const misDecoded = 'Naam initiÃ«rende partij;CafÃ©;MÃ¼ller';
    expect(decodeStatementBytes(Buffer.from(misDecoded, 'utf8'))).toEqual({ text: header, encoding: 'utf-8', repairedMojibake: true });
  });
});

describe('repairMojibake', () => {
  it('leaves genuine text alone, including text that only looks suspicious', () => {
    expect(repairMojibake('Café Müller')).toBeNull();
    // "Ã©" next to a real "é" cannot both come from one UTF-8 text, so nothing is changed.
    expect(repairMojibake('CafÃ© and Café')).toBeNull();
  });
});
