// The reader's chrome: toolbar (open, pages, zoom, find), the find bar, the
// password question and every message. The pages themselves are drawn by
// the viewer into #pages, outside Preact.

import { useEffect, useRef, useState } from "preact/hooks";
import type { ReaderController, ReaderState } from "./controller";
import type { ReaderErrorKind } from "./source";
import { ZOOMS } from "./viewer";

const ERROR_TITLES: Record<ReaderErrorKind, string> = {
  "bad-url": "Termlens cannot open this link",
  "load-failed": "The PDF did not load",
  "file-access": "No access to this file",
  "too-large": "This PDF is too large",
  "not-pdf": "This is not a PDF",
  damaged: "This PDF is damaged",
  password: "This PDF needs a password",
};

function percent(zoom: number): string {
  return `${Math.round(zoom * 100)}%`;
}

function OpenButton({ onFile, label = "Open a PDF…" }: { onFile: (f: File) => void; label?: string }) {
  const input = useRef<HTMLInputElement>(null);
  return (
    <>
      <button type="button" class="open" onClick={() => input.current?.click()}>
        {label}
      </button>
      <input
        ref={input}
        type="file"
        accept="application/pdf,.pdf"
        hidden
        data-testid="file-input"
        onChange={(e) => {
          const file = e.currentTarget.files?.[0];
          e.currentTarget.value = "";
          if (file) onFile(file);
        }}
      />
    </>
  );
}

function PasswordForm({
  name,
  retry,
  onAnswer,
}: {
  name: string;
  retry: boolean;
  onAnswer: (p: string | null) => void;
}) {
  const [value, setValue] = useState("");
  const field = useRef<HTMLInputElement>(null);
  useEffect(() => {
    field.current?.focus();
    setValue("");
  }, [retry, name]);
  return (
    <form
      class="message password"
      data-kind="password"
      onSubmit={(e) => {
        e.preventDefault();
        onAnswer(value);
      }}
    >
      <h2>This PDF is protected by a password</h2>
      <p>
        Enter the password for “{name}” to open it. It is used only to open the file, here in your browser.
      </p>
      {retry && (
        <p role="alert" class="wrong">
          That password is not right. Try again.
        </p>
      )}
      <label>
        Password{" "}
        <input
          ref={field}
          type="password"
          name="password"
          autocomplete="off"
          value={value}
          onInput={(e) => setValue(e.currentTarget.value)}
        />
      </label>{" "}
      <button type="submit">Open</button>{" "}
      <button type="button" onClick={() => onAnswer(null)}>
        Cancel
      </button>
    </form>
  );
}

function FindBar({ reader, state }: { reader: ReaderController; state: ReaderState }) {
  const field = useRef<HTMLInputElement>(null);
  const { find } = state;
  useEffect(() => {
    if (find.open) {
      field.current?.focus();
      field.current?.select();
    }
  }, [find.open]);
  // A fresh "open" (Ctrl+F again) selects the query again.
  useEffect(() => {
    const refocus = () => {
      field.current?.focus();
      field.current?.select();
    };
    addEventListener("termlens-reader-find", refocus);
    return () => removeEventListener("termlens-reader-find", refocus);
  }, []);
  const count = !find.query.trim()
    ? ""
    : find.matches.length
      ? `${find.current + 1} of ${find.matches.length}${find.searching ? "+" : ""}`
      : find.searching
        ? "Searching…"
        : "Not found";
  return (
    <search class="findbar">
      <input
        ref={field}
        type="search"
        aria-label="Find in this PDF"
        placeholder="Find in this PDF"
        value={find.query}
        onInput={(e) => void reader.search(e.currentTarget.value)}
        onKeyDown={(e) => {
          if (e.key === "Enter") {
            e.preventDefault();
            void reader.findNext(e.shiftKey ? -1 : 1);
          } else if (e.key === "Escape") {
            e.preventDefault();
            reader.closeFind();
          }
        }}
      />
      <output class="find-count" aria-live="polite">
        {count}
      </output>
      <button type="button" aria-label="Previous match" onClick={() => void reader.findNext(-1)}>
        ↑
      </button>
      <button type="button" aria-label="Next match" onClick={() => void reader.findNext(1)}>
        ↓
      </button>
      <button type="button" aria-label="Close find" onClick={() => reader.closeFind()}>
        ✕
      </button>
    </search>
  );
}

function PageNav({ reader, state, pages }: { reader: ReaderController; state: ReaderState; pages: number }) {
  const [typed, setTyped] = useState<string | null>(null);
  return (
    <nav class="page-nav" aria-label="Pages">
      <button
        type="button"
        aria-label="Previous page"
        disabled={state.page <= 1}
        onClick={() => reader.goToPage(state.page - 1)}
      >
        ‹
      </button>
      <input
        class="page-number"
        aria-label="Page"
        inputMode="numeric"
        value={typed ?? String(state.page)}
        onFocus={(e) => e.currentTarget.select()}
        onInput={(e) => setTyped(e.currentTarget.value)}
        onBlur={() => setTyped(null)}
        onKeyDown={(e) => {
          if (e.key === "Enter") {
            const n = Number.parseInt(e.currentTarget.value, 10);
            if (Number.isFinite(n)) reader.goToPage(n);
            setTyped(null);
          } else if (e.key === "Escape") setTyped(null);
        }}
      />
      <span class="page-count">of {pages}</span>
      <button
        type="button"
        aria-label="Next page"
        disabled={state.page >= pages}
        onClick={() => reader.goToPage(state.page + 1)}
      >
        ›
      </button>
    </nav>
  );
}

