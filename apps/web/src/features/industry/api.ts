import type {
  industryAnalysis,
  industryDetail,
  industryList,
  sentraList,
  trainingDetail,
  trainingList,
} from '@sinergi/contracts';
import { useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import { get } from '../../app/api.ts';

export type IndustryDetail = z.infer<typeof industryDetail>;
export type IndustrySummary = z.infer<typeof industryList>['items'][number];
export type IndustryAnalysis = z.infer<typeof industryAnalysis>;
export type Sentra = z.infer<typeof sentraList>['items'][number];
export type TrainingDetail = z.infer<typeof trainingDetail>;

export const useIndustries = (filter: { kecamatan: string; division: string }) => {
  const q = new URLSearchParams(Object.entries(filter).filter(([, v]) => v));
  return useQuery({
    queryKey: ['industry', filter],
    queryFn: () => get<{ items: IndustrySummary[] }>(`/api/industry?${q}`),
  });
};
export const useIndustry = (id: string) =>
  useQuery({ queryKey: ['industry', id], queryFn: () => get<IndustryDetail>(`/api/industry/${id}`) });
export const useAnalysis = (year: number | null) =>
  useQuery({
    queryKey: ['industry-analysis', year],
    queryFn: () => get<IndustryAnalysis>(`/api/industry/analysis${year ? `?year=${year}` : ''}`),
  });
export const useSentra = () =>
  useQuery({
    queryKey: ['industry-sentra'],
    queryFn: () => get<{ items: Sentra[] }>('/api/industry/sentra'),
  });
export const useTrainings = () =>
  useQuery({
    queryKey: ['industry-trainings'],
    queryFn: () => get<z.infer<typeof trainingList>>('/api/industry/trainings'),
  });
export const useTraining = (id: string) =>
  useQuery({
    queryKey: ['industry-training', id],
    queryFn: () => get<TrainingDetail>(`/api/industry/trainings/${id}`),
  });
