/**
 * The bot's typed configuration: defaults, overridden by a JSON config file, then the environment,
 * then command-line flags; validated up front with every problem reported at once.
 *
 * @module
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import {
  type CountUnits,
  MICROS_PER_DOLLAR,
  type Micros,
  PRICE_SCALE,
  type PriceUnits,
  parseCount,
  parseDollars,
} from '@mnquants/kalshi-sdk';

/** Where the bot trades. */
export type Venue = 'sim' | 'demo' | 'production';

/** The S&P 500 series the bot can quote. */
export type SpxSeries = 'KXINX' | 'KXINXU';

/** When to draw the live status panel. */
export type StatusMode = 'auto' | 'on' | 'off';

/** Log levels accepted by `--log-level`. */
export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

/**
 * Everything the bot needs to run, in the toolkit's integer units.
 *
 * @remarks Prices are integer $0.0001 units, counts integer hundredths of a contract, money
 * integer micro-dollars. `null` means "not set" where an option has a venue-dependent default.
 */
export interface BotConfig {
  /** Where to trade. */
  venue: Venue;
  /** Explicit consent to trade real money; required with `venue: 'production'`. */
  confirmRealMoney: boolean;
  /** Stop after this many wall-clock seconds; `null` runs until Ctrl-C (or the sim session ends). */
  durationSec: number | null;
  /** Simulator seed (same seed, same market). */
  seed: number;
  /** Simulator clock speed (sim seconds per real second). */
  speed: number;
  /** Starting cash of the simulated account, micro-dollars. */
  simBalanceMicros: Micros;
  /** Series to quote. */
  series: SpxSeries[];
  /** Strikes quoted on each side of the index, per series. */
  strikesAround: number;
  /** Contracts quoted per side, count units. */
  quoteSizeUnits: CountUnits;
  /** Narrowest quoted spread, price units. */
  minSpreadUnits: PriceUnits;
  /** Widest quoted spread, price units. */
  maxSpreadUnits: PriceUnits;
  /** Inventory skew: how far both quotes move per contract held at a 50% fair value, price units. */
  skewPerContractUnits: PriceUnits;
  /** Volatility override in annualized percent; `null` uses the VIX from the reference feed. */
  volatilityPct: number | null;
  /** A working order is left alone while its price is within this distance of the target, price units. */
  requoteToleranceUnits: PriceUnits;
  /** Largest single order, count units. */
  maxOrderSizeUnits: CountUnits;
  /** Largest absolute position in one market, count units. */
  maxPositionUnits: CountUnits;
  /** Largest worst-case exposure over all markets (position cost + resting quotes), micro-dollars. */
  maxTotalExposureMicros: Micros;
  /** Loss (realized + unrealized, after fees) at which the kill switch trips, micro-dollars. */
  maxLossMicros: Micros;
  /** Reference prices not updated for this long (wall clock) stop quoting, ms. */
  referenceStaleMs: number;
  /** Reference poll interval, ms; `null` uses the venue default (500 sim, 15000 Yahoo). */
  referencePollMs: number | null;
  /** Structured JSON log file. */
  logFile: string;
  /** Minimum level logged. */
  logLevel: LogLevel;
  /** Live status panel. */
  status: StatusMode;
  /** `.env` file read for keys and `SPX_MM_*` settings (missing file is fine). */
  envFile: string;
  /** JSON config file that was applied, if any. */
  configFile: string | null;
  /** Kalshi API key id (demo/production). */
  apiKeyId: string | null;
  /** Path to the Kalshi private key PEM (demo/production). */
  privateKeyPath: string | null;
}

/** The result of parsing one option value: the value, or the problem with it. */
export type Parsed<T> =
  | {
      /** Parsed. */
      ok: true;
      /** The value in the config's units. */
      value: T;
    }
  | {
      /** Not parsed. */
      ok: false;
      /** What is wrong, for the user. */
      problem: string;
    };

/** One configurable option: how it is named in each source, its default and how to parse it. */
export interface OptionSpec {
  /** Key in {@link BotConfig} and in the JSON config file. */
  readonly key: keyof BotConfig;
  /** Command-line flag without the leading `--`. */
  readonly flag: string;
  /** Environment variable, if the option can come from the environment. */
  readonly env: string | null;
  /** Value placeholder shown in `--help`. */
  readonly arg: string;
  /** Default, as a user would type it. */
  readonly defaultText: string;
  /** One-line meaning. */
  readonly description: string;
  /** True for flags that take no value. */
  readonly boolean?: boolean;
  /** Parses a raw value (string from CLI/env, any JSON value from the file). */
  parse(raw: unknown): Parsed<unknown>;
}

