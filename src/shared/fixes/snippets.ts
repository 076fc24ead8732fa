// "Fix it on your server": one short, paste-ready snippet per server stack, filled with one call's
// values. Each renderer only lays out its stack's syntax; what to allow is decided once in
// `serverFixFor`, and the reasons the comments give are shared (WHY).
import { hasUnprintable, printable, printableJson } from '../printable';
import type { ServerCorsConfig } from './server-config';

export const STACKS = [
  'express',
  'fastify',
  'koa',
  'nginx',
  'apache',
  'django',
  'flask',
  'spring',
  'aspnet',
  'go',
  'rails',
  'cloudflare',
] as const;
export type Stack = (typeof STACKS)[number];

export const STACK_LABELS = {
  express: 'Express (cors)',
  fastify: 'Fastify (@fastify/cors)',
  koa: 'Koa (@koa/cors)',
  nginx: 'nginx',
  apache: 'Apache (mod_headers)',
  django: 'Django (django-cors-headers)',
  flask: 'Flask (Flask-CORS)',
  spring: 'Spring',
  aspnet: 'ASP.NET Core',
  go: 'Go (rs/cors)',
  rails: 'Rails (rack-cors)',
  cloudflare: 'Cloudflare / CDN cache',
} as const satisfies Record<Stack, string>;

/** The reasons, worded once so every stack explains the same thing the same way. */
const WHY = {
  first: 'before auth: preflights carry no credentials',
  origin: 'exact page origin, echoed back with Vary: Origin; never reflect any origin',
  originNull: "'null' is this page's real (opaque) origin; any sandboxed page sends it too",
  credentials: 'the call sends cookies/auth, so Access-Control-Allow-Credentials: true (and no *)',
  methods: 'methods are case-sensitive: exactly as the page sends them',
  headers: 'the non-safelisted request headers; list Authorization explicitly, * does not cover it',
  maxAge: 'cache the preflight instead of one OPTIONS per call',
  vary: 'the answer depends on Origin: caches must key on it',
  preflight: 'answer OPTIONS with 204 before auth, redirects and routing',
} as const;

/** The nginx snippet has two parts; these lines head them, so each can be pasted where it goes. */
export const NGINX_HTTP_PART = '# --- inside http { } ---';
export const NGINX_SERVER_PART = '# --- inside your server { } ---';

/** What a renderer needs, derived once: lists default to the safelisted methods so no library
 * default (often PUT, PATCH, DELETE too) widens what is allowed. */
interface View {
  readonly c: ServerCorsConfig;
  readonly methods: readonly string[];
  readonly path: string;
  readonly originWhy: string;
}

const SAFELISTED_METHODS = ['GET', 'HEAD', 'POST'] as const;

function view(c: ServerCorsConfig): View {
  return {
    c,
    methods: c.methods.length > 0 ? c.methods : SAFELISTED_METHODS,
    path: pathOf(c.url),
    originWhy: c.origin === 'null' ? WHY.originNull : WHY.origin,
  };
}

