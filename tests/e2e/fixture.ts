// The one setup every e2e file shares: serve tests/pages, launch Chromium
// with the built extension, close both after the file's tests. Call
// `useExtension` once at the top of a file and import `session` and `server`
// (live bindings, set once they run). Its `setup` does the file's own setup
// after the launch: root-level `before` hooks of one file do not wait for
// each other, so a file's setup belongs there, not in a `before` of its own.

import { after, before } from "node:test";
import { type LaunchOptions, launch, type Session } from "./browser";
import { type StaticServer, serve } from "./server";

export let session: Session;
export let server: StaticServer;

export interface Started {
  session: Session;
  server: StaticServer;
}

export function useExtension(
  options: LaunchOptions = {},
  setup?: (started: Started) => void | Promise<void>,
): void {
  before(async () => {
    server = await serve();
    session = await launch(options);
    await setup?.({ session, server });
  });
  after(async () => {
    await session?.close();
    await server?.close();
  });
}