const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
const bad = (problem: string): Parsed<never> => ({ ok: false, problem });
const show = (raw: unknown): string => JSON.stringify(raw) ?? String(raw);

function asText(raw: unknown): string | null {
  if (typeof raw === 'string') return raw.trim();
  if (typeof raw === 'number' && Number.isFinite(raw)) return String(raw);
  return null;
}

function intIn(min: number, max: number) {
  return (raw: unknown): Parsed<number> => {
    const text = asText(raw);
    if (text === null || !/^-?\d+$/.test(text)) return bad(`must be an integer, got ${show(raw)}`);
    const n = Number(text);
    if (n < min || n > max) return bad(`must be between ${min} and ${max}, got ${n}`);
    return ok(n);
  };
}

function numberIn(min: number, max: number) {
  return (raw: unknown): Parsed<number> => {
    const text = asText(raw);
    const n = text === null || text === '' ? Number.NaN : Number(text);
    if (!Number.isFinite(n)) return bad(`must be a number, got ${show(raw)}`);
    if (n < min || n > max) return bad(`must be between ${min} and ${max}, got ${n}`);
    return ok(n);
  };
}

function nullable<T>(inner: (raw: unknown) => Parsed<T>) {
  return (raw: unknown): Parsed<T | null> =>
    raw === null || raw === 'none' || raw === '' ? ok(null) : inner(raw);
}

/** Dollar prices are parsed exactly with the SDK's fixed-point helpers (no float round trip). */
function dollarsIn(minUnits: PriceUnits, maxUnits: PriceUnits) {
  return (raw: unknown): Parsed<PriceUnits> => {
    const text = asText(raw);
    let units: PriceUnits;
    try {
      if (text === null) throw new Error('not text');
      units = parseDollars(text);
    } catch {
      return bad(`must be a dollar amount with at most 4 decimals (e.g. 0.02), got ${show(raw)}`);
    }
    if (units < minUnits || units > maxUnits) {
      return bad(`must be between $${minUnits / PRICE_SCALE} and $${maxUnits / PRICE_SCALE}, got ${text}`);
    }
    return ok(units);
  };
}

function moneyDollars(raw: unknown): Parsed<Micros> {
  const text = asText(raw);
  try {
    if (text === null) throw new Error('not text');
    const units = parseDollars(text);
    if (units <= 0) return bad(`must be greater than 0, got ${text}`);
    return ok(units * (MICROS_PER_DOLLAR / PRICE_SCALE));
  } catch {
    return bad(`must be a positive dollar amount (e.g. 250 or 99.50), got ${show(raw)}`);
  }
}

function contracts(raw: unknown): Parsed<CountUnits> {
  const text = asText(raw);
  try {
    if (text === null) throw new Error('not text');
    const units = parseCount(text);
    if (units <= 0) return bad(`must be greater than 0, got ${text}`);
    return ok(units);
  } catch {
    return bad(`must be a number of contracts with at most 2 decimals (e.g. 5 or 0.5), got ${show(raw)}`);
  }
}

function oneOf<T extends string>(values: readonly T[]) {
  return (raw: unknown): Parsed<T> =>
    typeof raw === 'string' && (values as readonly string[]).includes(raw)
      ? ok(raw as T)
      : bad(`must be one of ${values.join(', ')}, got ${show(raw)}`);
}

function bool(raw: unknown): Parsed<boolean> {
  if (typeof raw === 'boolean') return ok(raw);
  if (raw === 'true' || raw === '1' || raw === 'yes') return ok(true);
  if (raw === 'false' || raw === '0' || raw === 'no') return ok(false);
  return bad(`must be true or false, got ${show(raw)}`);
}

function nonEmpty(raw: unknown): Parsed<string> {
  return typeof raw === 'string' && raw.trim() !== '' ? ok(raw.trim()) : bad(`must be a non-empty string`);
}

function seriesList(raw: unknown): Parsed<SpxSeries[]> {
  const items = Array.isArray(raw) ? raw : typeof raw === 'string' ? raw.split(',') : null;
  if (items === null) return bad(`must be a comma-separated list of KXINX, KXINXU, got ${show(raw)}`);
  const out: SpxSeries[] = [];
  for (const item of items) {
    const s = typeof item === 'string' ? item.trim().toUpperCase() : item;
    if (s !== 'KXINX' && s !== 'KXINXU') return bad(`unknown series ${show(item)} (use KXINX, KXINXU)`);
    if (!out.includes(s)) out.push(s);
  }
  if (out.length === 0) return bad('must name at least one series');
  return ok(out);
}

