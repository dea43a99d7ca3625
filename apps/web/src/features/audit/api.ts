import type { AuditEntry } from '@sinergi/contracts';
import { useQuery } from '@tanstack/react-query';
import { get, query } from '../../app/api.ts';

/** The audit log as typed hooks. */
export const auditKeys = {
  entities: () => ['audit-entities'] as const,
  page: (f: AuditFilter) => ['audit', f.actor, f.entity, f.from, f.to, f.offset] as const,
};

export interface AuditFilter {
  actor: string;
  entity: string | null;
  from: string;
  to: string;
  limit: number;
  offset: number;
}

export const useAuditEntities = () =>
  useQuery({
    queryKey: auditKeys.entities(),
    queryFn: () => get<{ items: string[] }>('/api/audit/entities'),
  });

export const useAuditPage = (f: AuditFilter) =>
  useQuery({
    queryKey: auditKeys.page(f),
    queryFn: () => get<{ items: AuditEntry[]; total: number }>(`/api/audit${query({ ...f })}`),
  });
