// Pause everywhere: one press stops Termlens on every site, whatever the
// site rules say; pressing again brings the rules back. A toggle button: the
// name stays, aria-pressed carries the state. Props only.

export interface PauseButtonProps {
  paused: boolean;
  onChange: (paused: boolean) => void;
}

export function PauseButton({ paused, onChange }: PauseButtonProps) {
  return (
    <button type="button" class="pause" aria-pressed={paused} onClick={() => onChange(!paused)}>
      Pause everywhere
    </button>
  );
}
