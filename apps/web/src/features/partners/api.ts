import type { opportunityList, partnerDetail, partnerList } from '@sinergi/contracts';
import { useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import { get } from '../../app/api.ts';

export type PartnerDetail = z.infer<typeof partnerDetail>;
export type PartnerSummary = z.infer<typeof partnerList>['items'][number];
export type Opportunities = z.infer<typeof opportunityList>;

export const usePartners = () =>
  useQuery({ queryKey: ['partners'], queryFn: () => get<{ items: PartnerSummary[] }>('/api/partners') });
export const usePartner = (id: string) =>
  useQuery({ queryKey: ['partner', id], queryFn: () => get<PartnerDetail>(`/api/partners/${id}`) });
export const useOpportunities = () =>
  useQuery({
    queryKey: ['partner-opportunities'],
    queryFn: () => get<Opportunities>('/api/partners/opportunities'),
  });
