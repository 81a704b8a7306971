// The readers and the result card as one ResultReading: what the results
// script injects into a frame, and what the PDF reader uses directly.

import { render } from "preact";
import { ResultCard } from "../../components/ResultCard";
import resultCardCss from "../../components/ResultCard.css?inline";
import { resultView } from "../../lib/results/card-view";
import { containerForBlock } from "../../lib/results/near-block";
import type { ResultReading } from "../../lib/results/reading";

export const resultReading: ResultReading = {
  containerForBlock,
  renderCard(mount, props) {
    // The card brings its own style: the tooltip's shadow root holds only the term card's.
    let style = mount.querySelector(":scope > style");
    let root = mount.querySelector(":scope > div");
    if (!style || !root) {
      style = mount.ownerDocument.createElement("style");
      style.textContent = resultCardCss;
      root = mount.ownerDocument.createElement("div");
      mount.replaceChildren(style, root);
    }
    render(<ResultCard {...props} view={resultView(props.result)} />, root);
  },
};
