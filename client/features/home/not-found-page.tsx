// Any path the router does not know, e.g. an old bookmark.
import { Link } from 'wouter';
import { Page } from '../../ui/page';

export function NotFoundPage() {
  return (
    <Page title="Page not found">
      <p>There is nothing at this address. Your gear is safe; this page just doesn’t exist.</p>
      <p>
        <Link href="/">Go to the start page</Link>
      </p>
    </Page>
  );
}
