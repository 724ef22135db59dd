// Reading a LighterPack CSV file (the format: columns.ts and issue 7):
// the text → typed rows in file order, plus every rejected row with its line and reason.
// Pure: nothing is written here; the client plans and writes the import from the result.
//
// Steps: 1. drop a BOM (spreadsheets add one); 2. Papa Parse → records with line numbers
// (records.ts); 3. the first record with content is the header (columns.ts); 4. every later
// record that is not blank (empty, or only commas and spaces) is a data row (row.ts).
// A file over MAX_ROWS data rows is refused as a whole, so the user is told at once
// instead of after a long write.
import { readHeader } from './columns';
import { readCsvRecords, type CsvRecord } from './records';
import { readRow, type LighterPackRow } from './row';

/** Files up to 5 MB (the UI checks the size before reading) and 20,000 data rows. */
export const MAX_FILE_BYTES = 5 * 1024 * 1024;
export const MAX_ROWS = 20_000;

export interface RowProblem {
  line: number;
  reason: string;
}

export interface LighterPackFile {
  rows: LighterPackRow[];
  /** Rows left out, each with its line and why (several reasons joined by "; "). */
  rejected: RowProblem[];
  /** Rows imported with something dropped (an url that is not a link). */
  warnings: RowProblem[];
  /** Data rows in the file, accepted or not (blank lines not counted). */
  rowCount: number;
  /** True when the file was read as an old export with bare quotes. */
  legacy: boolean;
}

export type LighterPackParse = { ok: true; file: LighterPackFile } | { ok: false; error: string };

export interface ParseOptions {
  maxRows?: number;
}

const isBlank = (record: CsvRecord): boolean => record.cells.every((cell) => cell.trim() === '');

export function parseLighterPackCsv(text: string, options: ParseOptions = {}): LighterPackParse {
  const maxRows = options.maxRows ?? MAX_ROWS;
  const source = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const { records, legacy } = readCsvRecords(source);
  const content = records.filter((record) => !isBlank(record));
  const [header, ...data] = content;
  if (!header) return { ok: false, error: 'The file is empty.' };
  const found = readHeader(header.cells);
  if ('error' in found) return { ok: false, error: found.error };
  if (data.length > maxRows) {
    const count = data.length.toLocaleString('en-US');
    const limit = maxRows.toLocaleString('en-US');
    return {
      ok: false,
      error: `This file has ${count} rows; at most ${limit} can be imported at once. Split it into smaller files.`,
    };
  }

  const file: LighterPackFile = { rows: [], rejected: [], warnings: [], rowCount: 0, legacy };
  for (const record of data) {
    file.rowCount++;
    const result = readRow(record.cells, found.columns, record.line);
    if (!result.ok) {
      file.rejected.push({ line: record.line, reason: result.reasons.join('; ') });
      continue;
    }
    file.rows.push(result.row);
    for (const reason of result.warnings) file.warnings.push({ line: record.line, reason });
  }
  return { ok: true, file };
}

/** The pack name for a file: without `.csv`, underscores as spaces (as LighterPack does). */
export function packNameFromFileName(fileName: string): string {
  const base = fileName.replace(/^.*[\\/]/, '').replace(/\.csv$/i, '');
  const name = base.replace(/_/g, ' ').trim().slice(0, 200).trim();
  return name === '' ? 'Imported pack' : name;
}
