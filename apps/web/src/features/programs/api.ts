import type {
  Cycle,
  Enrolment,
  EvaluationView,
  Grievance,
  PovertyView,
  ProgramDetail,
  ProgramItem,
  TargetingView,
  UmkmDetail,
} from '@sinergi/contracts';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { get } from '../../app/api.ts';

/** The programs, poverty and UMKM APIs as typed hooks and query keys. */
export const programKeys = {
  all: ['programs'] as const,
  list: () => [...programKeys.all, 'list'] as const,
  detail: (id: string | undefined) => [...programKeys.all, 'detail', id] as const,
  evaluation: (id: string | undefined) => [...programKeys.all, 'evaluation', id] as const,
  enrolments: (id: string | undefined) => [...programKeys.all, 'enrolments', id] as const,
  targeting: (id: string) => [...programKeys.all, 'targeting', id] as const,
  cycles: (id: string) => [...programKeys.all, 'cycles', id] as const,
  grievances: (id: string) => [...programKeys.all, 'grievances', id] as const,
  poverty: () => ['poverty'] as const,
  umkm: (id: string) => ['umkm', 'detail', id] as const,
};

export const usePrograms = () =>
  useQuery({ queryKey: programKeys.list(), queryFn: () => get<{ items: ProgramItem[] }>('/api/programs') });

export const useProgram = (id: string | undefined) =>
  useQuery({ queryKey: programKeys.detail(id), queryFn: () => get<ProgramDetail>(`/api/programs/${id}`) });

export const useEvaluation = (id: string | undefined) =>
  useQuery({
    queryKey: programKeys.evaluation(id),
    queryFn: () => get<EvaluationView>(`/api/programs/${id}/evaluation`),
  });

export const useEnrolments = (id: string | undefined) =>
  useQuery({
    queryKey: programKeys.enrolments(id),
    queryFn: () => get<{ named: boolean; items: Enrolment[] }>(`/api/programs/${id}/enrolments`),
  });

export const useTargeting = (id: string) =>
  useQuery({
    queryKey: programKeys.targeting(id),
    queryFn: () => get<TargetingView>(`/api/programs/${id}/targeting`),
  });

export const useCycles = (id: string) =>
  useQuery({
    queryKey: programKeys.cycles(id),
    queryFn: () => get<{ items: Cycle[] }>(`/api/programs/${id}/cycles`),
  });

export const useGrievances = (id: string) =>
  useQuery({
    queryKey: programKeys.grievances(id),
    queryFn: () => get<{ items: Grievance[] }>(`/api/programs/${id}/grievances`),
  });

export const usePoverty = () =>
  useQuery({ queryKey: programKeys.poverty(), queryFn: () => get<PovertyView>('/api/poverty') });

export const useUmkm = (id: string) =>
  useQuery({ queryKey: programKeys.umkm(id), queryFn: () => get<UmkmDetail>(`/api/umkm/${id}`) });

/** Refreshes every view of programs (after an enrolment, a measurement, a cycle step or a grievance). */
export function useRefreshPrograms() {
  const client = useQueryClient();
  return () => client.invalidateQueries({ queryKey: programKeys.all });
}
