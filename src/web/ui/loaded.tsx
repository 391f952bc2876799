import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { Loading } from './basics';
import { LoadError } from './form';

/**
 * What a screen shows for fetched data: a loading line, the load error with a retry, the empty
 * state when `isEmpty` says there is nothing, or else the data.
 */
export function Loaded<T>({ query, isEmpty, empty, children }: { query: UseQueryResult<T>; isEmpty?(data: NoInfer<T>): boolean; empty?: ReactNode; children(data: NoInfer<T>): ReactNode }) {
  if (query.isPending) return <Loading />;
  if (query.isError) return <LoadError error={query.error} onRetry={() => query.refetch()} />;
  if (isEmpty?.(query.data)) return <>{empty}</>;
  return <>{children(query.data)}</>;
}

/** For `isEmpty` of a `{items, total}` answer. */
export const noItems = (data: { items: readonly unknown[] }) => data.items.length === 0;
