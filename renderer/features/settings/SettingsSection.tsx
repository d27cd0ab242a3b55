/** One card of the settings view: a heading, one line on what it is for, and its content. */
import { useId, type ReactNode } from 'react';

export function SettingsSection({ title, intro, children }: { title: string; intro: string; children: ReactNode }) {
  const headingId = useId();
  return (
    <section className="settings-section" aria-labelledby={headingId}>
      <header className="settings-section__header">
        <h3 id={headingId} className="settings-section__title">
          {title}
        </h3>
        <p className="settings-section__intro">{intro}</p>
      </header>
      {children}
    </section>
  );
}
