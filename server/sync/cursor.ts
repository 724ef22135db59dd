// The pull cursor. API.md calls it opaque; here it is the user's last sequence
// number seen, in decimal. `""` means "from the beginning" (sequence 0).
export const START_CURSOR = '';

const CURSOR = /^(0|[1-9]\d{0,14})$/;

/** The sequence number a cursor stands for, or null when it is not one of ours. */
export function decodeCursor(cursor: string): number | null {
  if (cursor === START_CURSOR) return 0;
  return CURSOR.test(cursor) ? Number(cursor) : null;
}

export function encodeCursor(seq: number): string {
  return String(seq);
}
