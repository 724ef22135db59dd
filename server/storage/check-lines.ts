// The lines `admin check` prints: each a finding that is fine or a problem to act on.
export interface CheckLine {
  ok: boolean;
  text: string;
}

/** A list of lines and the two ways to add one. */
export function checkLines() {
  const lines: CheckLine[] = [];
  return {
    lines,
    ok: (text: string) => void lines.push({ ok: true, text }),
    problem: (text: string) => void lines.push({ ok: false, text }),
  };
}
