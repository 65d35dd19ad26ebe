import { readHtmlPosting } from '../../src/adapters/html-posting-reader.js';
import { extractMentions } from '../../src/core/mentions/extract-mentions.js';
import { makeLargePage } from '../unit/posting/fixtures.js';

function timeMs(run: () => unknown, repeats: number): number {
  const times: number[] = [];
  for (let i = 0; i < repeats; i++) {
    const start = performance.now();
    run();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return Number(times[Math.floor(times.length / 2)]!.toFixed(1));
}

/**
 * Reader speed on generated 5 MB pages (target ≤ 1 s): median milliseconds for reading the page into a Posting
 * with the posting at the start and at the end, and for the mention extraction after it.
 */
export async function benchReaders(repeats = 3): Promise<Record<string, number>> {
  const early = makeLargePage(5, 'start');
  const late = makeLargePage(5, 'end');
  readHtmlPosting(early); // warm up: JIT and the language model load
  const posting = readHtmlPosting(late);
  return {
    'read 5 MB page, posting first (ms)': timeMs(() => readHtmlPosting(early), repeats),
    'read 5 MB page, posting last (ms)': timeMs(() => readHtmlPosting(late), repeats),
    'extract mentions (ms)': timeMs(() => extractMentions(posting), repeats),
  };
}
