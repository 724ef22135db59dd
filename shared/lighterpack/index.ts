// LighterPack CSV, the exchange format of gear apps (its exact columns: columns.ts, issue 7):
// reading (parse.ts) and writing (format.ts), pure and independent of the database.
export * from './columns';
export * from './format';
export * from './parse';
export * from './row';
export * from './units';
