import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { getCurrentUser } from '@/lib/auth/current-user';
import { LoginForm } from '@/components/auth/login-form';

export const metadata: Metadata = { title: 'Sign in' };

export default async function LoginPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string }> }) {
  if (await getCurrentUser()) redirect('/articles');
  const { callbackUrl } = await searchParams;
  // Only same-site paths: never redirect a user to another origin after login.
  const next = callbackUrl && callbackUrl.startsWith('/') && !callbackUrl.startsWith('//') ? callbackUrl : '/articles';
  return (
    <main className="login-shell">
      <div className="card login-card">
        <h1>Sign in to Factcheck desk</h1>
        <LoginForm next={next} />
      </div>
    </main>
  );
}
