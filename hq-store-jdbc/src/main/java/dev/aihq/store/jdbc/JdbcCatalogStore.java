package dev.aihq.store.jdbc;

import dev.aihq.api.Money;
import dev.aihq.api.ShopId;
import dev.aihq.api.Sku;
import dev.aihq.api.error.StoreException;
import dev.aihq.api.store.CatalogStore;
import dev.aihq.api.store.Product;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.Currency;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.annotation.Nullable;

/**
 * The {@link CatalogStore} in table {@code <prefix>products}, keyed by (shop, SKU).
 *
 * <p>Every field is a column: the price and the cost price are {@code NUMERIC(19,4)} in the one currency
 * both share, read back into {@link Money}, which restores the currency's scale. Amounts with more than
 * four decimal places are refused rather than rounded by the database. A save is one upsert and stamps
 * {@code updated_at} with the database's clock. Listing follows the primary key, so products come in SKU
 * order without a sort; the PostgreSQL schema gives {@code sku} the {@code "C"} collation so that the order
 * is by character code, as in Java and on H2, whatever the database's locale. Thread-safe; holds no
 * connection between calls.
 */
final class JdbcCatalogStore implements CatalogStore {

    /** The decimal places of the money columns. */
    static final int MONEY_SCALE = 4;

    private static final String COLUMNS = "shop_id, sku, name, category, currency, price, cost_price, stock, active";

    private final Jdbc jdbc;
    private final String table;
    private final String upsert;
    private final String selectOne;
    private final String selectAll;

    JdbcCatalogStore(Jdbc jdbc) {
        this.jdbc = Objects.requireNonNull(jdbc, "jdbc");
        this.table = jdbc.table("products");
        this.upsert = jdbc.dialect.upsert(table,
                List.of("shop_id", "sku", "name", "category", "currency", "price", "cost_price", "stock", "active",
                        "updated_at"),
                List.of("?", "?", "?", "?", "?", "?", "?", "?", "?", "CURRENT_TIMESTAMP"),
                List.of("shop_id", "sku"));
        this.selectOne = "SELECT " + COLUMNS + " FROM " + table + " WHERE shop_id = ? AND sku = ?";
        this.selectAll = "SELECT " + COLUMNS + " FROM " + table + " WHERE shop_id = ? ORDER BY sku";
    }

    /**
     * {@inheritDoc}
     *
     * @throws IllegalArgumentException when the price or the cost price has more than four decimal places
     */
    @Override
    public void save(Product product) {
        Objects.requireNonNull(product, "product");
        BigDecimal price = storable(product, "price", product.price());
        BigDecimal cost = product.costPrice() == null ? null : storable(product, "cost price", product.costPrice());
        UniqueViolations.retry(jdbc, "saving product " + product.sku() + " of shop " + product.shopId() + " in "
                + table, connection -> Jdbc.update(connection, upsert, statement -> {
                    statement.setString(1, product.shopId().value());
                    statement.setString(2, product.sku().value());
                    statement.setString(3, product.name());
                    statement.setString(4, product.category());
                    statement.setString(5, product.price().currency().getCurrencyCode());
                    statement.setBigDecimal(6, price);
                    if (cost == null) {
                        statement.setNull(7, Types.NUMERIC);
                    } else {
                        statement.setBigDecimal(7, cost);
                    }
                    statement.setInt(8, product.stock());
                    statement.setBoolean(9, product.active());
                }));
    }

    @Override
    public Optional<Product> find(ShopId shopId, Sku sku) {
        Objects.requireNonNull(shopId, "shop id");
        Objects.requireNonNull(sku, "sku");
        return jdbc.queryOne("reading product " + sku + " of shop " + shopId + " from " + table, selectOne,
                statement -> {
                    statement.setString(1, shopId.value());
                    statement.setString(2, sku.value());
                }, this::read);
    }

    @Override
    public List<Product> list(ShopId shopId) {
        Objects.requireNonNull(shopId, "shop id");
        return List.copyOf(jdbc.query("listing the products of shop " + shopId + " in " + table, selectAll,
                statement -> statement.setString(1, shopId.value()), this::read));
    }

    private static BigDecimal storable(Product product, String what, Money money) {
        BigDecimal amount = money.amount();
        if (amount.scale() > MONEY_SCALE) {
            throw new IllegalArgumentException("the " + what + " of product " + product.sku() + " has more than "
                    + MONEY_SCALE + " decimal places, which the catalog cannot store exactly: " + money);
        }
        return amount;
    }

    private Product read(ResultSet row) throws SQLException {
        String shopId = row.getString("shop_id");
        String sku = row.getString("sku");
        try {
            Currency currency = Currency.getInstance(row.getString("currency").strip());
            BigDecimal cost = row.getBigDecimal("cost_price");
            return new Product(ShopId.of(shopId), Sku.of(sku), row.getString("name"), row.getString("category"),
                    Money.of(row.getBigDecimal("price"), currency), money(cost, currency), row.getInt("stock"),
                    row.getBoolean("active"));
        } catch (IllegalArgumentException e) {
            throw new StoreException("cannot read " + table + " row (shop " + shopId + ", sku '" + sku + "'): "
                    + e.getMessage(), e);
        }
    }

    private static @Nullable Money money(@Nullable BigDecimal amount, Currency currency) {
        return amount == null ? null : Money.of(amount, currency);
    }
}
