/**
 * A small, fast, seeded pseudo-random generator for the simulated world.
 *
 * @module
 */

/**
 * A seeded pseudo-random number generator (mulberry32) from which everything random in the world flows.
 *
 * @remarks Same seed, same sequence, on every platform. Not cryptographic. {@link SeededRng.fork}
 * derives an independent stream for a named component so that adding a trader does not shift
 * the random numbers of another.
 * @example
 * ```ts
 * const rng = new SeededRng(42);
 * rng.next();      // 0 <= x < 1
 * rng.int(100);    // 0..99
 * rng.normal();    // standard normal
 * ```
 */
export class SeededRng {
  #state: number;
  #spare: number | undefined;

  /**
   * Creates a generator.
   *
   * @param seed - Any integer; it is folded into 32 bits.
   */
  constructor(seed: number) {
    this.#state = (Math.trunc(seed) ^ 0x9e3779b9) >>> 0;
  }

  /** A uniform float in [0, 1). */
  next(): number {
    this.#state = (this.#state + 0x6d2b79f5) >>> 0;
    let t = this.#state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  }

  /** A uniform integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.next() * n);
  }

  /** A uniform integer in [min, max]. */
  intBetween(min: number, max: number): number {
    return min + this.int(max - min + 1);
  }

  /** True with probability `p`. */
  chance(p: number): boolean {
    return this.next() < p;
  }

  /** A standard normal variate (Box-Muller, caching the second value). */
  normal(): number {
    if (this.#spare !== undefined) {
      const s = this.#spare;
      this.#spare = undefined;
      return s;
    }
    let u = 0;
    while (u === 0) u = this.next();
    const v = this.next();
    const r = Math.sqrt(-2 * Math.log(u));
    this.#spare = r * Math.sin(2 * Math.PI * v);
    return r * Math.cos(2 * Math.PI * v);
  }

  /** A UUID-shaped id (version 4 layout) drawn from this stream. */
  uuid(): string {
    const hex: string[] = [];
    for (let i = 0; i < 4; i++) hex.push(((this.next() * 4_294_967_296) >>> 0).toString(16).padStart(8, '0'));
    const h = hex.join('');
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${((Number.parseInt(h[16] as string, 16) & 3) | 8).toString(16)}${h.slice(17, 20)}-${h.slice(20, 32)}`;
  }

  /** An independent generator derived from this seed and a label. */
  fork(label: string): SeededRng {
    let h = this.#state ^ 0x811c9dc5;
    for (let i = 0; i < label.length; i++) h = Math.imul(h ^ label.charCodeAt(i), 0x01000193);
    return new SeededRng(h >>> 0);
  }
}
