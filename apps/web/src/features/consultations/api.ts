import type { consultationDetail, consultationList } from '@sinergi/contracts';
import { useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import { get, query } from '../../app/api.ts';

export type ConsultationDetail = z.infer<typeof consultationDetail>;
export type ConsultationSummary = z.infer<typeof consultationList>['items'][number];

export const useConsultations = (plan?: string) =>
  useQuery({
    queryKey: ['consultations', plan ?? null],
    queryFn: () => get<{ items: ConsultationSummary[] }>(`/api/consultations${query({ plan })}`),
  });

export const useConsultation = (id: string) =>
  useQuery({
    queryKey: ['consultation', id],
    queryFn: () => get<ConsultationDetail>(`/api/consultations/${id}`),
  });
