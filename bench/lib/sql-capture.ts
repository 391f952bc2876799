import { PostgresQueryCompiler, type CompiledQuery, type KyselyPlugin, type PluginTransformQueryArgs, type PluginTransformResultArgs } from 'kysely';
import type { Db } from '../../src/platform/db/database';

/**
 * Records the SQL a Kysely handle runs, exactly as it reaches the driver: the plugin sits
 * after the app's own plugins (CamelCasePlugin), so it sees the final query tree, and
 * compiles it with the PostgreSQL compiler that both dialects use.
 */
export function captureSql(db: Db): { db: Db; take: () => CompiledQuery[] } {
  const compiler = new PostgresQueryCompiler();
  let seen: CompiledQuery[] = [];
  const plugin: KyselyPlugin = {
    transformQuery({ node, queryId }: PluginTransformQueryArgs) {
      seen.push(compiler.compileQuery(node, queryId));
      return node;
    },
    async transformResult({ result }: PluginTransformResultArgs) {
      return result;
    },
  };
  return {
    db: db.withPlugin(plugin),
    take: () => {
      const taken = seen;
      seen = [];
      return taken;
    },
  };
}
