// A tiny static server that sends the Content-Security-Policy documented in docs/embedding.md, for
// the embedding tests and the demo: dist/ as the checker's origin (the iframe), dist/ again as a
// portal's origin (the demo page and the element), and a stranger's origin the frame must ignore.
//
//   node tests/e2e/server.mjs      # checker on :8080, portal demo on :8081/embed-demo.html
import { createServer } from "node:http";
import { readFile } from "node:fs/promises";
import { extname, join, normalize, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const here = fileURLToPath(new URL(".", import.meta.url));
export const DIST = resolve(here, "..", "..", "dist");
const FIXTURES = join(here, "fixtures");

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".wasm": "application/wasm",
  ".svg": "image/svg+xml",
  ".json": "application/json",
  ".webmanifest": "application/manifest+json",
  ".txt": "text/plain; charset=utf-8",
};

/** The policy for a portal page that uses the element and frames the checker from `frameOrigin`. */
export function hostPolicy(frameOrigin) {
  return [
    "default-src 'self'",
    "script-src 'self' 'wasm-unsafe-eval'",
    "style-src 'self'",
    "worker-src 'self'",
    `frame-src ${frameOrigin}`,
  ].join("; ");
}

/** The policy for the checker's own pages (index.html?embed=1), framed by `ancestors`. */
export function framePolicy(ancestors) {
  return [
    "default-src 'self'",
    "script-src 'self' 'wasm-unsafe-eval'",
    "style-src 'self'",
    "worker-src 'self'",
    `frame-ancestors 'self' ${ancestors.join(" ")}`,
  ].join("; ");
}

/** Serves `roots` (tried in order) on 127.0.0.1:`port` (0: a free one) with `policy` (a string, or
 * a function called at each request); resolves to the server. */
export function serve(port, roots, policy) {
  const server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url, "http://x").pathname);
    const relative = normalize(path === "/" ? "/index.html" : path).replace(/^(\.\.[/\\])+/, "");
    for (const root of roots) {
      const file = join(root, relative);
      if (!file.startsWith(root)) break;
      try {
        const body = await readFile(file);
        res.writeHead(200, {
          "Content-Type": TYPES[extname(file)] || "application/octet-stream",
          "Content-Security-Policy": typeof policy === "function" ? policy() : policy,
          "Cache-Control": "no-store",
        });
        res.end(body);
        return;
      } catch {
        // not in this root
      }
    }
    res.writeHead(404, { "Content-Type": "text/plain" });
    res.end("not found");
  });
  return new Promise((ok, fail) => {
    server.once("error", fail);
    server.listen(port, "127.0.0.1", () => ok(server));
  });
}

/** The three origins of the embedding tests; a port 0 picks a free one (the policies name the
 * origins, so they are set once all three listen). */
export async function serveEmbedding({ frame = 8080, host = 8081, stranger = 8082 } = {}) {
  const origins = {};
  const origin = (server) => `http://127.0.0.1:${server.address().port}`;
  const servers = await Promise.all([
    serve(frame, [DIST], () => framePolicy([origins.host, origins.stranger])),
    serve(host, [DIST], () => hostPolicy(origins.frame)),
    serve(stranger, [FIXTURES, DIST], () => hostPolicy(origins.frame)),
  ]);
  [origins.frame, origins.host, origins.stranger] = servers.map(origin);
  return {
    ...origins,
    close: () => Promise.all(servers.map((s) => new Promise((ok) => s.close(ok)))),
  };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const origins = await serveEmbedding();
  console.log(`checker (iframe origin): ${origins.frame}/index.html?embed=1`);
  console.log(`portal demo:             ${origins.host}/embed-demo.html`);
}
