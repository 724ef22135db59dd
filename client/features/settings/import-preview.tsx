// What a LighterPack import will write, shown before anything is: the pack, its lists with
// their entry counts, how many items are new or reused, and every row left out with its
// line and reason. Presentational: the plan comes in, nothing goes out.
import type { RowProblem } from '../../../shared/lighterpack';
import type { ImportPlan } from '../../model/import-lighterpack';

const count = (n: number, one: string, many: string) =>
  `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;

/** Lists shown by name; past this many the rest are summed up in one line. */
const SHOWN_LISTS = 50;

export function ImportPreview({ plan, headingId }: { plan: ImportPlan; headingId: string }) {
  const hidden = plan.lists.length - SHOWN_LISTS;
  return (
    <div className="import-preview">
      <h3 id={headingId}>Preview of “{plan.packName}”</h3>
      <p>
        A new pack, <strong>{plan.packName}</strong>, with:
      </p>
      <ul className="import-counts">
        <li>{count(plan.lists.length, 'list', 'lists')}</li>
        <li>{count(plan.entryCount, 'entry', 'entries')}</li>
        <li>{count(plan.newItems.length, 'new item', 'new items')}</li>
        <li>{count(plan.reusedItemIds.length, 'item', 'items')} reused from your library</li>
        <li>{count(plan.rejected.length, 'row', 'rows')} rejected</li>
      </ul>
      {plan.lists.length > 0 && (
        <>
          <h4>Lists</h4>
          <ul className="import-lists">
            {plan.lists.slice(0, SHOWN_LISTS).map((list) => (
              <li key={list.name}>
                {list.name}: {count(list.entries.length, 'entry', 'entries')}
              </li>
            ))}
            {hidden > 0 && <li>and {count(hidden, 'more list', 'more lists')}</li>}
          </ul>
        </>
      )}
      <Problems title="Rejected rows (not imported)" problems={plan.rejected} />
      <Problems title="Imported with a change" problems={plan.warnings} />
    </div>
  );
}

function Problems({ title, problems }: { title: string; problems: readonly RowProblem[] }) {
  if (problems.length === 0) return null;
  return (
    <>
      <h4>{title}</h4>
      <ul className="import-problems">
        {problems.map((problem) => (
          <li key={`${problem.line}:${problem.reason}`}>
            Line {problem.line}: {problem.reason}
          </li>
        ))}
      </ul>
    </>
  );
}
