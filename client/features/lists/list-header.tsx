// The list's notes and colour, and what can be done with the whole list: edit its
// details, duplicate it (then open the copy), delete it (with an undo that brings the
// user back to it).
import { useEffect, useRef, useState } from 'react';
import type { ReactNode } from 'react';
import { useLocation } from 'wouter';
import type { List } from '../../../shared/schemas';
import { deleteList, duplicateList, restoreList, updateList } from '../../model/lists';
import { useDb } from '../../model/db-context';
import { ColorDot } from '../../ui/color-dot';
import { paletteName } from '../../ui/palette';
import { useOfferUndo } from '../undo/undo-provider';
import { describeWriteError } from '../../model/storage-errors';
import { ListDetailsForm } from './list-details-form';
import type { ListDetails } from './list-details-form';

/** `children`: more actions for the whole list, shown after the list's own. */
export function ListHeader({ list, children }: { list: List; children?: ReactNode }) {
  const db = useDb();
  const [, navigate] = useLocation();
  const offerUndo = useOfferUndo();
  const [editing, setEditing] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const editButton = useRef<HTMLButtonElement>(null);
  const wasEditing = useRef(false);

  // Closing the details form returns focus to the button that opened it.
  useEffect(() => {
    if (wasEditing.current && !editing) editButton.current?.focus();
    wasEditing.current = editing;
  }, [editing]);

  const run = async (action: () => Promise<void>) => {
    setFailure(null);
    try {
      await action();
    } catch (error) {
      setFailure(describeWriteError(error));
    }
  };

  const duplicate = () =>
    run(async () => {
      const copy = await duplicateList(db, list.id);
      navigate(`/lists/${copy}`);
    });

  const remove = () =>
    run(async () => {
      await deleteList(db, list.id);
      offerUndo(`Deleted list “${list.name}”.`, async () => {
        await restoreList(db, list.id);
        navigate(`/lists/${list.id}`);
      });
      navigate('/lists');
    });

  if (editing) {
    return (
      <ListDetailsForm
        list={list}
        onSave={async (details: ListDetails) => {
          await updateList(db, list.id, details);
          setEditing(false);
        }}
        onCancel={() => setEditing(false)}
      />
    );
  }

  return (
    <div className="list-header">
      {(list.notes || list.color !== null) && (
        <div className="list-about">
          {list.color !== null && (
            <p className="list-color">
              <ColorDot color={list.color} /> {paletteName(list.color)}
            </p>
          )}
          {list.notes && <p className="list-notes">{list.notes}</p>}
        </div>
      )}
      <div className="list-actions">
        <button ref={editButton} type="button" className="button" onClick={() => setEditing(true)}>
          Edit details
        </button>
        <button type="button" className="button" onClick={() => void duplicate()}>
          Duplicate list
        </button>
        <button type="button" className="button" onClick={() => void remove()}>
          Delete list
        </button>
        {children}
      </div>
      {failure && (
        <p role="alert" className="form-error">
          {failure}
        </p>
      )}
    </div>
  );
}
