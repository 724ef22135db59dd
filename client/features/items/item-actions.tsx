// An item's Edit and Delete buttons, on its card (phone) and its table row (desktop),
// named after the item so "Edit Tent" is unambiguous to screen readers and voice control.
interface ItemActionsProps {
  name: string;
  /** DOM id of the Edit button, so the page can return focus to it. */
  editId: string;
  onEdit: () => void;
  onDelete: () => void;
}

export function ItemActions({ name, editId, onEdit, onDelete }: ItemActionsProps) {
  return (
    <>
      <button
        type="button"
        id={editId}
        className="button"
        aria-label={`Edit ${name}`}
        onClick={onEdit}
      >
        Edit
      </button>
      <button type="button" className="button" aria-label={`Delete ${name}`} onClick={onDelete}>
        Delete
      </button>
    </>
  );
}
