// Export and import of all settings as a JSON file. Props only: the
// container reads the file and checks it; this shows the outcome.

export type TransferStatus =
  | { kind: "idle" }
  | { kind: "done"; message: string }
  | { kind: "error"; message: string; problems: readonly string[] };

export interface SettingsTransferProps {
  status: TransferStatus;
  onExport: () => void;
  onImport: (file: File) => void;
}

export function SettingsTransfer({ status, onExport, onImport }: SettingsTransferProps) {
  return (
    <section aria-labelledby="transfer-heading">
      <h2 id="transfer-heading">Back up or move your settings</h2>
      <p>
        <button type="button" onClick={onExport}>
          Export settings
        </button>
      </p>
      <label class="field">
        Import settings from a file
        <input
          type="file"
          name="import"
          accept="application/json,.json"
          onChange={(e) => {
            const input = e.currentTarget as HTMLInputElement;
            const file = input.files?.[0];
            if (file) onImport(file);
            input.value = ""; // the same file can be chosen again
          }}
        />
      </label>
      {status.kind === "done" && (
        <p class="transfer-status ok" role="status">
          {status.message}
        </p>
      )}
      {status.kind === "error" && (
        <div class="transfer-status error" role="alert">
          <p>{status.message}</p>
          <ul>
            {status.problems.map((p) => (
              <li key={p}>{p}</li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}