function pathOf(url: string): string {
  const match = /^[a-z][a-z0-9+.-]*:\/\/[^/?#]*([^?#]*)/i.exec(url);
  const path = match?.[1] ?? '';
  return path === '' ? '/' : path;
}

/** A double-quoted string literal valid in JS, Java, C#, Go, Python and Ruby for these values
 * (origins, tokens and paths); a control, bidi or invisible character is written as a \uXXXX
 * escape, which all six read back as the same character. */
function q(s: string): string {
  return printableJson(s);
}

/** A Ruby double-quoted string: q(), with `#` escaped where Ruby would read `#{…}`, `#$x` or `#@x`
 * as code, so a value taken from a HAR cannot run when the snippet is pasted. */
function rubyString(s: string): string {
  return q(s).replace(/#(?=[{$@])/g, '\\#');
}

/** In place of a snippet whose syntax cannot carry `value`: the lines say why, `value` escaped. */
function cannotWrite(stack: string, value: string, why: readonly string[]): string {
  return lines(
    `# CORS Lens cannot write this ${stack} snippet: ${q(value)} contains ${why[0] ?? ''}`,
    ...why.slice(1).map((line) => `# ${line}`),
    '# Write these headers by hand, or pick another stack to see what they should say.',
  );
}

/** Why nginx, Apache and a Ruby %w[] list cannot take a value holding an unprintable character:
 * they have no escape for it, and written raw it would act on the reader's terminal or editor. */
const UNQUOTABLE = ['a control, bidi or invisible', 'character (shown escaped here), which this syntax has no escape for.'] as const;

function list(items: readonly string[], sep = ', '): string {
  return items.map(q).join(sep);
}

/** Drops the lines a config does not need (`false`/`null` entries). */
function lines(...parts: readonly (string | false | null)[]): string {
  return parts.filter((p): p is string => typeof p === 'string').join('\n');
}

/** An nginx double-quoted string: spaces, `;`, `{` and `#` stay inside it; nginx reads \", \\,
 * \t, \r and \n there. (`$` needs more than quoting: see the nginx renderer.) */
function nginxString(s: string): string {
  const escaped = s
    .replace(/[\\"]/g, '\\$&')
    .replace(/\t/g, '\\t')
    .replace(/\r/g, '\\r')
    .replace(/\n/g, '\\n');
  return `"${escaped}"`;
}

/** nginx matches `location` against the URI after decoding %XX, so the path is written decoded;
 * one that does not decode as UTF-8 is kept as it came. */
function decodedPath(path: string): string {
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
}

function regexEscape(s: string): string {
  return s.replace(/[\\^$.*+?()[\]{}|]/g, '\\$&');
}

/** For a Python raw string: Python's re reads the escapes printable() writes as the character. */
function pythonRegex(s: string): string {
  return printable(regexEscape(s));
}

/** Shared by the three Node middlewares, which differ only in option names. */
function nodeOptions(v: View, names: { methods: string; headers: string }): (string | false)[] {
  const { c } = v;
  return [
    `  origin: [${q(c.origin)}], // ${v.originWhy}`,
    `  ${names.methods}: [${list(v.methods)}], // ${WHY.methods}`,
    c.allowHeaders.length > 0 && `  ${names.headers}: [${list(c.allowHeaders)}], // ${WHY.headers}`,
    c.credentials && `  credentials: true, // ${WHY.credentials}`,
    c.maxAge !== null && `  maxAge: ${c.maxAge}, // ${WHY.maxAge}`,
  ];
}

const RENDERERS = {
  express: (v) =>
    lines(
      'import cors from "cors";',
      '',
      `// First middleware, ${WHY.first}; cors answers OPTIONS with 204.`,
      'app.use(cors({',
      ...nodeOptions(v, { methods: 'methods', headers: 'allowedHeaders' }),
      '}));',
    ),

  fastify: (v) =>
    lines(
      'import cors from "@fastify/cors";',
      '',
      `// Runs in onRequest and answers OPTIONS itself, ${WHY.first} (keep auth in preHandler).`,
      'await app.register(cors, {',
      ...nodeOptions(v, { methods: 'methods', headers: 'allowedHeaders' }),
      '});',
    ),

  koa: ({ c, methods }) =>
    lines(
      'import cors from "@koa/cors";',
      '',
      `const allowedOrigin = ${q(c.origin)}; // ${WHY.origin}`,
      `// First middleware, ${WHY.first}; @koa/cors always sends Vary: Origin.`,
      'app.use(cors({',
      '  origin: (ctx) => (ctx.get("Origin") === allowedOrigin ? allowedOrigin : ""), // "" ⇒ no CORS headers',
      `  allowMethods: [${list(methods)}], // ${WHY.methods}`,
      c.allowHeaders.length > 0 && `  allowHeaders: [${list(c.allowHeaders)}], // ${WHY.headers}`,
      c.credentials && `  credentials: true, // ${WHY.credentials}`,
      c.maxAge !== null && `  maxAge: ${c.maxAge}, // ${WHY.maxAge}`,
      '  keepHeadersOnError: true, // error responses need CORS headers too, or the page sees no status',
      '}));',
    ),

  nginx: ({ c, methods, path }) => {
    const dollar = [c.origin, ...methods, ...c.allowHeaders].find((value) => value.includes('$'));
    if (dollar !== undefined) {
      return cannotWrite('nginx', dollar, [
        '"$", which nginx reads as the',
        'start of a variable in add_header values (and has no escape for it in a quoted string).',
      ]);
    }
    const unquotable = [c.origin, ...methods, ...c.allowHeaders, decodedPath(path)].find(hasUnprintable);
    if (unquotable !== undefined) return cannotWrite('nginx', unquotable, UNQUOTABLE);
    const common = [
      '    add_header Access-Control-Allow-Origin      $cors_origin always;',
      c.credentials && '    add_header Access-Control-Allow-Credentials "true" always;',
      `    add_header Vary                             Origin always; # ${WHY.vary}`,
    ];
    const indent = (l: string | false): string | false => l && `    ${l}`;
    return lines(
      NGINX_HTTP_PART,
      `map $http_origin $cors_origin {   # ${WHY.origin}`,
      '    default "";                   # other origins get no CORS headers',
      `    ${nginxString(c.origin)} $http_origin;`,
      '}',
      '',
      NGINX_SERVER_PART,
      `location = ${nginxString(decodedPath(path))} {`,
      '    proxy_hide_header Access-Control-Allow-Origin; # one layer sets CORS headers, not two',
      '    proxy_hide_header Access-Control-Allow-Credentials;',
      c.handlePreflight && `    if ($request_method = OPTIONS) { # ${WHY.preflight}`,
      ...(c.handlePreflight
        ? [
            ...common.map(indent),
            `        add_header Access-Control-Allow-Methods     ${nginxString(methods.join(', '))} always;`,
            c.allowHeaders.length > 0 && `        add_header Access-Control-Allow-Headers     ${nginxString(c.allowHeaders.join(', '))} always;`,
            c.maxAge !== null && `        add_header Access-Control-Max-Age           ${c.maxAge} always;`,
            '        return 204;',
            '    }',
          ]
        : []),
      '    # add_header in a nested block replaces the outer list, hence repeated; always = also on 4xx/5xx',
      ...common,
      '    proxy_pass http://backend;     # your upstream',
      '}',
    );
  },

  apache: ({ c, methods, path }) => {
    const unquotable = [c.origin, ...methods, ...c.allowHeaders, path].find(hasUnprintable);
    if (unquotable !== undefined) return cannotWrite('Apache', unquotable, UNQUOTABLE);
    return lines(
      `<Location ${q(path)}>`,
      `    # ${WHY.origin}`,
      `    SetEnvIf Origin "^${regexEscape(c.origin)}$" CORS_ORIGIN=$0`,
      '    Header always set Access-Control-Allow-Origin "%{CORS_ORIGIN}e" env=CORS_ORIGIN',
      c.credentials && '    Header always set Access-Control-Allow-Credentials "true" env=CORS_ORIGIN',
      c.handlePreflight && `    Header always set Access-Control-Allow-Methods ${q(methods.join(', '))} env=CORS_ORIGIN`,
      c.handlePreflight &&
        c.allowHeaders.length > 0 &&
        `    Header always set Access-Control-Allow-Headers ${q(c.allowHeaders.join(', '))} env=CORS_ORIGIN`,
      c.maxAge !== null && `    Header always set Access-Control-Max-Age "${c.maxAge}" env=CORS_ORIGIN`,
      `    Header always merge Vary "Origin" # ${WHY.vary}`,
      '</Location>',
      c.handlePreflight && `# ${WHY.preflight}; exempt OPTIONS from auth with <LimitExcept OPTIONS>`,
      c.handlePreflight && 'RewriteEngine On',
      c.handlePreflight && 'RewriteCond %{REQUEST_METHOD} =OPTIONS',
      c.handlePreflight && `RewriteCond %{REQUEST_URI} =${path}`,
      c.handlePreflight && 'RewriteRule ^ - [R=204,L]',
    );
  },

  django: ({ c, methods, path }) =>
    lines(
      '# settings.py',
      'INSTALLED_APPS += ["corsheaders"]',
      `MIDDLEWARE = ["corsheaders.middleware.CorsMiddleware", *MIDDLEWARE]  # ${WHY.first}`,
      `CORS_ALLOWED_ORIGINS = [${q(c.origin)}]  # ${WHY.origin}`,
      `CORS_URLS_REGEX = r"^${pythonRegex(path)}$"`,
      `CORS_ALLOW_METHODS = [${list(methods)}]`,
      c.allowHeaders.length > 0 && `CORS_ALLOW_HEADERS = [${list(c.allowHeaders)}]  # ${WHY.headers}`,
      c.credentials && `CORS_ALLOW_CREDENTIALS = True  # ${WHY.credentials}`,
      c.credentials && `CSRF_TRUSTED_ORIGINS = [${q(c.origin)}]  # cookie-authenticated writes also pass CSRF`,
      c.maxAge !== null && `CORS_PREFLIGHT_MAX_AGE = ${c.maxAge}`,
    ),

  flask: ({ c, methods, path }) =>
    lines(
      'from flask_cors import CORS',
      '',
      '# Flask-CORS answers OPTIONS itself; before_request auth hooks must skip OPTIONS (preflights carry no credentials).',
      'CORS(app,',
      `     resources={r"^${pythonRegex(path)}$": {"origins": [${q(c.origin)}]}},  # exact origin, not a regex`,
      `     methods=[${list(methods)}],`,
      c.allowHeaders.length > 0 && `     allow_headers=[${list(c.allowHeaders)}],  # ${WHY.headers}`,
      c.credentials && '     supports_credentials=True,',
      c.maxAge !== null && `     max_age=${c.maxAge},`,
      `     vary_header=True)  # ${WHY.vary}`,
    ),

  spring: ({ c, methods, path }) =>
    lines(
      '@Bean',
      'CorsConfigurationSource corsConfigurationSource() {',
      '    var c = new CorsConfiguration(); // adds Vary: Origin itself',
      `    c.setAllowedOrigins(List.of(${q(c.origin)})); // ${WHY.origin}`,
      `    c.setAllowedMethods(List.of(${list(methods)}));`,
      c.allowHeaders.length > 0 && `    c.setAllowedHeaders(List.of(${list(c.allowHeaders)}));`,
      c.credentials && '    c.setAllowCredentials(true);',
      c.maxAge !== null && `    c.setMaxAge(${c.maxAge}L);`,
      '    var source = new UrlBasedCorsConfigurationSource();',
      `    source.registerCorsConfiguration(${q(path)}, c);`,
      '    return source;',
      '}',
      `// With Spring Security also call http.cors(Customizer.withDefaults()): CORS filter ${WHY.first}.`,
    ),

  aspnet: ({ c, methods }) =>
    lines(
      'builder.Services.AddCors(o => o.AddPolicy("web", p => p',
      `    .WithOrigins(${q(c.origin)}) // ${WHY.origin}`,
      `    .WithMethods(${list(methods)})`,
      c.allowHeaders.length > 0 && `    .WithHeaders(${list(c.allowHeaders)})`,
      c.credentials && '    .AllowCredentials()',
      c.maxAge !== null && `    .SetPreflightMaxAge(TimeSpan.FromSeconds(${c.maxAge}))`,
      '));',
      '// ...',
      'app.UseRouting();',
      `app.UseCors("web"); // ${WHY.first}`,
      '// With one origin ASP.NET sends no Vary: Origin; add it so caches key on Origin.',
      'app.Use(async (ctx, next) => { ctx.Response.Headers.Append("Vary", "Origin"); await next(); });',
      'app.UseAuthentication();',
      'app.UseAuthorization();',
    ),

  go: ({ c, methods }) =>
    lines(
      'c := cors.New(cors.Options{ // github.com/rs/cors; adds Vary: Origin',
      `\tAllowedOrigins:   []string{${q(c.origin)}}, // ${WHY.origin}`,
      `\tAllowedMethods:   []string{${list(methods)}},`,
      c.allowHeaders.length > 0 && `\tAllowedHeaders:   []string{${list(c.allowHeaders)}},`,
      c.credentials && '\tAllowCredentials: true,',
      c.maxAge !== null && `\tMaxAge:           ${c.maxAge},`,
      '})',
      `handler := c.Handler(authMiddleware(mux)) // CORS outermost, ${WHY.first}`,
    ),

  rails: ({ c, methods, path }) => {
    const unquotable = [...methods, ...c.allowHeaders].find(hasUnprintable);
    if (unquotable !== undefined) return cannotWrite('Rails', unquotable, UNQUOTABLE);
    return lines(
      '# config/initializers/cors.rb',
      `# insert_before 0: ${WHY.first}; also ahead of force_ssl redirects`,
      'Rails.application.config.middleware.insert_before 0, Rack::Cors do',
      '  allow do',
      `    origins ${rubyString(c.origin)} # ${WHY.origin}`,
      `    resource ${rubyString(path)},`,
      `      methods: %i[${[...methods, ...(c.handlePreflight ? ['OPTIONS'] : [])].map((m) => m.toLowerCase()).join(' ')}],`,
      c.allowHeaders.length > 0 && `      headers: %w[${c.allowHeaders.join(' ')}],`,
      c.credentials && '      credentials: true,',
      c.maxAge !== null && `      max_age: ${c.maxAge},`,
      '      vary: ["Origin"]',
      '  end',
      'end',
    );
  },

  cloudflare: ({ c }) =>
    lines(
      `// ${printable(c.url)} answers per Origin (it echoes ${printable(c.origin)}), so caches must key on Origin,`,
      '// but Cloudflare caches by URL: one origin\'s ACAO (or none) is served to the next.',
      '// Keep Vary: Origin on every response, and put Origin in the cache key: a Cache Rule',
      '// (custom cache key → header Origin), or this Worker in front of the route:',
      'export default {',
      '  async fetch(request) {',
      '    if (request.method !== "GET") return fetch(request); // preflights and writes: not cached',
      '    const key = new URL(request.url);',
      '    key.searchParams.set("__cors_origin", request.headers.get("Origin") ?? "");',
      '    const upstream = await fetch(request, { cf: { cacheKey: key.toString() } }); // cacheKey: Enterprise plans',
      '    const response = new Response(upstream.body, upstream);',
      '    response.headers.append("Vary", "Origin");',
      '    return response;',
      '  },',
      '};',
    ),
} as const satisfies Record<Stack, (v: View) => string>;

export function renderSnippet(stack: Stack, config: ServerCorsConfig): string {
  return RENDERERS[stack](view(config));
}

/** The snippet's language, for syntax highlighting and file extensions. */
export const STACK_LANGUAGES = {
  express: 'javascript',
  fastify: 'javascript',
  koa: 'javascript',
  nginx: 'nginx',
  apache: 'apache',
  django: 'python',
  flask: 'python',
  spring: 'java',
  aspnet: 'csharp',
  go: 'go',
  rails: 'ruby',
  cloudflare: 'javascript',
} as const satisfies Record<Stack, string>;
