import { roleLabel, roles } from '@/lib/auth/roles';

/** One <option> per role, labelled for people. */
export function RoleOptions() {
  return roles.map((role) => (
    <option key={role} value={role}>
      {roleLabel[role]}
    </option>
  ));
}
