import { useState } from 'react';
import type { ResponseOf, RouteName } from '@domain/contract/api.js';
import { useQuery, type Query } from '../../data/use-query.js';

export interface EditForm<N extends RouteName, F> {
  query: Query<N>;
  /** What the inputs show: the host's data until the person edits, then their edits. */
  form: F | null;
  /** Saved since the last edit (for the "saved" line). */
  saved: boolean;
  update: (change: (form: F) => F) => void;
  /** After a save: show what the host stored. */
  saveAnswered: (data: ResponseOf<N>) => void;
}

/**
 * A settings form over one route: until someone edits it follows what the host holds (a reconnect
 * or another supervisor's save shows at once); once edited, their edits are theirs until saved, so
 * a push never wipes what a supervisor was typing.
 */
export function useEditForm<N extends RouteName, F>(name: N, toForm: (data: ResponseOf<N>) => F): EditForm<N, F> {
  const query = useQuery(name);
  const [edit, setEdit] = useState<{ form: F; saved: boolean } | null>(null);
  const form = edit?.form ?? (query.data ? toForm(query.data) : null);
  return {
    query,
    form,
    saved: edit?.saved ?? false,
    update: (change) => {
      if (form !== null) setEdit({ form: change(form), saved: false });
    },
    saveAnswered: (data) => setEdit({ form: toForm(data), saved: true }),
  };
}
