import { renderToStaticMarkup } from 'react-dom/server';
import { afterEach, describe, expect, it } from 'vitest';
import { Router } from 'wouter';
import type { AuthClient } from '../../auth/auth-client';
import type { AuthState } from '../../auth/session-state';
import { createHarness, signedIn, type Harness } from '../../auth/test-support/harness';
import { AuthContext } from '../../auth/use-auth';
import { AccountNotice, accountNavLink } from '../shell/account-status';
import { AccountPage } from './account-page';

let open: Harness | null = null;
afterEach(async () => {
  await open?.close();
  open = null;
});
const harness = async () => (open = await createHarness());

const render = (client: AuthClient) =>
  renderToStaticMarkup(
    <AuthContext value={client}>
      <AccountPage />
    </AuthContext>,
  );

/** The attributes of the input labelled `label` (labels point at inputs by id). */
function inputFor(html: string, label: string): string {
  const id = new RegExp(`<label for="([^"]+)">${label}</label>`).exec(html)?.[1];
  expect(id, `a label "${label}"`).toBeDefined();
  return new RegExp(`<input id="${id}"[^>]*>`).exec(html)?.[0] ?? '';
}

describe('AccountPage', () => {
  it('offers sign-in and sign-up to a guest, with labelled, autocompletable fields', async () => {
    const h = await harness();
    await h.client.session.start();
    const html = render(h.client);
    expect(html).toMatch(/role="tab"[^>]*aria-selected="true"[^>]*>Sign in</);
    expect(html).toMatch(/role="tab"[^>]*aria-selected="false"[^>]*>Create account</);
    expect(inputFor(html, 'Email')).toContain('autoComplete="email"');
    expect(inputFor(html, 'Password')).toContain('autoComplete="current-password"');
    expect(html).toContain('<p role="status" class="account-message"></p>');
  });

  it('shows the signed-in account with every action', async () => {
    const h = await harness();
    await signedIn(h);
    const html = render(h.client);
    expect(html).toContain('ann@example.com');
    expect(html).toContain('Signed in on this device since');
    for (const action of ['Sign out', 'Sign out everywhere', 'Change password', 'Export my data'])
      expect(html).toContain(`>${action}</button>`);
    expect(html).toContain('Also remove this account’s data from this device');
    expect(inputFor(html, 'Current password')).toContain('autoComplete="current-password"');
    expect(inputFor(html, 'New password')).toContain('autoComplete="new-password"');
    expect(inputFor(html, 'Type DELETE to confirm')).toContain('type="text"');
  });

  it('asks to sign in again, with the email filled in and no "everywhere"', async () => {
    const h = await harness();
    await signedIn(h);
    h.client.session.requireSignIn('session-ended');
    const html = render(h.client);
    expect(html).toContain('Sign in again');
    expect(html).toContain('Everything on this device stays');
    expect(inputFor(html, 'Email')).toContain('value="ann@example.com"');
    expect(html).not.toContain('Sign out everywhere');
  });
});

describe('the account in the shell', () => {
  const user = { id: 'u1', email: 'ann@example.com', signedInAt: '2026-06-01T09:30:00.000Z' };

  it.each<[AuthState, string]>([
    [{ status: 'signed-out' }, 'Sign in'],
    [{ status: 'signed-in', user, network: 'online' }, 'ann@example.com'],
    [{ status: 'sign-in-required', user, reason: 'session-ended' }, 'Sign in again'],
  ])('links to /account as %j', (state, label) => {
    expect(accountNavLink(state)).toEqual({ href: '/account', label });
  });

  it('shows a "Sign in again" notice outside the account page only', () => {
    const required: AuthState = { status: 'sign-in-required', user, reason: 'session-ended' };
    const notice = (state: AuthState, path = '/items') =>
      renderToStaticMarkup(
        <Router ssrPath={path}>
          <AccountNotice state={state} currentPath={path} />
        </Router>,
      );
    expect(notice(required)).toContain('>Sign in again</a>');
    expect(notice(required, '/account')).toBe(
      '<div class="account-notice-slot" role="status"></div>',
    );
    expect(notice({ status: 'signed-in', user, network: 'offline' })).not.toContain('<p');
  });
});
