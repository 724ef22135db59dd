// The hybrid logical clock in one import: its wire format, parsing and ordering
// (hlc-format.ts) and the pure clock operations tick and receive (hlc-clock.ts).
export * from './hlc-format';
export * from './hlc-clock';
