/** See bundle.mjs: the path of the CLI's bundle of `entry` under `outRoot`, built when missing or stale. */
export function bundled(entry: URL, outRoot: string): Promise<string | undefined>;
