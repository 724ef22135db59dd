// Placeholder rows while the first query loads (IndexedDB answers in
// milliseconds, but a cold start on a slow phone can take longer), announced
// once as "Loading" rather than as empty content.
export function Skeleton({ rows = 3, label = 'Loading' }: { rows?: number; label?: string }) {
  return (
    <div className="skeleton" role="status" aria-label={label} aria-busy="true">
      {Array.from({ length: rows }, (_, i) => (
        <div key={i} className="skeleton-row" />
      ))}
    </div>
  );
}
