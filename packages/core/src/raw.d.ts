// Vite/Vitest `?raw` imports: a file's text, so core's tests read fixtures without node:fs.
declare module '*?raw' {
  const text: string;
  export default text;
}
