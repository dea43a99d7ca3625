/** Every group's texts loader, made at build by texts-plugin.ts. */
declare module 'virtual:sinergi-texts' {
  export const loaders: Record<string, () => Promise<unknown>>;
}
