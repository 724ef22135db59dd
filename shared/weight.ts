// Weight in one import: units and exact conversion (units.ts), display rounding
// (format-weight.ts) and pack totals (totals.ts). Split by concept to keep each file small.
export * from './units';
export * from './format-weight';
export * from './totals';
