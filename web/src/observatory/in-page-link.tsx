/**
 * A link to a heading of the same page that moves focus there without touching the address: as
 * navigation in the app, it adds no history entry for the neutral site's Back button to reveal.
 */
import type { ComponentChildren } from "preact";

export function InPageLink({ to, children, class: className }: { to: string; children: ComponentChildren; class?: string }) {
  return (
    <a
      href={`#${to}`}
      class={className}
      onClick={(event) => {
        const target = document.getElementById(to);
        if (!target) return;
        event.preventDefault();
        target.setAttribute("tabindex", "-1");
        target.focus();
        target.scrollIntoView({ block: "start" });
      }}
    >
      {children}
    </a>
  );
}
