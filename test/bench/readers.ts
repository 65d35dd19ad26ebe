import { readHtmlPosting } from '../../src/adapters/html-posting-reader.js';
import { extractMentions } from '../../src/core/mentions/extract-mentions.js';
import { makeLargePage } from '../unit/posting/fixtures.js';

const median = (values: number[]): number => Number(values.sort((a, b) => a - b)[Math.floor(values.length / 2)]!.toFixed(1));

// Wall time and this process's CPU time: on a shared machine the CPU figure shows the cost without the waiting.
function time(run: () => unknown, repeats: number): { wall: number; cpu: number } {
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < repeats; i++) {
    const cpuStart = process.cpuUsage();
    const start = performance.now();
    run();
    wall.push(performance.now() - start);
    const used = process.cpuUsage(cpuStart);
    cpu.push((used.user + used.system) / 1000);
  }
  return { wall: median(wall), cpu: median(cpu) };
}

/**
 * Reader speed on generated 5 MB pages (target ≤ 1 s): median wall and CPU milliseconds for reading the page into a
 * Posting with the posting at the start and at the end, and for the mention extraction after it.
 */
export async function benchReaders(repeats = 3): Promise<Record<string, number>> {
  const early = makeLargePage(5, 'start');
  const late = makeLargePage(5, 'end');
  readHtmlPosting(early); // warm up: JIT and the language model load
  const posting = readHtmlPosting(late);
  const results: Record<string, number> = {};
  const runs: [string, () => unknown][] = [
    ['read 5 MB page, posting first', () => readHtmlPosting(early)],
    ['read 5 MB page, posting last', () => readHtmlPosting(late)],
    ['extract mentions', () => extractMentions(posting)],
  ];
  for (const [name, run] of runs) {
    const { wall, cpu } = time(run, repeats);
    results[`${name} (ms)`] = wall;
    results[`${name} (cpu ms)`] = cpu;
  }
  return results;
}
