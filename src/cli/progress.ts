import cliProgress from 'cli-progress';

/** A progress reporter that draws one bar per phase on stderr (quiet when stderr is not a terminal or --json). */
export function createProgress(enabled: boolean): { report: (phase: string, done: number, total: number) => void; stop: () => void } {
  let bar: cliProgress.SingleBar | null = null;
  let current = '';
  let started = 0;
  const stop = () => {
    bar?.stop();
    bar = null;
  };
  return {
    report(phase, done, total) {
      if (!enabled) return;
      if (phase !== current) {
        stop();
        current = phase;
        started = performance.now();
        bar = new cliProgress.SingleBar(
          { format: `${phase.padEnd(22)} [{bar}] {percentage}% {value}/{total} {rate}/s eta {eta_formatted}`, stream: process.stderr, hideCursor: true },
          cliProgress.Presets.shades_classic,
        );
        bar.start(total, 0, { rate: 0 });
      }
      const seconds = (performance.now() - started) / 1000;
      bar?.update(done, { rate: seconds > 0 ? Math.round(done / seconds) : 0 });
      if (done >= total) stop();
    },
    stop,
  };
}
