/**
 * Every store SPI of AI HQ over a plain {@link javax.sql.DataSource}: PostgreSQL (Supabase-compatible) and
 * the embedded H2 database. Start at {@link dev.aihq.store.jdbc.JdbcStores}.
 */
@ParametersAreNonnullByDefault
@NonnullByDefault
package dev.aihq.store.jdbc;

import dev.aihq.api.NonnullByDefault;
import javax.annotation.ParametersAreNonnullByDefault;
