import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { SyncStatus } from '../../sync/sync-status';
import { announcementOf, SyncStatusView } from './sync-status';

const render = (status: SyncStatus) =>
  renderToStaticMarkup(<SyncStatusView status={status} formatTime={() => '12:03'} />);

describe('SyncStatusView', () => {
  it('shows the state in one line, with a polite live region', () => {
    const html = render({ state: 'synced', at: 0 });
    expect(html).toContain('data-state="synced"');
    expect(html).toContain('<span aria-hidden="true">Synced 12:03</span>');
    expect(html).toContain('role="status"');
  });

  it('announces only the kind of state, not every count and minute', () => {
    expect(announcementOf({ state: 'syncing', pulled: 1200, total: null })).toBe('Syncing…');
    expect(announcementOf({ state: 'synced', at: 5 })).toBe('Synced');
    expect(announcementOf({ state: 'offline' })).toBe('Offline — changes are saved on this device');
    expect(announcementOf({ state: 'error', reason: 'x', retrying: true })).toBe('Sync error: x');
  });

  it('shows a progress bar only while a pull with a known total runs', () => {
    const html = render({ state: 'syncing', pulled: 4000, total: 160005 });
    expect(html).toMatch(/<progress aria-label="Sync progress"[^>]* value="4000" max="160005">/);
    expect(html).toContain('aria-valuetext="Syncing… 4,000 of 160,005 changes"');
    expect(render({ state: 'syncing', pulled: 4000, total: null })).not.toContain('<progress');
    expect(render({ state: 'synced', at: 0 })).not.toContain('<progress');
  });

  it('shows nothing for a guest but keeps the live region in place', () => {
    const html = render({ state: 'signed-out' });
    expect(html).not.toContain('aria-hidden');
    expect(html).toContain('role="status"');
  });
});