/**
 * Every option the bot understands, in `--help` order.
 *
 * @remarks The README's config table and `--help` are both rendered from this list.
 */
export const OPTIONS: readonly OptionSpec[] = [
  {
    key: 'venue',
    flag: 'venue',
    env: 'SPX_MM_VENUE',
    arg: 'sim|demo|production',
    defaultText: 'sim',
    description: 'Where to trade: the embedded simulator, Kalshi demo, or Kalshi production.',
    parse: oneOf(['sim', 'demo', 'production'] as const),
  },
  {
    key: 'confirmRealMoney',
    flag: 'i-understand-this-trades-real-money',
    env: null,
    arg: '',
    defaultText: 'false',
    description: 'Required with --venue production; never read from a file or the environment.',
    boolean: true,
    parse: bool,
  },
  {
    key: 'durationSec',
    flag: 'duration',
    env: 'SPX_MM_DURATION',
    arg: 'seconds',
    defaultText: 'none',
    description:
      'Stop after this many seconds (wall clock); default runs until Ctrl-C or the sim session closes.',
    parse: nullable(intIn(1, 7 * 24 * 3600)),
  },
  {
    key: 'seed',
    flag: 'seed',
    env: 'SPX_MM_SEED',
    arg: 'int',
    defaultText: '42',
    description: 'Simulator seed: the same seed replays the same index path and traders.',
    parse: intIn(0, 2 ** 31 - 1),
  },
  {
    key: 'speed',
    flag: 'speed',
    env: 'SPX_MM_SPEED',
    arg: 'x',
    defaultText: '39',
    description: 'Simulator clock speed; 39 plays the 6.5-hour session in 10 minutes.',
    parse: numberIn(1, 10_000),
  },
  {
    key: 'simBalanceMicros',
    flag: 'sim-balance',
    env: 'SPX_MM_SIM_BALANCE',
    arg: 'dollars',
    defaultText: '10000',
    description: 'Starting cash of the simulated account.',
    parse: moneyDollars,
  },
  {
    key: 'series',
    flag: 'series',
    env: 'SPX_MM_SERIES',
    arg: 'list',
    defaultText: 'KXINX,KXINXU',
    description: 'S&P 500 series to quote: KXINX (range buckets), KXINXU (above/below ladder).',
    parse: seriesList,
  },
  {
    key: 'strikesAround',
    flag: 'strikes-around',
    env: 'SPX_MM_STRIKES_AROUND',
    arg: 'n',
    defaultText: '2',
    description: 'Markets quoted on each side of the one nearest the index, per series.',
    parse: intIn(0, 20),
  },
  {
    key: 'quoteSizeUnits',
    flag: 'quote-size',
    env: 'SPX_MM_QUOTE_SIZE',
    arg: 'contracts',
    defaultText: '5',
    description: 'Contracts quoted on each side of each market.',
    parse: contracts,
  },
  {
    key: 'minSpreadUnits',
    flag: 'min-spread',
    env: 'SPX_MM_MIN_SPREAD',
    arg: 'dollars',
    defaultText: '0.04',
    description: 'Narrowest bid/ask spread quoted.',
    parse: dollarsIn(100, 5_000),
  },
  {
    key: 'maxSpreadUnits',
    flag: 'max-spread',
    env: 'SPX_MM_MAX_SPREAD',
    arg: 'dollars',
    defaultText: '0.20',
    description: 'Widest bid/ask spread quoted.',
    parse: dollarsIn(100, 9_000),
  },
  {
    key: 'skewPerContractUnits',
    flag: 'skew-per-contract',
    env: 'SPX_MM_SKEW_PER_CONTRACT',
    arg: 'dollars',
    defaultText: '0.002',
    description:
      'Inventory skew: both quotes move this much against each contract held (at a 50% fair value; less near 0 or 1).',
    parse: dollarsIn(1, 1_000),
  },
  {
    key: 'volatilityPct',
    flag: 'volatility',
    env: 'SPX_MM_VOLATILITY',
    arg: 'percent',
    defaultText: 'VIX',
    description: 'Annualized volatility for fair value; default uses the live VIX from the reference feed.',
    parse: nullable(numberIn(1, 300)),
  },
  {
    key: 'requoteToleranceUnits',
    flag: 'requote-tolerance',
    env: 'SPX_MM_REQUOTE_TOLERANCE',
    arg: 'dollars',
    defaultText: '0.01',
    description: 'Leave a working order alone while it is this close to the target price.',
    parse: dollarsIn(0, 5_000),
  },
  {
    key: 'maxOrderSizeUnits',
    flag: 'max-order-size',
    env: 'SPX_MM_MAX_ORDER_SIZE',
    arg: 'contracts',
    defaultText: '20',
    description: 'Largest single order; larger orders are denied by the risk engine.',
    parse: contracts,
  },
  {
    key: 'maxPositionUnits',
    flag: 'max-position',
    env: 'SPX_MM_MAX_POSITION',
    arg: 'contracts',
    defaultText: '50',
    description: 'Largest absolute position in any one market (resting orders count toward it).',
    parse: contracts,
  },
  {
    key: 'maxTotalExposureMicros',
    flag: 'max-total-exposure',
    env: 'SPX_MM_MAX_TOTAL_EXPOSURE',
    arg: 'dollars',
    defaultText: '500',
    description: 'Largest worst-case exposure over all markets (position cost plus resting quotes).',
    parse: moneyDollars,
  },
  {
    key: 'maxLossMicros',
    flag: 'max-loss',
    env: 'SPX_MM_MAX_LOSS',
    arg: 'dollars',
    defaultText: '250',
    description: 'Loss (realized + unrealized, after fees) that trips the kill switch.',
    parse: moneyDollars,
  },
  {
    key: 'referenceStaleMs',
    flag: 'reference-stale-ms',
    env: 'SPX_MM_REFERENCE_STALE_MS',
    arg: 'ms',
    defaultText: '30000',
    description: 'Stop quoting when the index or VIX has not updated for this long (wall-clock ms).',
    parse: intIn(100, 3_600_000),
  },
  {
    key: 'referencePollMs',
    flag: 'reference-poll-ms',
    env: 'SPX_MM_REFERENCE_POLL_MS',
    arg: 'ms',
    defaultText: '500 (sim), 15000 (Yahoo)',
    description: 'How often the reference feed is polled.',
    parse: nullable(intIn(50, 600_000)),
  },
  {
    key: 'logFile',
    flag: 'log-file',
    env: 'SPX_MM_LOG_FILE',
    arg: 'path',
    defaultText: 'trading.log',
    description: 'Structured JSON log (one line per event), appended.',
    parse: nonEmpty,
  },
  {
    key: 'logLevel',
    flag: 'log-level',
    env: 'SPX_MM_LOG_LEVEL',
    arg: 'level',
    defaultText: 'info',
    description: 'Minimum level logged: debug, info, warn, error.',
    parse: oneOf(['debug', 'info', 'warn', 'error'] as const),
  },
  {
    key: 'status',
    flag: 'status',
    env: 'SPX_MM_STATUS',
    arg: 'auto|on|off',
    defaultText: 'auto',
    description: 'Live status panel redrawn in place; auto draws it only on a TTY.',
    parse: oneOf(['auto', 'on', 'off'] as const),
  },
  {
    key: 'envFile',
    flag: 'env-file',
    env: null,
    arg: 'path',
    defaultText: '.env',
    description: 'Dotenv file read for KALSHI_* keys and SPX_MM_* settings (a missing file is fine).',
    parse: nonEmpty,
  },
  {
    key: 'configFile',
    flag: 'config',
    env: 'SPX_MM_CONFIG',
    arg: 'path',
    defaultText: 'none',
    description: 'JSON file of settings, keyed by flag name (e.g. {"quote-size": 10}).',
    parse: nullable(nonEmpty),
  },
  {
    key: 'apiKeyId',
    flag: 'api-key-id',
    env: 'KALSHI_API_KEY_ID',
    arg: 'uuid',
    defaultText: 'none',
    description: 'Kalshi API key id (demo and production).',
    parse: nullable(nonEmpty),
  },
  {
    key: 'privateKeyPath',
    flag: 'private-key-path',
    env: 'KALSHI_PRIVATE_KEY_PATH',
    arg: 'path',
    defaultText: 'none',
    description: 'Path to the PEM private key of that API key (demo and production).',
    parse: nullable(nonEmpty),
  },
];

