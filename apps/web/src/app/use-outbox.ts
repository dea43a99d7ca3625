import { useEffect, useState } from 'react';
import { listOutgoing, type Outgoing, subscribe } from './outbox.ts';
import { useSession } from './session.ts';

/** Whether the browser has a connection, kept up to date. */
export function useOnline(): boolean {
  const [online, setOnline] = useState(navigator.onLine);
  useEffect(() => {
    const on = () => setOnline(true);
    const off = () => setOnline(false);
    window.addEventListener('online', on);
    window.addEventListener('offline', off);
    return () => {
      window.removeEventListener('online', on);
      window.removeEventListener('offline', off);
    };
  }, []);
  return online;
}

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
