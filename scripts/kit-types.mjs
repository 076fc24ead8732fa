// Makes the kit's declarations (tsc writes them to dist-kit/types) readable under every module
// resolution a user's tsconfig may choose: relative imports get the `.js` ending that Node16/NodeNext
// resolution wants, and a copy in dist-kit/types-cjs, marked CommonJS by its own package.json, is
// what the `require` condition points at (a .d.ts in this "type": "module" package reads as ESM).
import { cp, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '..');
const ESM_TYPES = join(ROOT, 'dist-kit/types');
const CJS_TYPES = join(ROOT, 'dist-kit/types-cjs');

async function exists(path) {
  return stat(path).then(
    () => true,
    () => false,
  );
}

/** `./lens` → `./lens.js`, `./cors` (a folder) → `./cors/index.js`. */
async function withEnding(file, specifier) {
  if (!specifier.startsWith('.') || specifier.endsWith('.js')) return specifier;
  const target = resolve(dirname(file), specifier);
  if (await exists(`${target}.d.ts`)) return `${specifier}.js`;
  if (await exists(join(target, 'index.d.ts'))) return `${specifier}/index.js`;
  throw new Error(`kit types: ${file} imports ${specifier}, which has no declaration`);
}

async function addEndings(file) {
  const text = await readFile(file, 'utf8');
  const pattern = /(from |import\()(['"])([^'"]+)\2/g;
  let out = '';
  let last = 0;
  for (const match of text.matchAll(pattern)) {
    const [whole, lead, quote, specifier] = match;
    out += text.slice(last, match.index) + lead + quote + (await withEnding(file, specifier)) + quote;
    last = match.index + whole.length;
  }
  await writeFile(file, out + text.slice(last));
}

const files = (await readdir(ESM_TYPES, { recursive: true })).filter((name) => name.endsWith('.d.ts'));
for (const name of files) await addEndings(join(ESM_TYPES, name));
await cp(ESM_TYPES, CJS_TYPES, { recursive: true });
await writeFile(join(CJS_TYPES, 'package.json'), '{ "type": "commonjs" }\n');
console.log(`kit types: ${files.length} declaration files, ESM in dist-kit/types, CommonJS in dist-kit/types-cjs`);