/** The defaults, before any source is applied. */
export function defaultConfig(): BotConfig {
  return {
    venue: 'sim',
    confirmRealMoney: false,
    durationSec: null,
    seed: 42,
    speed: 39,
    simBalanceMicros: 10_000 * MICROS_PER_DOLLAR,
    series: ['KXINX', 'KXINXU'],
    strikesAround: 2,
    quoteSizeUnits: 500,
    minSpreadUnits: 400,
    maxSpreadUnits: 2_000,
    skewPerContractUnits: 20,
    volatilityPct: null,
    requoteToleranceUnits: 100,
    maxOrderSizeUnits: 2_000,
    maxPositionUnits: 5_000,
    maxTotalExposureMicros: 500 * MICROS_PER_DOLLAR,
    maxLossMicros: 250 * MICROS_PER_DOLLAR,
    referenceStaleMs: 30_000,
    referencePollMs: null,
    logFile: 'trading.log',
    logLevel: 'info',
    status: 'auto',
    envFile: '.env',
    configFile: null,
    apiKeyId: null,
    privateKeyPath: null,
  };
}

/** The result of {@link loadConfig}. */
export type LoadConfigResult =
  | {
      /** `--help` was asked for. */
      kind: 'help';
    }
  | {
      /** A valid configuration. */
      kind: 'config';
      /** The configuration. */
      config: BotConfig;
    }
  | {
      /** At least one problem. */
      kind: 'invalid';
      /** Every problem found, one line each. */
      problems: string[];
    };

