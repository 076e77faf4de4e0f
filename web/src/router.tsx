/**
 * In-app navigation replaces the history entry instead of adding one: the whole visit is a single
 * entry, so that after a quick exit nothing of the app is left behind the neutral site's Back button.
 */
import type { ComponentChildren } from "preact";

const listeners = new Set<() => void>();

export function navigate(href: string): void {
  history.replaceState(null, "", href);
  window.scrollTo(0, 0);
  for (const listener of listeners) listener();
}

export function onNavigate(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function Link({ href, children, class: className }: { href: string; children: ComponentChildren; class?: string }) {
  return (
    <a
      href={href}
      class={className}
      onClick={(event) => {
        if (event.ctrlKey || event.metaKey || event.shiftKey || event.button !== 0) return;
        event.preventDefault();
        navigate(href);
      }}
    >
      {children}
    </a>
  );
}
