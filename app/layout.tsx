import type { Metadata } from 'next';
import './globals.css';
import { HydrationMarker } from '@/components/ui/hydration-marker';

export const metadata: Metadata = {
  title: { default: 'Factcheck desk', template: '%s · Factcheck desk' },
  description: 'Collaborative fact-check annotation of news articles',
};

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en">
      <body>
        {children}
        <HydrationMarker />
      </body>
    </html>
  );
}
