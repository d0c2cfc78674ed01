import type { ReactNode } from 'react';
import { PageHeader } from './PageHeader.js';

/** A staff or set-up page: the top bar, then the page's main content. */
export function Page({ kind, mainClass, children }: { kind: string; mainClass: string; children: ReactNode }) {
  return (
    <div className={`page page--${kind}`}>
      <PageHeader />
      <main className={mainClass}>{children}</main>
    </div>
  );
}
