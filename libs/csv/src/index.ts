export { neutraliseFormula, toCsv } from './safe-csv';
export type { CsvCell } from './safe-csv';
