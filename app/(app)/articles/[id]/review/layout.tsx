import { pageGuardLayout } from '@/lib/auth/page-guard-layout';

// The role check before the loading skeleton streams, so that a refused role gets a real 403.
export default pageGuardLayout('/articles/[id]/review');
