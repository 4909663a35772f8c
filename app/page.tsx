import { redirect } from 'next/navigation';
import { getCurrentActor } from '@/lib/auth/current-actor';
import { homePath } from '@/lib/auth/policy';

export default async function Home() {
  const actor = await getCurrentActor();
  redirect(actor ? homePath(actor) : '/sign-in');
}
