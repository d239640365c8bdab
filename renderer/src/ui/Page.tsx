import { type ReactNode, useId } from 'react';
import './ui.css';

/**
 * A page: its h1 (which names the page for screen readers), the page's own actions beside it,
 * a short introduction under it, and the page's content.
 */
export function Page({
  title,
  titleId,
  back,
  actions,
  intro,
  className,
  children,
}: {
  title: ReactNode;
  /** When something else on the page is named by the title too (a table); otherwise one is made. */
  titleId?: string;
  /** Where this page was opened from (a list): a link back above the title. */
  back?: { href: string; label: string };
  actions?: ReactNode;
  intro?: ReactNode;
  className?: string;
  children: ReactNode;
}) {
  const ownId = useId();
  const id = titleId ?? ownId;
  return (
    <section className={className} aria-labelledby={id}>
      {back && (
        <p className="back-link">
          <a href={back.href}>
            <span aria-hidden="true">← </span>
            {back.label}
          </a>
        </p>
      )}
      <div className="page-heading">
        <h1 id={id}>{title}</h1>
        {actions}
      </div>
      {intro && <p className="hint page-intro">{intro}</p>}
      {children}
    </section>
  );
}
