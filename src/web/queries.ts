import type { QueryClient, QueryKey } from '@tanstack/react-query';

/**
 * After a write: answers on screen are fetched again, and cached answers that are not on screen
 * are dropped, so a page opened next (the list after "delete") never shows what was just removed.
 * `exact` limits it to that one key (not the detail queries below it).
 */
export async function refreshAfterWrite(client: QueryClient, filters: { queryKey: QueryKey; exact?: boolean }) {
  client.removeQueries({ queryKey: filters.queryKey, exact: filters.exact, type: 'inactive' });
  await client.invalidateQueries({ queryKey: filters.queryKey, exact: filters.exact });
}
