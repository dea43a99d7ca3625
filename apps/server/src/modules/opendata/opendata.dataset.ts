/** What an open dataset is: its columns with their meaning, in both languages, and its rows. */
import type { AppContext } from '../../context.ts';

export type Cell = string | number | boolean | null;
export type Row = Record<string, Cell>;
type Words = readonly [id: string, en: string];

export interface DatasetColumn {
  name: string;
  title: Words;
  type: 'string' | 'integer' | 'number' | 'date' | 'boolean';
  description: Words;
}

export interface Dataset {
  id: string;
  title: Words;
  description: Words;
  keywords: readonly string[];
  columns: readonly DatasetColumn[];
  rows(ctx: AppContext): Promise<Row[]>;
}

export const col = (
  name: string,
  type: DatasetColumn['type'],
  title: Words,
  description: Words = title,
): DatasetColumn => ({ name, type, title, description });
