import { useEffect, useState } from 'react';
import { listOutgoing, type Outgoing, subscribe } from './outbox.ts';
import { useSession } from './session.ts';

/** The signed-in account's writes kept on this device, kept up to date (this tab and others). */
export function useOutbox(): { items: Outgoing[]; userId: string | undefined } {
  const { session } = useSession();
  const userId = session?.user?.id;
  const [items, setItems] = useState<Outgoing[]>([]);
  useEffect(() => {
    if (!userId) return setItems([]);
    let live = true;
    const load = () => void listOutgoing(userId).then((list) => live && setItems(list));
    load();
    const unsubscribe = subscribe(load);
    return () => {
      live = false;
      unsubscribe();
    };
  }, [userId]);
  return { items, userId };
}
