// The card for a lab result row: the test's explanation (when the glossary
// has the test), the value and the range exactly as the page prints them, a
// number line with the range marked and the value placed on it (with a text
// equivalent for screen readers), one plain sentence, the flag spelled out,
// questions for the care team, and the educational notice. Props only; the
// values come from the page and go nowhere else.

import type { LabResult, NumberLine, ResultView } from "../lib/results";

export interface ResultCardProps {
  id: string;
  /** The test's name as printed. */
  testName: string;
  /** The glossary's explanation of the test, when it has the test. */
  explanation?: string;
  result: LabResult;
  /** The line, sentence and words worked out from the result (lib/results/card-view.ts). */
  view: ResultView;
  /** The value as printed, with its unit when printed together ("5.6 mmol/L"). */
  valueText: string;
  /** Two or three questions, from the glossary entry; shown only when given. */
  questions?: readonly string[];
  notice: string;
  pinned: boolean;
  theme: "light" | "dark";
  onClose: () => void;
}

const W = 300;
const H = 46;
const AXIS = 22;

function Line({ line, critical }: { line: NumberLine; critical: boolean }) {
  const x = (p: number) => Math.round(p * W * 10) / 10;
  const v = x(line.value);
  const openLeft = line.rangeStart === 0;
  const openRight = line.rangeEnd === 1;
  return (
    <svg class="rc-line" viewBox={`0 0 ${W} ${H}`} width="100%" aria-hidden="true" focusable="false">
      <line class="rc-axis" x1="0" y1={AXIS} x2={W} y2={AXIS} />
      <rect
        class={`rc-range${openLeft ? " open-left" : ""}${openRight ? " open-right" : ""}`}
        x={x(line.rangeStart)}
        y={AXIS - 6}
        width={Math.max(2, x(line.rangeEnd) - x(line.rangeStart))}
        height="12"
        rx={openLeft || openRight ? 0 : 3}
      />
      {line.low && (
        <text class="rc-end" x={x(line.low.position)} y={H - 2} text-anchor="middle">
          {line.low.label}
        </text>
      )}
      {line.high && (
        <text class="rc-end" x={x(line.high.position)} y={H - 2} text-anchor="middle">
          {line.high.label}
        </text>
      )}
      {line.offscale === "above" && (
        <polygon class="rc-arrow" points={`${W},${AXIS} ${W - 10},${AXIS - 6} ${W - 10},${AXIS + 6}`} />
      )}
      {line.offscale === "below" && (
        <polygon class="rc-arrow" points={`0,${AXIS} 10,${AXIS - 6} 10,${AXIS + 6}`} />
      )}
      <g class={`rc-marker${critical ? " critical" : ""}`} data-position={line.value}>
        <line x1={v} y1={AXIS - 11} x2={v} y2={AXIS + 11} />
        <circle cx={v} cy={AXIS} r="5" />
      </g>
    </svg>
  );
}

export function ResultCard(props: ResultCardProps) {
  const { result, view } = props;
  const { line, sentence, unitWords: words } = view;
  const questions = (props.questions ?? []).slice(0, 3);
  return (
    <div
      class={`card result-card ${props.theme}`}
      role="tooltip"
      id={props.id}
      aria-live="polite"
      data-pinned={props.pinned ? "" : undefined}
    >
      <div class="rc-head">
        <strong class="rc-name">{props.testName}</strong>
        {props.pinned && (
          <button type="button" class="rc-close" aria-label="Close" onClick={props.onClose}>
            ×
          </button>
        )}
      </div>
      {props.explanation && <p class="rc-explanation">{props.explanation}</p>}
      <dl class="rc-numbers">
        <dt>Your value</dt>
        <dd class="rc-value">
          {props.valueText}
          {words && <span class="rc-unit-words"> ({words})</span>}
        </dd>
        <dt>Range this lab lists</dt>
        <dd class="rc-range-text">{result.range ? result.range.text : "None printed on this page"}</dd>
      </dl>
      {line && (
        <div class="rc-figure">
          <Line line={line} critical={view.critical} />
          {line.offscale && (
            <p class="rc-offscale">
              {line.offscale === "above"
                ? "→ Far above the range: drawn at the edge"
                : "← Far below the range: drawn at the edge"}
            </p>
          )}
          <p class="rc-sr">{view.lineText}</p>
        </div>
      )}
      {sentence && <p class={`rc-sentence ${result.judgement}`}>{sentence}</p>}
      {!result.range && (
        <p class="rc-sentence none">With no range printed, this card does not judge the value.</p>
      )}
      {result.range && !sentence && (
        <p class="rc-sentence none">The value as printed cannot be placed clearly against this range.</p>
      )}
      {view.flagText && <p class="rc-flag">{view.flagText}</p>}
      {questions.length > 0 && (
        <div class="rc-questions">
          <p class="rc-questions-title">Questions you could ask your care team</p>
          <ul>
            {questions.map((q) => (
              <li key={q}>{q}</li>
            ))}
          </ul>
        </div>
      )}
      <p class="rc-notice">{props.notice}</p>
    </div>
  );
}
