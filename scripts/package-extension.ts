// `npm run package`: the built extension (dist/) as a zip for the Chrome Web Store, named with
// the package.json version, after checking that it is the shipped build: the manifest carries
// that version and every icon size the store lists, and no benchmark or test seam is inside.
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { zipSync } from 'fflate';
import { SEAM_MARKERS, seamsIn } from './shipped-build';

const ROOT = resolve(import.meta.dirname, '..');
const BUILD = join(ROOT, 'dist');
export const ICON_SIZES = ['16', '32', '48', '128'] as const;

interface Manifest {
  readonly version: string;
  readonly icons?: Record<string, string>;
}

/** Why dist/ is not fit to publish, empty when it is. */
async function problems(version: string): Promise<string[]> {
  const manifest = JSON.parse(await readFile(join(BUILD, 'manifest.json'), 'utf8')) as Manifest;
  const files = new Set(await readdir(BUILD, { recursive: true }));
  const out: string[] = [];
  if (manifest.version !== version) out.push(`manifest version ${manifest.version} is not package.json's ${version}`);
  for (const size of ICON_SIZES) {
    const icon = manifest.icons?.[size];
    if (icon === undefined || !files.has(icon)) out.push(`no ${size}px icon`);
  }
  for (const [marker, where] of await seamsIn(BUILD)) out.push(`${SEAM_MARKERS[marker]} is in ${where.join(', ')}`);
  return out;
}

export async function packageExtension(outDir = join(ROOT, 'release')): Promise<string> {
  const { version } = JSON.parse(await readFile(join(ROOT, 'package.json'), 'utf8')) as { version: string };
  const found = await problems(version);
  if (found.length > 0) throw new Error(`dist/ is not the build to publish (run npm run build):\n- ${found.join('\n- ')}`);
  const entries: Record<string, Uint8Array> = {};
  for (const file of (await readdir(BUILD, { recursive: true, withFileTypes: true })).filter((e) => e.isFile())) {
    const path = join(file.parentPath, file.name);
    entries[path.slice(BUILD.length + 1)] = await readFile(path);
  }
  await mkdir(outDir, { recursive: true });
  const zip = join(outDir, `cors-lens-${version}.zip`);
  // The store wants manifest.json at the top of the zip, which is where dist/ has it.
  await writeFile(zip, zipSync(entries, { level: 9 }));
  return zip;
}

if (process.argv[1] === import.meta.filename) {
  try {
    const zip = await packageExtension();
    console.log(`Wrote ${zip.slice(ROOT.length + 1)}: upload it in the Chrome Web Store developer dashboard, or unzip it and load the folder unpacked.`);
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  }
}
