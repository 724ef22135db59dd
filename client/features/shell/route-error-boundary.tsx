// Catches a page that fails to render, most often a route's code that could not be
// loaded (a lazy chunk, e.g. after an update removed the old files while offline), so
// the header and navigation stay usable. Navigating elsewhere clears the error.
import { Component } from 'react';
import type { ReactNode } from 'react';

interface Props {
  location: string;
  children: ReactNode;
}

interface State {
  failedAt: string | null;
  error: unknown;
}

export class RouteErrorBoundary extends Component<Props, State> {
  override state: State = { failedAt: null, error: null };

  static getDerivedStateFromError(error: unknown): Partial<State> {
    return { error, failedAt: '' };
  }

  static getDerivedStateFromProps(props: Props, state: State): Partial<State> | null {
    if (state.failedAt === '') return { failedAt: props.location };
    if (state.failedAt !== null && state.failedAt !== props.location)
      return { failedAt: null, error: null };
    return null;
  }

  override componentDidCatch(error: unknown): void {
    console.error('A page failed to render', error);
  }

  override render() {
    if (this.state.failedAt === null) return this.props.children;
    return (
      <div className="route-error" role="alert">
        <h1>This page could not be shown</h1>
        <p>Your data is safe on this device. Reloading usually fixes this.</p>
        <p>
          <button type="button" className="button button-primary" onClick={() => location.reload()}>
            Reload
          </button>
        </p>
        <details>
          <summary>Technical details</summary>
          <code>{String(this.state.error)}</code>
        </details>
      </div>
    );
  }
}
