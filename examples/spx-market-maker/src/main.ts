/**
 * Command-line entry: `npm start -- [options]`. Reads the configuration, sets up logging and
 * signals, runs the bot, prints the summary and exits 0 on a clean stop.
 *
 * @module
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import process from 'node:process';
import { parseArgs } from 'node:util';
import { runBot } from './bot.js';
import { helpText, loadConfig } from './config.js';
import { loadEnvFile } from './env-file.js';
import { createLogger } from './logging.js';
import { PlainConsole, StatusPanel } from './status.js';

async function main(argv: readonly string[]): Promise<number> {
  // `npm start` runs in the workspace folder; relative paths mean the folder the user ran npm in.
  const base = process.env.INIT_CWD ?? process.cwd();
  const here = (p: string) => resolve(base, p);
  // The .env file may itself be named on the command line.
  const { values } = parseArgs({
    args: [...argv],
    options: { 'env-file': { type: 'string' } },
    strict: false,
  });
  const envPath = typeof values['env-file'] === 'string' ? values['env-file'] : '.env';
  const envFile = loadEnvFile(here(envPath), process.env);
  const loaded = loadConfig({ argv, env: envFile.env, readFile: (p) => readFileSync(here(p), 'utf8') });
  if (loaded.kind === 'help') {
    process.stdout.write(`${helpText()}\n`);
    return 0;
  }
  if (loaded.kind === 'invalid' || envFile.problems.length > 0) {
    const problems = [...envFile.problems, ...(loaded.kind === 'invalid' ? loaded.problems : [])];
    process.stderr.write(`spx-market-maker: invalid configuration:\n  - ${problems.join('\n  - ')}\n`);
    process.stderr.write('Run with --help to see every option.\n');
    return 2;
  }
  const config = {
    ...loaded.config,
    logFile: here(loaded.config.logFile),
    privateKeyPath: loaded.config.privateKeyPath === null ? null : here(loaded.config.privateKeyPath),
  };
  const tty = process.stdout.isTTY === true;
  const panel =
    config.status === 'on' || (config.status === 'auto' && tty) ? new StatusPanel(process.stdout) : null;
  const sink = panel ?? new PlainConsole(process.stdout);
  const { logger, close } = createLogger({ file: config.logFile, level: config.logLevel, console: sink });

  const controller = new AbortController();
  let signals = 0;
  const onSignal = (signal: NodeJS.Signals) => {
    signals += 1;
    if (signals === 1) {
      logger.warn(
        { signal },
        'stopping: pulling quotes and cancelling every order (Ctrl-C again to force exit)',
      );
      controller.abort(signal);
    } else {
      logger.error({ signal }, 'forced exit: orders may still be resting at the venue');
      void close().finally(() => process.exit(130));
    }
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);

  try {
    const result = await runBot(config, {
      logger,
      signal: controller.signal,
      panel,
      print: (line) => sink.writeLine(line),
    });
    panel?.close();
    return result.exitCode;
  } catch (err) {
    panel?.close();
    logger.fatal({ err }, 'bot failed');
    return 1;
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    await close();
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
    // Anything still holding the event loop open after a clean stop is a bug; do not hang on it.
    setTimeout(() => process.exit(code), 2_000).unref();
  },
  (err: unknown) => {
    process.stderr.write(`spx-market-maker: ${(err as Error).stack ?? String(err)}\n`);
    process.exit(1);
  },
);
