package dev.aihq.store.jdbc;

import dev.aihq.api.Marketplace;
import dev.aihq.api.ShopId;
import dev.aihq.api.error.StoreException;
import dev.aihq.api.shop.LegalForm;
import dev.aihq.api.shop.Shop;
import dev.aihq.api.shop.ShopSettings;
import dev.aihq.api.shop.TaxMode;
import dev.aihq.api.store.ShopStore;
import dev.aihq.http.JsonFormatException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * The {@link ShopStore} in table {@code <prefix>shops}, keyed by shop id.
 *
 * <p>The shop's identity, zone, locale, currency, legal form and tax mode are columns of their own; its
 * {@link ShopSettings} are one JSON document ({@code settings}, schema version {@value #SETTINGS_VERSION})
 * written with the storage codec. A save is one upsert and stamps {@code updated_at} with the database's
 * clock. Thread-safe; holds no connection between calls.
 */
final class JdbcShopStore implements ShopStore {

    /** The version of the {@code settings} JSON this class writes and reads. */
    static final int SETTINGS_VERSION = 1;

    private final Jdbc jdbc;
    private final String table;
    private final String upsert;
    private final String select;

    JdbcShopStore(Jdbc jdbc) {
        this.jdbc = Objects.requireNonNull(jdbc, "jdbc");
        this.table = jdbc.table("shops");
        this.upsert = jdbc.dialect.upsert(table,
                List.of("shop_id", "name", "marketplace", "active", "zone", "locale", "currency", "legal_form",
                        "tax_mode", "settings", "settings_version", "updated_at"),
                List.of("?", "?", "?", "?", "?", "?", "?", "?", "?", jdbc.dialect.jsonParameter(), "?",
                        "CURRENT_TIMESTAMP"),
                List.of("shop_id"));
        this.select = "SELECT name, marketplace, active, zone, locale, currency, legal_form, tax_mode, settings,"
                + " settings_version FROM " + table + " WHERE shop_id = ?";
    }

    @Override
    public Optional<Shop> find(ShopId id) {
        Objects.requireNonNull(id, "shop id");
        return jdbc.queryOne("reading shop " + id + " from " + table, select,
                statement -> statement.setString(1, id.value()), row -> read(row, id));
    }

    @Override
    public void save(Shop shop) {
        Objects.requireNonNull(shop, "shop");
        String settings = jdbc.json.write(shop.settings());
        UniqueViolations.retry(jdbc, "saving shop " + shop.id() + " in " + table, connection ->
                Jdbc.update(connection, upsert, statement -> {
                    statement.setString(1, shop.id().value());
                    statement.setString(2, shop.name());
                    statement.setString(3, shop.marketplace().code());
                    statement.setBoolean(4, shop.active());
                    statement.setString(5, shop.zone().getId());
                    statement.setString(6, shop.locale().toLanguageTag());
                    statement.setString(7, shop.currency().getCurrencyCode());
                    statement.setString(8, shop.legalForm().name());
                    statement.setString(9, shop.taxMode().name());
                    statement.setString(10, settings);
                    statement.setInt(11, SETTINGS_VERSION);
                }));
    }

    private Shop read(ResultSet row, ShopId id) throws SQLException {
        String where = table + " row (shop " + id + ")";
        int version = row.getInt("settings_version");
        if (version != SETTINGS_VERSION) {
            throw new StoreException("cannot read " + where + ": settings version " + version
                    + " is not supported (this SDK reads version " + SETTINGS_VERSION + ")");
        }
        try {
            return new Shop(id,
                    row.getString("name"),
                    Marketplace.of(row.getString("marketplace")),
                    row.getBoolean("active"),
                    ZoneId.of(row.getString("zone")),
                    Locale.forLanguageTag(row.getString("locale")),
                    Currency.getInstance(row.getString("currency").strip()),
                    LegalForm.valueOf(row.getString("legal_form")),
                    TaxMode.valueOf(row.getString("tax_mode")),
                    jdbc.json.read(row.getString("settings"), ShopSettings.class));
        } catch (JsonFormatException | IllegalArgumentException | DateTimeException e) {
            throw new StoreException("cannot read " + where + ": " + e.getMessage(), e);
        }
    }
}
