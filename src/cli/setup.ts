// What every rule-reading command does first: config, colour, rule pack.
import chalk from 'chalk';
import type { CompiledPack } from '../core/rules/pack.js';
import { loadConfig, type Config } from '../io/config.js';
import { loadPack, type LoadPacksOptions } from '../io/packs.js';
import type { CommonOptions } from './options.js';

export interface Setup {
  config: Config;
  pack: CompiledPack;
  colour: boolean;
}

/** Colour only for a terminal, never into a file, and never under NO_COLOR. */
export function useColour(options: Pick<CommonOptions, 'color' | 'out'>, stream: NodeJS.WriteStream = process.stdout): boolean {
  const forced = process.env.FORCE_COLOR !== undefined && process.env.FORCE_COLOR !== '0';
  const colour = options.color !== false && !options.out && !process.env.NO_COLOR && (forced || stream.isTTY === true);
  chalk.level = colour ? Math.max(chalk.level, 1) as typeof chalk.level : 0;
  return colour;
}

export async function setup(options: CommonOptions, extra: { builtin?: boolean } = {}): Promise<Setup> {
  const config = await loadConfig(options.config, process.cwd());
  const pack = await loadPack({ ...packOptions(config, options), builtin: extra.builtin });
  return { config, pack, colour: useColour(options) };
}

/** The packs the config and --rules name, and the config's rule settings (with where they are written). */
export function packOptions(config: Config, options: Pick<CommonOptions, 'rules'>): LoadPacksOptions {
  return {
    packs: [...(config.packs ?? []), ...(options.rules ?? [])],
    settings: config.rules,
    settingsFile: config.file ? { file: config.file, positions: config.rulePositions ?? {} } : undefined,
  };
}
