// The one setup every e2e file shares: serve tests/pages, launch Chromium
// with the built extension, close both after the file's tests. Call
// `useExtension` once at the top of a file (or of a describe, for its tests
// alone) and import `session` and `server` (live bindings, set once they
// run). Its `setup` does the file's own setup after the launch: root-level
// `before` hooks of one file do not wait for each other, so a file's setup
// belongs there, not in a `before` of its own. `useServed` is the same for
// any browser a test starts (the shared scenarios' drivers).

import { after, before } from "node:test";
import { type LaunchOptions, launch, type Session } from "./browser";
import { type StaticServer, serve } from "./server";

export let session: Session;
export let server: StaticServer;

export interface Started {
  session: Session;
  server: StaticServer;
}

/**
 * Before the tests of the enclosing suite: serve tests/pages, then `start`
 * a browser and hand both to `setup`; after them, close the browser, then
 * the server.
 */
export function useServed<B extends { close(): Promise<void> }>(
  start: () => Promise<B>,
  setup: (browser: B, server: StaticServer) => void | Promise<void>,
): void {
  let served: StaticServer | undefined;
  let started: B | undefined;
  before(async () => {
    served = await serve();
    started = await start();
    await setup(started, served);
  });
  after(async () => {
    await started?.close();
    await served?.close();
  });
}

export function useExtension(
  options: LaunchOptions = {},
  setup?: (started: Started) => void | Promise<void>,
): void {
  useServed(
    () => launch(options),
    async (launched, served) => {
      session = launched;
      server = served;
      await setup?.({ session, server });
    },
  );
}