/** Inputs of {@link loadConfig}; each source is injectable for tests. */
export interface LoadConfigInput {
  /** Command-line arguments without `node` and the script. */
  argv: readonly string[];
  /** Environment (after the `.env` file has been merged in). */
  env: Readonly<Record<string, string | undefined>>;
  /** Reads a config file; defaults to `fs.readFileSync(path, 'utf8')`. */
  readFile?: (path: string) => string;
}

const BY_FLAG = new Map(OPTIONS.map((o) => [o.flag, o]));
const BY_KEY = new Map(OPTIONS.map((o) => [o.key as string, o]));

/**
 * Builds the configuration from defaults, a JSON file, the environment and the command line.
 *
 * @example
 * ```ts
 * const r = loadConfig({ argv: ['--quote-size', '2'], env: process.env });
 * if (r.kind === 'invalid') console.error(r.problems.join('\n'));
 * else if (r.kind === 'config') console.log(r.config.quoteSizeUnits); // 200
 * ```
 *
 * @remarks Precedence, lowest first: defaults, `--config` file, environment (`SPX_MM_*`,
 * `KALSHI_*`), flags. Every problem in every source is collected and returned together, and the
 * cross-field rules (spreads, position limits, production consent, keys) are checked last.
 */
export function loadConfig(input: LoadConfigInput): LoadConfigResult {
  const problems: string[] = [];
  const config = defaultConfig();
  const set = (spec: OptionSpec, raw: unknown, where: string): void => {
    const parsed = spec.parse(raw);
    if (parsed.ok) (config as unknown as Record<string, unknown>)[spec.key] = parsed.value;
    else problems.push(`${where}: ${parsed.problem}`);
  };

  // Command line first (to learn --help and --config), applied last.
  const cli: { spec: OptionSpec; raw: string | boolean }[] = [];
  let help = false;
  try {
    const { tokens } = parseArgs({
      args: [...input.argv],
      options: Object.fromEntries([
        ['help', { type: 'boolean', short: 'h' }],
        ...OPTIONS.map((o) => [o.flag, { type: o.boolean === true ? 'boolean' : 'string' }]),
      ]),
      strict: false,
      allowPositionals: true,
      tokens: true,
    });
    for (const token of tokens) {
      if (token.kind === 'positional') {
        problems.push(`unexpected argument ${JSON.stringify(token.value)}`);
      } else if (token.kind === 'option') {
        if (token.name === 'help' || token.name === 'h') {
          help = true;
          continue;
        }
        const spec = BY_FLAG.get(token.name);
        if (spec === undefined) problems.push(`unknown option ${token.rawName}`);
        else if (spec.boolean === true) cli.push({ spec, raw: token.value ?? true });
        else if (token.value === undefined) problems.push(`--${spec.flag}: needs a value (${spec.arg})`);
        else cli.push({ spec, raw: token.value });
      }
    }
  } catch (err) {
    problems.push(`command line: ${(err as Error).message}`);
  }
  if (help) return { kind: 'help' };

  const configPath =
    cli.find((c) => c.spec.key === 'configFile')?.raw ?? input.env.SPX_MM_CONFIG ?? undefined;
  if (typeof configPath === 'string' && configPath !== '') {
    const readFile = input.readFile ?? ((p: string) => readFileSync(p, 'utf8'));
    let json: unknown;
    try {
      json = JSON.parse(readFile(configPath));
    } catch (err) {
      problems.push(`config file ${configPath}: ${(err as Error).message}`);
    }
    if (json !== undefined) {
      if (typeof json !== 'object' || json === null || Array.isArray(json)) {
        problems.push(`config file ${configPath}: must be a JSON object`);
      } else {
        for (const [name, raw] of Object.entries(json)) {
          const spec = BY_FLAG.get(name) ?? BY_KEY.get(name);
          if (spec === undefined) problems.push(`config file: unknown setting "${name}"`);
          else if (spec.key === 'confirmRealMoney' || spec.key === 'configFile' || spec.key === 'envFile')
            problems.push(`config file: "${name}" can only be given on the command line`);
          else set(spec, raw, `config file "${name}"`);
        }
      }
    }
  }

  for (const spec of OPTIONS) {
    if (spec.env === null) continue;
    const raw = input.env[spec.env];
    if (raw !== undefined && raw !== '') set(spec, raw, spec.env);
  }
  for (const { spec, raw } of cli) set(spec, raw, `--${spec.flag}`);

  problems.push(...crossCheck(config));
  return problems.length > 0 ? { kind: 'invalid', problems } : { kind: 'config', config };
}