function ZoomControls({ reader, state }: { reader: ReaderController; state: ReaderState }) {
  const value = state.zoomMode === "fit" ? "fit" : String(state.zoom);
  const known = ZOOMS.includes(state.zoom);
  return (
    <fieldset class="zoom" aria-label="Zoom">
      <button type="button" aria-label="Zoom out" onClick={() => reader.zoomStep(-1)}>
        −
      </button>
      <select
        aria-label="Zoom level"
        value={value}
        onChange={(e) => {
          const v = e.currentTarget.value;
          reader.setZoom(v === "fit" ? "fit" : Number(v));
        }}
      >
        <option value="fit">Page width{state.zoomMode === "fit" ? ` (${percent(state.zoom)})` : ""}</option>
        {!known && state.zoomMode !== "fit" && (
          <option value={String(state.zoom)}>{percent(state.zoom)}</option>
        )}
        {ZOOMS.map((z) => (
          <option key={z} value={String(z)}>
            {percent(z)}
          </option>
        ))}
      </select>
      <button type="button" aria-label="Zoom in" onClick={() => reader.zoomStep(1)}>
        +
      </button>
    </fieldset>
  );
}

export function ReaderApp({ reader }: { reader: ReaderController }) {
  const [state, setState] = useState(reader.state);
  const [dragging, setDragging] = useState(false);
  useEffect(() => {
    const stop = reader.subscribe(setState);
    // Whatever changed between the first render and now.
    setState(reader.state);
    return stop;
  }, [reader]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const mod = e.ctrlKey || e.metaKey;
      if (mod && !e.altKey && e.key.toLowerCase() === "f") {
        // The browser's find sees only the pages drawn; ours reads them all.
        e.preventDefault();
        reader.openFind();
        dispatchEvent(new Event("termlens-reader-find"));
      } else if ((mod && e.key.toLowerCase() === "g") || e.key === "F3") {
        e.preventDefault();
        void reader.findNext(e.shiftKey ? -1 : 1);
      } else if (e.key === "Escape" && reader.state.find.open) {
        reader.closeFind();
      }
    };
    // Drag and drop anywhere on the reader.
    let depth = 0;
    const hasFiles = (e: DragEvent) => [...(e.dataTransfer?.types ?? [])].includes("Files");
    const onEnter = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      depth++;
      setDragging(true);
    };
    const onLeave = () => {
      depth = Math.max(0, depth - 1);
      if (depth === 0) setDragging(false);
    };
    const onOver = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      e.preventDefault();
      if (e.dataTransfer) e.dataTransfer.dropEffect = "copy";
    };
    const onDrop = (e: DragEvent) => {
      depth = 0;
      setDragging(false);
      const file = e.dataTransfer?.files?.[0];
      if (!file) return;
      e.preventDefault();
      reader.openFile(file);
    };
    addEventListener("keydown", onKey);
    addEventListener("dragenter", onEnter);
    addEventListener("dragleave", onLeave);
    addEventListener("dragover", onOver);
    addEventListener("drop", onDrop);
    return () => {
      removeEventListener("keydown", onKey);
      removeEventListener("dragenter", onEnter);
      removeEventListener("dragleave", onLeave);
      removeEventListener("dragover", onOver);
      removeEventListener("drop", onDrop);
    };
  }, [reader]);

  const { status } = state;
  const openFile = (f: File) => reader.openFile(f);
  return (
    <>
      <header class="toolbar">
        <span class="brand">Termlens</span>
        <OpenButton onFile={openFile} />
        {status.kind === "ready" && (
          <>
            <span class="doc-name" title={status.name}>
              {status.name}
            </span>
            <PageNav reader={reader} state={state} pages={status.pages} />
            <ZoomControls reader={reader} state={state} />
            <button
              type="button"
              class="find-toggle"
              aria-label="Find in this PDF"
              title="Find (Ctrl+F)"
              onClick={() => {
                reader.openFind();
                dispatchEvent(new Event("termlens-reader-find"));
              }}
            >
              Find
            </button>
          </>
        )}
      </header>
      {state.find.open && status.kind === "ready" && <FindBar reader={reader} state={state} />}
      <div class="messages">
        {status.kind === "empty" && (
          <section class="message welcome">
            <h1>Read a PDF with Termlens</h1>
            <p>
              Open a PDF (a lab report, a letter from the clinic) and Termlens explains the medical words in
              it, as it does on web pages. You can also drop a PDF file anywhere on this page.
            </p>
            <OpenButton onFile={openFile} />
            <p class="fine">The file stays in your browser. Termlens sends nothing anywhere.</p>
          </section>
        )}
        {status.kind === "loading" && (
          <p class="message loading" role="status">
            Opening {status.name}…
          </p>
        )}
        {status.kind === "password" && (
          <PasswordForm name={status.name} retry={status.retry} onAnswer={(p) => reader.answerPassword(p)} />
        )}
        {status.kind === "error" && (
          <section class="message error" role="alert" data-kind={status.error.kind}>
            <h2>{ERROR_TITLES[status.error.kind]}</h2>
            <p>{status.error.message}</p>
            {status.error.detail && <p class="fine detail">{status.error.detail}</p>}
            <OpenButton onFile={openFile} label="Open another PDF…" />
          </section>
        )}
        {status.kind === "ready" &&
          state.notices.map((n) => (
            <p key={n.kind} class="notice" role="status" data-kind={n.kind}>
              {n.text}
            </p>
          ))}
      </div>
      {dragging && (
        <div class="drop-overlay" aria-hidden="true">
          Drop the PDF to open it
        </div>
      )}
    </>
  );
}
