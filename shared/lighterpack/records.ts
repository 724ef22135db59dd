// CSV text → records (arrays of cells) with the 1-based line of the file each starts on.
// Papa Parse does the CSV work; this module adds line numbers and one recovery.
//
// Line numbers: the header is line 1 of a file without leading blank lines; a blank line
// is skipped but still counted, and a record whose quoted field spans lines counts by its
// first line. Papa Parse reports where each record ends (`meta.cursor`), so the line of the
// next one is found by counting the line breaks (CRLF, LF or CR) of the text in between.
//
// Recovery: LighterPack exports made before July 2026 quoted a field only when it held a
// comma and never doubled inner quotes, so `"Big" Agnes tent` or `"20" x 72", wide"` can
// appear. To a strict CSV reader a leading bare quote opens a quoted field that runs on
// into the following records. When Papa Parse reports a quote error anywhere, the file is
// read again one physical line at a time (old exports never hold a record on two lines):
// a line that parses cleanly keeps its cells; one that does not is split on commas alone
// (Papa Parse with quoting turned off) and the pieces of old-style quoted fields are joined
// back so that the line has as many cells as the header.
import Papa from 'papaparse';

export interface CsvRecord {
  /** The 1-based line of the file where the record starts. */
  line: number;
  cells: string[];
}

export interface CsvRecords {
  records: CsvRecord[];
  /** True when the file was read in the old, quote-only-commas dialect. */
  legacy: boolean;
}

const LINE_BREAK = /\r\n|\r|\n/g;
/** A quote character that cannot occur in text: it turns Papa Parse's quoting off. */
const NO_QUOTES = '\u0000';

function countLineBreaks(text: string): number {
  return text.match(LINE_BREAK)?.length ?? 0;
}

/** Reads `text` (without a BOM). Blank records are kept: the caller decides what is blank. */
export function readCsvRecords(text: string): CsvRecords {
  const strict = readStrict(text);
  if (strict) return { records: strict, legacy: false };
  return { records: readLegacy(text), legacy: true };
}

/** The records of standard CSV, or null at the first quote error. */
function readStrict(text: string): CsvRecord[] | null {
  const records: CsvRecord[] = [];
  let line = 1;
  let offset = 0;
  let quoteError = false;
  Papa.parse<string[]>(text, {
    delimiter: ',',
    step(result, parser) {
      if (result.errors.some((error) => error.type === 'Quotes')) {
        quoteError = true;
        parser.abort();
        return;
      }
      records.push({ line, cells: result.data });
      const end = result.meta.cursor;
      line += countLineBreaks(text.slice(offset, end));
      offset = end;
    },
  });
  return quoteError ? null : records;
}

function readLegacy(text: string): CsvRecord[] {
  const lines = text.split(LINE_BREAK);
  if (lines.at(-1) === '') lines.pop();
  let width = 0;
  return lines.map((raw, i) => {
    const strict = Papa.parse<string[]>(raw, { delimiter: ',' });
    const clean = strict.errors.every((error) => error.type !== 'Quotes');
    const cells = clean ? (strict.data[0] ?? ['']) : joinOldQuoted(splitOnCommas(raw), width);
    // The first line with content is the header: its width is what the others should have.
    if (width === 0 && cells.some((cell) => cell.trim() !== '')) width = cells.length;
    return { line: i + 1, cells };
  });
}

function splitOnCommas(raw: string): string[] {
  return Papa.parse<string[]>(raw, { delimiter: ',', quoteChar: NO_QUOTES }).data[0] ?? [''];
}

/**
 * Joins runs of comma-split pieces into old-style quoted fields (a run starts with `"`
 * and ends with `"`) so that `width` cells remain, trying single pieces first. Without a
 * way to reach `width` the pieces are kept as they are.
 */
export function joinOldQuoted(pieces: readonly string[], width: number): string[] {
  // Past 64 pieces the search could take long, and no LighterPack line is that wide.
  if (width === 0 || pieces.length <= width || pieces.length > 64) return [...pieces];
  const search = (at: number, cells: string[]): string[] | null => {
    if (at === pieces.length) return cells.length === width ? cells : null;
    // Every cell still to make needs at least one piece.
    const left = width - cells.length;
    if (left <= 0 || pieces.length - at < left) return null;
    const single = search(at + 1, [...cells, pieces[at] ?? '']);
    if (single || !pieces[at]?.startsWith('"')) return single;
    for (let end = at + 1; end < pieces.length; end++) {
      if (!pieces[end]?.endsWith('"')) continue;
      const field = pieces
        .slice(at, end + 1)
        .join(',')
        .slice(1, -1);
      const found = search(end + 1, [...cells, field]);
      if (found) return found;
    }
    return null;
  };
  return search(0, []) ?? [...pieces];
}