function crossCheck(c: BotConfig): string[] {
  const problems: string[] = [];
  if (c.minSpreadUnits > c.maxSpreadUnits) problems.push('--min-spread must not exceed --max-spread');
  if (c.quoteSizeUnits > c.maxOrderSizeUnits) problems.push('--quote-size must not exceed --max-order-size');
  if (c.quoteSizeUnits > c.maxPositionUnits) problems.push('--quote-size must not exceed --max-position');
  if (c.venue === 'production' && !c.confirmRealMoney) {
    problems.push(
      '--venue production trades real money: add --i-understand-this-trades-real-money to confirm (try --venue demo first)',
    );
  }
  if (c.venue !== 'sim') {
    if (c.apiKeyId === null) problems.push(`--venue ${c.venue} needs KALSHI_API_KEY_ID (or --api-key-id)`);
    if (c.privateKeyPath === null)
      problems.push(`--venue ${c.venue} needs KALSHI_PRIVATE_KEY_PATH (or --private-key-path)`);
  }
  return problems;
}

/**
 * Renders `--help`: usage, then every option with its default and meaning.
 */
export function helpText(): string {
  const lines = [
    "spx-market-maker: quotes today's S&P 500 markets on Kalshi (or the embedded simulator).",
    '',
    'Usage: npm start -- [options]      (from the repository root or examples/spx-market-maker)',
    '',
    'Settings are read from defaults, then --config <file.json>, then the environment (and .env),',
    'then flags (flags win). Prices and money are in dollars, sizes in contracts.',
    '',
    'Options:',
  ];
  const left = (o: OptionSpec) => `--${o.flag}${o.arg === '' ? '' : ` <${o.arg}>`}`;
  const width = Math.max(...OPTIONS.map((o) => left(o).length)) + 2;
  for (const o of OPTIONS) {
    lines.push(`  ${left(o).padEnd(width)}${o.description}`);
    const env = o.env === null ? '' : `  env ${o.env}`;
    lines.push(`  ${''.padEnd(width)}default: ${o.defaultText}${env}`);
  }
  lines.push(`  ${'--help, -h'.padEnd(width)}Show this help.`);
  lines.push('');
  lines.push(
    'Ctrl-C (or SIGTERM) stops quoting, cancels every order, prints a summary; a second Ctrl-C exits now.',
  );
  return lines.join('\n');
}

/**
 * Renders the README's configuration table (markdown) from {@link OPTIONS}.
 */
export function configTableMarkdown(): string {
  const rows = ['| Flag | Environment | Default | Meaning |', '|---|---|---|---|'];
  for (const o of OPTIONS) {
    const flag = `\`--${o.flag}${o.arg === '' ? '' : ` <${o.arg.replaceAll('|', '\\|')}>`}\``;
    const env = o.env === null ? '' : `\`${o.env}\``;
    rows.push(`| ${flag} | ${env} | ${o.defaultText} | ${o.description.replaceAll('|', '\\|')} |`);
  }
  return rows.join('\n');
}
