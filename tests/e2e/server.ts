// Serves the demo and fixture pages from 127.0.0.1 on a free port.

import { readFile } from "node:fs/promises";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { extname, join, normalize, resolve } from "node:path";

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".json": "application/json",
  ".png": "image/png",
  ".svg": "image/svg+xml",
};

export interface StaticServer {
  /** e.g. http://127.0.0.1:41234 */
  origin: string;
  port: number;
  close(): Promise<void>;
}

/**
 * `?csp=<policy>` and `?csp-report-only=<policy>` on any URL add that header,
 * so tests can serve one page under several security policies.
 */
function policyHeaders(url: URL): Record<string, string> {
  const headers: Record<string, string> = {};
  const csp = url.searchParams.get("csp");
  const reportOnly = url.searchParams.get("csp-report-only");
  if (csp !== null) headers["content-security-policy"] = csp;
  if (reportOnly !== null) headers["content-security-policy-report-only"] = reportOnly;
  return headers;
}

export async function serve(root = resolve("tests/pages")): Promise<StaticServer> {
  const server: Server = createServer(async (req, res) => {
    const url = new URL(req.url ?? "/", "http://x");
    const path = normalize(decodeURIComponent(url.pathname));
    const file = join(root, path.endsWith("/") ? `${path}index.html` : path);
    if (!file.startsWith(root)) {
      res.writeHead(403).end();
      return;
    }
    try {
      const body = await readFile(file);
      res.writeHead(200, {
        "content-type": TYPES[extname(file)] ?? "application/octet-stream",
        ...policyHeaders(url),
      });
      res.end(body);
    } catch {
      res.writeHead(404, { "content-type": "text/plain" }).end("not found");
    }
  });
  await new Promise<void>((ok) => server.listen(0, "127.0.0.1", ok));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    port,
    close: () => new Promise<void>((ok) => server.close(() => ok())),
  };
}
