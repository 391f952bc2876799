import { expect } from 'vitest';
import { createWorkspace, type TestDichter } from '../../../test/harness';

/**
 * For the module's API tests: a new workspace with its beheerder, a jongerenbegeleider
 * (professional), a schuldhulpverlener (partner), an unrelated colleague (professional) and a lezer.
 */
export async function youthDebtTeam(d: TestDichter) {
  const owner = await d.user('Beheerder');
  const coach = await d.user('Jongerenbegeleider');
  const counsellor = await d.user('Schuldhulpverlener');
  const colleague = await d.user('Collega');
  const reader = await d.user('Lezer');
  const slug = await createWorkspace(d, owner);
  for (const [u, role] of [
    [coach, 'professional'],
    [counsellor, 'partner'],
    [colleague, 'professional'],
    [reader, 'lezer'],
  ] as const) {
    const res = await d.request({ method: 'POST', url: `/api/w/${slug}/members`, token: owner.token, body: { email: u.email, name: u.name, role } });
    expect(res.status).toBe(201);
  }
  return { owner, coach, counsellor, colleague, reader, slug };
}
