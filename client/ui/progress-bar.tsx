// Progress as text and a native <progress> bar, the text naming the bar. The text
// sits in a polite live region, so a screen reader hears "13 of 40 packed" after a
// tick without focus moving.
import { useId } from 'react';
import './progress-bar.css';

interface ProgressBarProps {
  value: number;
  max: number;
  /** What the numbers mean, e.g. "12 of 40 packed". */
  text: string;
}

export function ProgressBar({ value, max, text }: ProgressBarProps) {
  const id = useId();
  return (
    <div className="progress">
      <p id={id} className="progress-text" aria-live="polite">
        {text}
      </p>
      {/* An empty checklist is "0 of 0", drawn as an empty bar rather than an indeterminate one. */}
      <progress
        className="progress-bar"
        value={value}
        max={Math.max(max, 1)}
        aria-labelledby={id}
      />
    </div>
  );
}
