import { Component, type ReactNode, useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useForgetUnshown } from '../query';

interface Props {
  /** When this changes (another screen), a caught failure is forgotten and the children render again. */
  resetKey?: unknown;
  fallback(error: unknown, reset: () => void): ReactNode;
  children: ReactNode;
}

interface State {
  failure: { error: unknown } | null;
  resetKey: unknown;
}

/**
 * Catches what throws while its children render, so one broken screen does not blank
 * the whole window. React logs the error itself.
 */
export class ErrorBoundary extends Component<Props, State> {
  override state: State = { failure: null, resetKey: this.props.resetKey };

  static getDerivedStateFromError(error: unknown): Partial<State> {
    return { failure: { error } };
  }

  static getDerivedStateFromProps(props: Props, state: State): Partial<State> | null {
    return Object.is(props.resetKey, state.resetKey) ? null : { failure: null, resetKey: props.resetKey };
  }

  private readonly reset = () => this.setState({ failure: null });

  override render(): ReactNode {
    return this.state.failure ? this.props.fallback(this.state.failure.error, this.reset) : this.props.children;
  }
}

/** Around each page: its failure fills the page, the menu stays usable, and another screen starts afresh. */
export function PageBoundary({ resetKey, children }: { resetKey: string; children: ReactNode }) {
  return (
    <ErrorBoundary resetKey={resetKey} fallback={(_error, reset) => <PageFailure onRetry={reset} />}>
      {children}
    </ErrorBoundary>
  );
}

function PageFailure({ onRetry }: { onRetry(): void }) {
  const { t } = useTranslation();
  const titleId = useId();
  useForgetUnshown();
  return (
    <section className="panel failure-panel" role="alert" aria-labelledby={titleId}>
      <h1 id={titleId}>{t('failure.page.title')}</h1>
      <p>{t('failure.page.body')}</p>
      <button type="button" onClick={onRetry}>
        {t('failure.retry')}
      </button>
    </section>
  );
}

/** Inside a dialog: its failure shows in the dialog, which can still be closed. */
export function DialogBoundary({ onClose, children }: { onClose(): void; children: ReactNode }) {
  return <ErrorBoundary fallback={() => <DialogFailure onClose={onClose} />}>{children}</ErrorBoundary>;
}

function DialogFailure({ onClose }: { onClose(): void }) {
  const { t } = useTranslation();
  useForgetUnshown();
  return (
    <>
      <p role="alert" className="error-summary">
        {t('failure.dialog')}
      </p>
      <div className="form-footer">
        <button type="button" onClick={onClose}>
          {t('common.close')}
        </button>
      </div>
    </>
  );
}
