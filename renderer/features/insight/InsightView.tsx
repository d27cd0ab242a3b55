/** The Inzicht view (issue 4). Being built: replaced by the metrics feature. */
export function InsightView() {
  return <section aria-label="Inzicht" />;
}
