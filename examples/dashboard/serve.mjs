// A minimal static server for the browser dashboard, on 127.0.0.1 only.
//   npm run dashboard             (builds the library, then serves)
//   node examples/dashboard/serve.mjs [--port 8080]
//
// URLs mirror the repository's layout (/examples/dashboard/, /examples/data/, /dist/, /node_modules/...), so
// the page's relative import map and data URLs also work under any static server started at the repository
// root. Only an allowlist of folders and file types is served: the dashboard itself, the sample data, the
// library's ESM build and the few files of its dependencies that the page's import map names.
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer } from 'node:http';
import { extname, join, resolve, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const HOST = '127.0.0.1';
const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const PAGE = '/examples/dashboard/';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
};

/**
 * The served folders: a URL prefix, the folder it maps to and the file extensions served from it.
 * @param {string} dist - the folder of the library's ESM build
 */
function routes(dist) {
  const modules = (folder, extensions) => ({
    prefix: `/node_modules/${folder}/`,
    folder: join(ROOT, 'node_modules', folder),
    extensions,
  });
  return [
    { prefix: PAGE, folder: join(ROOT, 'examples/dashboard'), extensions: ['.html', '.css', '.js', '.svg', '.png'] },
    { prefix: '/examples/data/', folder: join(ROOT, 'examples/data'), extensions: ['.csv', '.json'] },
    { prefix: '/dist/', folder: resolve(dist), extensions: ['.js'] },
    modules('zod/mini', ['.js']),
    modules('zod/v4', ['.js']),
    modules('decimal.js', ['.mjs']),
    modules('csv-parse/dist/esm', ['.js']),
    modules('chart.js/dist', ['.js']),
    modules('@kurkle/color/dist', ['.js']),
  ];
}

/**
 * The file a request path names, or undefined when it is outside the allowlist. Rejects encoded separators,
 * `.` and `..` segments and hidden files before resolving, then checks that the resolved path is still inside
 * the route's folder.
 */
function fileFor(table, pathname) {
  let path;
  try {
    path = decodeURIComponent(pathname);
  } catch {
    return undefined;
  }
  if (path.includes('\0') || path.includes('\\')) return undefined;
  if (path.split('/').some((segment) => segment.startsWith('.'))) return undefined;
  if (path === PAGE) path = `${PAGE}index.html`;
  const route = table.find((entry) => path.startsWith(entry.prefix));
  if (route === undefined || !route.extensions.includes(extname(path))) return undefined;
  const file = resolve(route.folder, path.slice(route.prefix.length));
  return file.startsWith(route.folder + sep) ? file : undefined;
}

function send(response, status, text, headers = {}) {
  response.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', ...headers });
  response.end(text === undefined ? undefined : `${text}\n`);
}

/**
 * Starts the dashboard's server on 127.0.0.1.
 * @param {{ port?: number, dist?: string }} [options] - `port` (default 8080; 0 picks a free one) and `dist`,
 *   the folder of the library's ESM build served as /dist/ (default: the repository's dist/)
 * @returns {Promise<{ url: string, port: number, close: () => Promise<void> }>} `url` is the dashboard's page
 */
export async function serveDashboard({ port = 8080, dist = join(ROOT, 'dist') } = {}) {
  const table = routes(dist);
  const server = createServer(async (request, response) => {
    // Only this machine's own names: a page elsewhere cannot reach the server through a rebound DNS name.
    const host = (request.headers.host ?? '').replace(/:\d+$/, '');
    if (host !== HOST && host !== 'localhost') return send(response, 421, 'unknown host');
    if (request.method !== 'GET' && request.method !== 'HEAD') return send(response, 405, 'method not allowed');
    const { pathname } = new URL(request.url ?? '/', `http://${HOST}`);
    if (pathname === '/' || pathname === '/examples/dashboard') {
      return send(response, 302, undefined, { location: PAGE });
    }
    const file = fileFor(table, pathname);
    const info = file === undefined ? undefined : await stat(file).catch(() => undefined);
    if (file === undefined || info === undefined || !info.isFile()) return send(response, 404, 'not found');
    response.writeHead(200, {
      'content-type': TYPES[extname(file)],
      'content-length': info.size,
      'cache-control': 'no-cache',
      'x-content-type-options': 'nosniff',
    });
    if (request.method === 'HEAD') return response.end();
    createReadStream(file)
      .on('error', () => response.destroy())
      .pipe(response);
  });
  await new Promise((done, fail) => {
    server.once('error', fail);
    server.listen(port, HOST, () => {
      server.off('error', fail);
      done();
    });
  });
  const address = server.address();
  const actual = typeof address === 'object' && address !== null ? address.port : port;
  return {
    url: `http://${HOST}:${actual}${PAGE}`,
    port: actual,
    close: () =>
      new Promise((done) => {
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const flag = process.argv.indexOf('--port');
  const port = Number(flag > 0 ? process.argv[flag + 1] : (process.env.PORT ?? 8080));
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`serve.mjs: the port must be an integer from 0 to 65535, not '${process.argv[flag + 1]}'`);
    process.exit(2);
  }
  try {
    await stat(join(ROOT, 'dist/index.js'));
  } catch {
    console.error('serve.mjs: dist/index.js is missing: run `npm run build` first (or `npm run dashboard`)');
    process.exit(1);
  }
  try {
    const { url } = await serveDashboard({ port });
    console.log(`Dashboard: ${url}  (Ctrl+C to stop)`);
  } catch (error) {
    const busy = error instanceof Error && 'code' in error && error.code === 'EADDRINUSE';
    console.error(busy ? `serve.mjs: port ${port} is in use: try --port 0 or another port` : String(error));
    process.exit(1);
  }
}
