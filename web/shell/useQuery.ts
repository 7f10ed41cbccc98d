/** A query's answer for a screen: from the API, or from the phone when there is no network. */
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
import { useCallback, useEffect, useState } from 'preact/hooks';
import { query } from '../graphql/client.ts';

export interface QueryState<R> {
  data: R | null;
  error: unknown;
  fromPhone: boolean;
  reload: () => void;
}

export function useQuery<R, V>(
  document: DocumentTypeDecoration<R, V> & { toString(): string },
  variables: V,
): QueryState<R> {
  const [state, setState] = useState<Omit<QueryState<R>, 'reload'>>({ data: null, error: null, fromPhone: false });
  const [round, setRound] = useState(0);
  const reload = useCallback(() => setRound((r) => r + 1), []);
  const key = JSON.stringify(variables);
  useEffect(() => {
    let live = true;
    query(document, variables).then(
      (answer) => live && setState({ data: answer.data, error: null, fromPhone: answer.fromPhone }),
      (error) => live && setState((s) => ({ ...s, error })),
    );
    return () => {
      live = false;
    };
    // The effect runs again when the variables' value changes (key), not their object's identity.
  }, [document, key, round]);
  // Whatever the outbox sends changes the books: read them again when the network comes back.
  useEffect(() => {
    window.addEventListener('online', reload);
    return () => window.removeEventListener('online', reload);
  }, [reload]);
  return { ...state, reload };
}
