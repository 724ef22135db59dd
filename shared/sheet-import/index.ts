// Rows pasted from a spreadsheet or read from any CSV, mapped to list entries
// (issue 14): cells.ts reads one cell, columns.ts guesses the columns, read.ts reads the
// table.
export * from './cells';
export * from './columns';
export * from './read';
