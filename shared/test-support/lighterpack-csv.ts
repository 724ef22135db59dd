// Large LighterPack CSV files for the import bench (scripts/bench-import.ts) and the test
// that a big import syncs to another device (client/sync/sync-import.test.ts).
/** How many categories (lists) a generated file spreads its rows over. */
export const LIGHTERPACK_CATEGORIES = 25;
const UNITS = ['gram', 'ounce', 'pound', 'kilogram'];

/**
 * A LighterPack export (shared/lighterpack/columns.ts): its header, then one row per
 * item, every item distinct, spread over LIGHTERPACK_CATEGORIES categories, with the quoting a real
 * export has (descriptions with commas and quotes).
 */
export function lighterPackCsv(rows: number): string {
  const lines = ['Item Name,Category,desc,qty,weight,unit,url,price,worn,consumable'];
  for (let i = 0; i < rows; i++) {
    const worn = i % 7 === 0 ? 'Worn' : '';
    const consumable = i % 11 === 0 ? 'Consumable' : '';
    const desc = i % 3 === 0 ? `"Spare, ${i % 50}"" long"` : '';
    const url = i % 5 === 0 ? `https://example.com/gear/${i}` : '';
    const price = i % 4 === 0 ? String((i % 300) + 0.99) : '0';
    lines.push(
      [
        `Item ${i}`,
        `Category ${i % LIGHTERPACK_CATEGORIES}`,
        desc,
        String(1 + (i % 3)),
        String(5 + (i % 900) / 4),
        UNITS[i % UNITS.length],
        url,
        price,
        worn,
        consumable,
      ].join(','),
    );
  }
  return lines.join('\n') + '\n';
}
