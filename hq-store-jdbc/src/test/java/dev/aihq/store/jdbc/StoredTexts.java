package dev.aihq.store.jdbc;

import dev.aihq.api.ShopId;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads every column of every row of one shop, in every table with the stores' prefix, as text: what the
 * personal data tests search for a customer's number and name, below the stores' APIs. Tables without a
 * {@code shop_id} column (the schema history) are read whole.
 */
final class StoredTexts {

    private StoredTexts() {}

    static List<String> of(MigratedDatabase db, ShopId shopId) {
        String prefix = db.stores().tablePrefix();
        List<String> texts = new ArrayList<>();
        try (Connection connection = db.dataSource().getConnection()) {
            List<String> tables = tables(connection, prefix);
            if (tables.size() < 11) {
                throw new IllegalStateException("expected every SDK table with prefix '" + prefix + "', found " + tables);
            }
            for (String table : tables) {
                boolean perShop = hasShopColumn(connection, table);
                try (PreparedStatement select = connection.prepareStatement("SELECT * FROM " + table
                        + (perShop ? " WHERE shop_id = ?" : ""))) {
                    if (perShop) {
                        select.setString(1, shopId.value());
                    }
                    try (ResultSet rows = select.executeQuery()) {
                        ResultSetMetaData columns = rows.getMetaData();
                        while (rows.next()) {
                            for (int i = 1; i <= columns.getColumnCount(); i++) {
                                String value = rows.getString(i);
                                if (value != null) {
                                    texts.add(value);
                                }
                            }
                        }
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the stored rows", e);
        }
        return texts;
    }

    private static List<String> tables(Connection connection, String prefix) throws SQLException {
        List<String> tables = new ArrayList<>();
        DatabaseMetaData meta = connection.getMetaData();
        try (ResultSet rows = meta.getTables(null, null, "%", new String[] {"TABLE"})) {
            while (rows.next()) {
                String name = rows.getString("TABLE_NAME");
                String schema = rows.getString("TABLE_SCHEM");
                if (name.toLowerCase(Locale.ROOT).startsWith(prefix) && schema != null
                        && schema.equalsIgnoreCase("public")) {
                    tables.add(name.toLowerCase(Locale.ROOT));
                }
            }
        }
        return tables;
    }

    private static boolean hasShopColumn(Connection connection, String table) throws SQLException {
        try (PreparedStatement probe = connection.prepareStatement("SELECT * FROM " + table + " WHERE 1 = 0");
                ResultSet rows = probe.executeQuery()) {
            ResultSetMetaData columns = rows.getMetaData();
            for (int i = 1; i <= columns.getColumnCount(); i++) {
                if (columns.getColumnName(i).equalsIgnoreCase("shop_id")) {
                    return true;
                }
            }
            return false;
        }
    }
}
