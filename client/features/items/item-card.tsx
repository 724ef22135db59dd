// One item of the library: what it is, what it weighs, what it cost, where it is used,
// and its Edit and Delete buttons (named after the item, so "Edit Tent" is unambiguous
// to screen readers and to voice control).
import type { Item } from '../../../shared/schemas';
import type { DisplayUnit } from '../../../shared/units';
import type { ListRef } from '../../model/items';
import { ColorDot } from '../../ui/color-dot';
import { STATUS_NAMES } from '../../ui/item-form-values';
import { WeightText } from '../../ui/weight-text';
import { ItemActions } from './item-actions';
import { ListLinks } from './list-links';
import { formatPrice } from './price';

interface ItemCardProps {
  item: Item;
  /** The unit to show the weight in: the item's own, else the user's. */
  unit: DisplayUnit;
  lists: readonly ListRef[];
  /** DOM id of the Edit button, so the page can return focus to it. */
  editId: string;
  onEdit: () => void;
  onDelete: () => void;
}

function hostOf(url: string): string {
  try {
    return new URL(url).hostname.replace(/^www\./, '');
  } catch {
    return url;
  }
}

export function ItemCard({ item, unit, lists, editId, onEdit, onDelete }: ItemCardProps) {
  // Owned is the usual case: only the others are worth a label on the card.
  const status = item.status === 'owned' ? null : STATUS_NAMES[item.status];
  return (
    <article className="item-card" aria-label={item.name}>
      <div className="item-card-head">
        <ColorDot color={item.color} />
        <div className="item-card-title">
          <h3>{item.name}</h3>
          {(item.brand || status) && (
            <p className="muted">
              {item.brand}
              {item.brand && status && ' · '}
              {status && <span className="item-status">{status}</span>}
            </p>
          )}
        </div>
        <WeightText grams={item.weightGrams} unit={unit} />
      </div>
      {(item.priceCents !== null || item.url) && (
        <p className="item-card-extra">
          {item.priceCents !== null && <span>{formatPrice(item.priceCents, item.currency)}</span>}
          {item.url && (
            <a href={item.url} target="_blank" rel="noopener noreferrer">
              {hostOf(item.url)}
              <span className="visually-hidden"> (opens in a new tab)</span>
            </a>
          )}
        </p>
      )}
      {item.notes && <p className="item-card-notes">{item.notes}</p>}
      <div className="item-card-foot">
        <p className="item-card-lists">
          {lists.length === 0 ? (
            <span className="muted">Not in any list yet</span>
          ) : (
            <>
              <span className="muted">In </span>
              <ListLinks lists={lists} />
            </>
          )}
        </p>
        <div className="item-card-actions">
          <ItemActions name={item.name} editId={editId} onEdit={onEdit} onDelete={onDelete} />
        </div>
      </div>
    </article>
  );
}
