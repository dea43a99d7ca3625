/**
 * What main.tsx and boot.tsx share to run the app's code in steps (issue 18): a wait for the next
 * task, so the page can answer its reader in between, and the files the page lists to preload
 * (`#sinergi-preload`: the build's steps, then those of the page the server drew, web.ts).
 */
export const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

export function listedFiles(): string[] {
  const list = document.getElementById('sinergi-preload')?.textContent;
  return list ? (JSON.parse(list) as string[]) : [];
}
