import type { ServiceContext } from '../../platform/context';

/**
 * Extension points of the observations module, filled by modules that register after it.
 *
 * Observations may link rules (issue 4), but the rules module builds on observations (it
 * imports this module's service), so observations cannot import rules, nor read its tables.
 * Instead the rules module registers a directory of its rules here from its manifest's
 * `start()`; observations keeps the links in its own table (`observation_rules`) and asks
 * the directory to check ids, to name the rules and to say who owns them for routing.
 * Without a registered directory (an installation without the rules module) every rule id
 * is unknown and no rule is shown.
 */

/** A rule as observations sees it: enough to link, show and route. */
export interface LinkedRuleRef {
  id: string;
  code: string;
  title: string;
  /** The member who owns the rule, if a person owns it. */
  ownerUserId: string | null;
  /** The partner organisation that owns the rule, if an organisation owns it. */
  ownerPartnerId: string | null;
}

export interface RuleDirectory {
  /** The module that provides the directory (for the duplicate check). */
  module: string;
  /** The rules of the context's workspace with these ids; unknown ids are left out. Called with the observation's caller as actor. */
  refs(ctx: ServiceContext, ids: readonly string[]): Promise<LinkedRuleRef[]>;
  /** The rules of the context's workspace with these codes (for an import); unknown codes are left out. */
  byCodes(ctx: ServiceContext, codes: readonly string[]): Promise<LinkedRuleRef[]>;
}

let directory: RuleDirectory | null = null;

/**
 * Registers the directory of rules that observations may link. Registering again from the
 * same module replaces it (a runtime that starts twice in one process, as tests do); a
 * second module is refused, so two registers cannot silently compete.
 */
export function registerRuleDirectory(next: RuleDirectory) {
  if (directory && directory.module !== next.module) {
    throw new Error(`observations: the rule directory is already provided by module '${directory.module}', not also by '${next.module}'`);
  }
  directory = next;
}

/** The registered rules of these ids, in the order asked (unknown ones left out). */
export async function ruleRefs(ctx: ServiceContext, ids: readonly string[]): Promise<LinkedRuleRef[]> {
  const unique = [...new Set(ids)];
  if (!directory || unique.length === 0) return [];
  const found = new Map((await directory.refs(ctx, unique)).map((r) => [r.id, r]));
  return unique.map((id) => found.get(id)).filter((r): r is LinkedRuleRef => !!r);
}

/** The registered rules with these codes (unknown codes left out). */
export async function ruleRefsByCode(ctx: ServiceContext, codes: readonly string[]): Promise<LinkedRuleRef[]> {
  const unique = [...new Set(codes)];
  if (!directory || unique.length === 0) return [];
  return directory.byCodes(ctx, unique);
}
