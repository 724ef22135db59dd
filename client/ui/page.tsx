// The frame of every page: its heading, and a document title that names the page, so
// history entries, tabs and screen readers tell pages apart after client navigation.
import { useEffect } from 'react';
import type { ReactNode } from 'react';

interface PageProps {
  title: string;
  children?: ReactNode;
}

export function Page({ title, children }: PageProps) {
  useEffect(() => {
    document.title = `${title} · PackYourBag`;
  }, [title]);
  return (
    <>
      <h1>{title}</h1>
      {children}
    </>
  );
}
