import { useId } from 'react';

interface ProgressBarProps {
  percent: number;
  label: string;
  step?: string | null;
  failed?: boolean;
}

export function ProgressBar({ percent, label, step, failed }: ProgressBarProps) {
  // unique per bar: the instance's progress and a certificate rotation can show at once
  const labelId = useId();
  const value = Math.max(0, Math.min(100, Math.round(percent)));
  return (
    <div className="progress">
      <div className="progress-head">
        <span id={labelId}>{label}</span>
        <span className="progress-value">{value}%</span>
      </div>
      <div
        className={`progress-track${failed ? ' progress-failed' : ''}`}
        role="progressbar"
        aria-labelledby={labelId}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={value}
        aria-valuetext={step ? `${value}% — ${step}` : `${value}%`}
      >
        <div className="progress-fill" style={{ width: `${value}%` }} />
      </div>
      {step && <p className="progress-step">{step}</p>}
    </div>
  );
}
