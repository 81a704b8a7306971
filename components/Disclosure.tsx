// A <details> whose content is made only while it is open, so a list of
// dozens of documents and hundreds of topics costs one <summary> each until
// one is opened. `open` from the props wins whenever it changes (a filter, a
// deep link); in between, the reader's own clicks and keys decide.

import type { ComponentChildren, JSX } from "preact";
import { useRef, useState } from "preact/hooks";

export interface DisclosureProps {
  open: boolean;
  summary: ComponentChildren;
  /** Made only while open. */
  children: () => ComponentChildren;
  id?: string;
  class?: string;
  /** data-* attributes for tests and styles. */
  data?: Record<string, string>;
  summaryClass?: string;
}

export function Disclosure({ open, summary, children, id, class: cls, data, summaryClass }: DisclosureProps) {
  const [, rerender] = useState(0);
  const state = useRef({ open, prop: open });
  if (state.current.prop !== open) state.current = { open, prop: open };
  const isOpen = state.current.open;
  const onToggle = (e: JSX.TargetedEvent<HTMLDetailsElement>) => {
    const now = e.currentTarget.open;
    if (now === state.current.open) return; // the toggle our own render caused
    state.current.open = now;
    rerender((n) => n + 1);
  };
  const attrs: Record<string, string> = {};
  for (const [k, v] of Object.entries(data ?? {})) attrs[`data-${k}`] = v;
  return (
    <details id={id} class={cls} open={isOpen} onToggle={onToggle} {...attrs}>
      <summary class={summaryClass}>{summary}</summary>
      {isOpen && children()}
    </details>
  );
}
