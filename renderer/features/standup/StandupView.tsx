/** The stand-up view (issue 3). Being built: replaced by the stand-up feature. */
export function StandupView() {
  return <section aria-label="Stand-up" />;
}
