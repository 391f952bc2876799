import type { ObservationKindDefinition } from '../../platform/module';

/**
 * The kinds of observation: the core's five (schema.ts `KINDS`) and those practices add through
 * their manifest (`observationKinds`). The platform collects the practices' kinds and checks them
 * for duplicates; the observations module receives them in its `start()` and checks that none
 * takes a core kind's id. Kinds are stored as text, so adding one needs no migration.
 *
 * No zod and no database here: schema.ts validates with `isKnownKind` at request time.
 */

const CORE = ['verhaal', 'signaal', 'knelpunt', 'idee', 'succes'] as const;
const CORE_ANSWERED: readonly string[] = ['signaal', 'knelpunt'];

let practiceKinds: readonly (ObservationKindDefinition & { module?: string })[] = [];

/**
 * Sets the kinds the practices add (again on every start: a runtime that opens twice in one
 * process, as in tests, gets its own modules' kinds, not the union).
 */
export function registerPracticeKinds(kinds: readonly (ObservationKindDefinition & { module?: string })[]) {
  const clash = kinds.find((k) => (CORE as readonly string[]).includes(k.id));
  if (clash) throw new Error(`observations: kind '${clash.id}' of module '${clash.module ?? '?'}' is one of the core kinds`);
  practiceKinds = [...kinds];
}

/** A core kind or one a practice added. */
export const isKnownKind = (kind: string) => (CORE as readonly string[]).includes(kind) || practiceKinds.some((k) => k.id === kind);

/** Whether observations of this kind are answered: routed to an owner, with a due date. */
export const isAnsweredKind = (kind: string) => CORE_ANSWERED.includes(kind) || practiceKinds.some((k) => k.id === kind && k.answerable);

/** A practice's name for its kind; null for a core kind or an unknown one. */
export const practiceKindLabel = (kind: string, locale: 'nl' | 'en') => practiceKinds.find((k) => k.id === kind)?.label[locale] ?? null;

/** The kinds practices added, in module order. */
export const listPracticeKinds = () => practiceKinds;
