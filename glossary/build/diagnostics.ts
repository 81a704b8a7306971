// Every problem is collected, never thrown, so one build run shows all of them.

export interface Diagnostic {
  file: string;
  /** 1-based; 0 when the problem belongs to no single line. */
  line: number;
  message: string;
}

export interface SourceFile {
  /** Path shown in messages (relative to where the build runs). */
  path: string;
  text: string;
}

export function formatDiagnostic(d: Diagnostic): string {
  return d.line > 0 ? `${d.file}:${d.line}: ${d.message}` : `${d.file}: ${d.message}`;
}

export class Reporter {
  readonly diagnostics: Diagnostic[] = [];

  error(file: string, line: number, message: string): void {
    this.diagnostics.push({ file, line, message });
  }

  get ok(): boolean {
    return this.diagnostics.length === 0;
  }
}
