// `npm run bench`: runs every section (or those named with --only), prints each figure with its
// target and pass/fail, and exits 1 when any target is missed.
//   npm run bench                       all sections, 5 runs each
//   npm run bench -- --runs 9           more runs per median
//   npm run bench -- --quick            small workloads, to check the benchmarks still run
//   npm run bench -- --only checker     sections whose name contains "checker"
import { cpus, totalmem } from 'node:os';
import { meets, type BenchOptions, type Figure } from './figure';
import { sections } from './sections';

function parseArgs(argv: readonly string[]): BenchOptions & { only: string | null } {
  const value = (flag: string) => {
    const at = argv.indexOf(flag);
    return at >= 0 ? argv[at + 1] : undefined;
  };
  const quick = argv.includes('--quick');
  // Quick runs only check that the benchmarks still work, so fewer runs will do.
  const runs = Number(value('--runs') ?? (quick ? 3 : 5));
  if (!Number.isInteger(runs) || runs < 1) throw new Error(`--runs must be a positive whole number`);
  return { runs, quick, only: value('--only')?.toLowerCase() ?? null };
}

function format(figure: Figure): string {
  const verdict = meets(figure);
  const value = Number.isInteger(figure.value) ? String(figure.value) : figure.value.toFixed(figure.value < 10 ? 2 : 1);
  const target = figure.target ? `${figure.target.op} ${figure.target.value} ${figure.unit}` : '';
  const mark = verdict === null ? '' : verdict ? 'PASS' : 'FAIL';
  return `  ${figure.name.padEnd(52)} ${`${value} ${figure.unit}`.padStart(14)}  ${target.padEnd(16)} ${mark.padEnd(4)}  ${figure.note ?? ''}`;
}

async function main(): Promise<void> {
  const options = parseArgs(process.argv.slice(2));
  const chosen = sections.filter((s) => options.only === null || s.name.toLowerCase().includes(options.only));
  console.log(`CORS Lens benchmarks — ${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`);
  console.log(`${options.runs} runs per median${options.quick ? ', quick workloads (not for quoting)' : ''}\n`);
  const failed: Figure[] = [];
  const broken: string[] = [];
  for (const section of chosen) {
    console.log(section.name);
    try {
      for (const figure of await section.run(options)) {
        console.log(format(figure));
        if (meets(figure) === false) failed.push(figure);
      }
    } catch (error) {
      console.log(`  could not run: ${error instanceof Error ? error.message : String(error)}`);
      broken.push(section.name);
    }
    console.log('');
  }
  if (broken.length) console.log(`could not run: ${broken.join('; ')}`);
  const met = broken.length ? 'every target of the sections that ran met' : 'every target met';
  console.log(failed.length ? `${failed.length} target(s) missed: ${failed.map((f) => f.name).join('; ')}` : met);
  if (failed.length || broken.length) process.exitCode = 1;
}

await main();
