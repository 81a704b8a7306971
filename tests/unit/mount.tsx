// Mounting components in the DOM test environment (options, popup tests).

import { type ComponentChild, render } from "preact";
import { act } from "preact/test-utils";
import { afterEach } from "vitest";

/**
 * A `mount` for the tests of the enclosing suite or file: renders a node
 * into a fresh element in the body and returns that element; after each
 * test, everything it mounted is unmounted and removed.
 */
export function useMount(): (node: ComponentChild) => HTMLElement {
  let roots: HTMLElement[] = [];
  afterEach(() => {
    for (const root of roots) {
      act(() => render(null, root));
      root.remove();
    }
    roots = [];
  });
  return (node) => {
    const root = document.createElement("div");
    document.body.append(root);
    act(() => render(node, root));
    roots.push(root);
    return root;
  };
}
