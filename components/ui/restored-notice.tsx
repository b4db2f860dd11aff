/** Says that input kept from before is back in the form, with the one action that drops it. */
export function RestoredNotice({ testId, message, actionLabel, onAction }: { testId: string; message: string; actionLabel: string; onAction: () => void }) {
  return (
    <div className="notice" role="status" data-testid={testId}>
      {message}{' '}
      <button type="button" className="button small" onClick={onAction}>
        {actionLabel}
      </button>
    </div>
  );
}
