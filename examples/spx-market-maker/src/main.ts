/**
 * Command-line entry: `npm start -- [options]`. Reads the configuration, sets up logging and
 * signals, runs the bot, prints the summary and exits 0 on a clean stop.
 *
 * @module
 */
import process from 'node:process';
import { runBot } from './bot.js';
import { helpText, loadConfig } from './config.js';
import { loadEnvFile } from './env-file.js';
import { createLogger } from './logging.js';
import { PlainConsole, StatusPanel } from './status.js';

async function main(argv: readonly string[]): Promise<number> {
  // The .env file may itself be named on the command line.
  const envFlag = argv.findIndex((a) => a === '--env-file' || a.startsWith('--env-file='));
  const envPath =
    envFlag < 0
      ? '.env'
      : argv[envFlag]!.includes('=')
        ? argv[envFlag]!.split('=')[1]!
        : (argv[envFlag + 1] ?? '.env');
  const envFile = loadEnvFile(envPath, process.env);
  const loaded = loadConfig({ argv, env: envFile.env });
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
  const config = loaded.config;
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
