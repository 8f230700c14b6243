import type { ReactNode } from 'react';

interface PagerProps {
  /** The accessible name of the page navigation, e.g. "Topic pages". */
  label: string;
  /** Zero-based page shown now. */
  page: number;
  totalPages: number;
  onPage: (page: number) => void;
  /** Newest-first lists say "Newer"/"Older"; the others "Previous"/"Next". */
  previousLabel?: string;
  nextLabel?: string;
  /** Shown after "Page n of m", e.g. "40 topics". */
  summary?: ReactNode;
}

/** Page navigation under a paged list; nothing while the whole list fits on one page. */
export function Pager({ label, page, totalPages, onPage, previousLabel = 'Previous', nextLabel = 'Next', summary }: PagerProps) {
  if (totalPages <= 1) return null;
  return (
    <nav className="pager" aria-label={label}>
      <button type="button" className="button button-small" disabled={page === 0} onClick={() => onPage(page - 1)}>
        {previousLabel}
      </button>
      <span>
        Page {page + 1} of {totalPages}
        {summary !== undefined && <> · {summary}</>}
      </span>
      <button type="button" className="button button-small" disabled={page + 1 >= totalPages} onClick={() => onPage(page + 1)}>
        {nextLabel}
      </button>
    </nav>
  );
}
