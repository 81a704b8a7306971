// The one setup every e2e file shares: serve tests/pages, launch Chromium
// with the built extension, close both after the file's tests. Register it at
// the top of a file; `use` gets the session and server once they run and does
// the file's own setup (root-level `before` hooks of one file do not wait for
// each other, so a file's setup belongs here, not in a `before` of its own).

import { after, before } from "node:test";
import { type LaunchOptions, launch, type Session } from "./browser";
import { type StaticServer, serve } from "./server";

export interface Started {
  session: Session;
  server: StaticServer;
}

export function useExtension(options: LaunchOptions, use: (started: Started) => void | Promise<void>): void {
  let started: Partial<Started> = {};
  before(async () => {
    const server = await serve();
    started = { server };
    const session = await launch(options);
    started.session = session;
    await use({ session, server });
  });
  after(async () => {
    await started.session?.close();
    await started.server?.close();
  });
}
