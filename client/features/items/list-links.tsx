// The lists an item is on, as links separated by commas (its card and its table row).
import { Link } from 'wouter';
import type { ListRef } from '../../model/items';

export function ListLinks({ lists }: { lists: readonly ListRef[] }) {
  return lists.map((list, i) => (
    <span key={list.id}>
      {i > 0 && ', '}
      <Link href={`/lists/${list.id}`}>{list.name}</Link>
    </span>
  ));
}
