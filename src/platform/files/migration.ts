import { sql, type CreateTableBuilder } from 'kysely';

/**
 * The columns of a table of stored files, after a module's own key and owner columns: the
 * sanitised name (no path, no control characters, at most 120 characters), the type decided by
 * the file's magic bytes (never by what the client claimed), the size, the bytes, who uploaded
 * it and when; with checks that the type is one we accept and the size is the bytes' and at
 * most 10 MB.
 */
export const storedFileColumns = <T extends string, C extends string>(table: T, builder: CreateTableBuilder<T, C>) =>
  builder
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('content_type', 'text', (c) => c.notNull())
    .addColumn('size_bytes', 'integer', (c) => c.notNull())
    .addColumn('data', 'bytea', (c) => c.notNull())
    .addColumn('uploaded_by', 'uuid')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addCheckConstraint(`${table}_type_check`, sql`content_type in ('image/jpeg', 'image/png', 'image/webp', 'application/pdf')`)
    .addCheckConstraint(`${table}_size_check`, sql`size_bytes = octet_length(data) and size_bytes <= 10485760`);
