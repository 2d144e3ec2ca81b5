import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseStatement } from '../parse-statement';
import type { ParsedStatement, StatementFile } from '../statement.types';

/** Test support: fixture files live in libs/data-import/fixtures so tests never depend on anything outside the repo. */
export function fixtureFile(path: string): StatementFile {
  return { name: basename(path), bytes: readFileSync(fileURLToPath(new URL(`../../fixtures/${path}`, import.meta.url))) };
}

export function parseFixture(path: string): ParsedStatement {
  return parseStatement(fixtureFile(path));
}

export function parseText(text: string, name = 'upload.csv'): ParsedStatement {
  return parseStatement({ name, bytes: Buffer.from(text, 'utf8') });
}

/** The error a call throws, for asserting on its fields rather than only its message. */
export function thrownBy(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  throw new Error('Expected the call to throw.');
}
