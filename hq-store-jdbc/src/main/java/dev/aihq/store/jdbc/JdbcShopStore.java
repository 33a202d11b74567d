package dev.aihq.store.jdbc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aihq.api.Marketplace;
import dev.aihq.api.ShopId;
import dev.aihq.api.error.StoreException;
import dev.aihq.api.shop.LegalForm;
import dev.aihq.api.shop.Shop;
import dev.aihq.api.shop.InboxSettings;
import dev.aihq.api.shop.SalesSettings;
import dev.aihq.api.shop.ShopSettings;
import dev.aihq.api.shop.TaxMode;
import dev.aihq.api.store.ShopStore;
import dev.aihq.http.JsonFormatException;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import javax.annotation.Nullable;

/**
 * The {@link ShopStore} in table {@code <prefix>shops}, keyed by shop id.
 *
 * <p>The shop's identity, zone, locale, currency, legal form and tax mode are columns of their own; its
 * {@link ShopSettings} are one JSON document ({@code settings}, schema version {@value #SETTINGS_VERSION})
 * written with the storage codec. A save is one upsert and stamps {@code updated_at} with the database's
 * clock. Settings written before a field existed read with that field's default (e.g.
 * {@code personalDataRetention}, added with schema version 6, reads as
 * {@link ShopSettings#DEFAULT_PERSONAL_DATA_RETENTION}; {@code sales.forbiddenPhrases} reads as none; {@code inbox}
 * reads as {@link InboxSettings#defaults()}).
 * Shops are listed in character-code order of their ids ({@link Dialect#byCharacterCode}). Thread-safe;
 * holds no connection between calls.
 */
final class JdbcShopStore implements ShopStore {

    /** The version of the {@code settings} JSON this class writes and reads. */
    static final int SETTINGS_VERSION = 1;

    private final Jdbc jdbc;
    private final String table;
    private final String upsert;
    private final String select;
    private final String listFirst;
    private final String listAfter;

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
        String id = jdbc.dialect.byCharacterCode("shop_id");
        this.listFirst = "SELECT shop_id FROM " + table + " ORDER BY " + id + " LIMIT ?";
        this.listAfter = "SELECT shop_id FROM " + table + " WHERE " + id + " > ? ORDER BY " + id + " LIMIT ?";
    }

    /**
     * {@inheritDoc}
     *
     * @throws IllegalArgumentException when {@code limit} is below 1
     */
    @Override
    public List<ShopId> listIds(@Nullable ShopId after, int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1, got " + limit);
        }
        return jdbc.query("listing shops from " + table, after == null ? listFirst : listAfter, statement -> {
            int i = 1;
            if (after != null) {
                statement.setString(i++, after.value());
            }
            statement.setInt(i, limit);
        }, row -> ShopId.of(row.getString(1)));
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

    /** Reads the settings JSON, giving fields it does not have yet their defaults. */
    private ShopSettings readSettings(String json) {
        JsonNode tree = jdbc.json.readTree(json.getBytes(StandardCharsets.UTF_8));
        if (tree instanceof ObjectNode settings && !settings.hasNonNull("personalDataRetention")) {
            settings.put("personalDataRetention", ShopSettings.DEFAULT_PERSONAL_DATA_RETENTION.toString());
        }
        if (tree instanceof ObjectNode settings && !settings.hasNonNull("sales")) {
            settings.set("sales", jdbc.json.mapper().valueToTree(SalesSettings.defaults()));
        }
        if (tree instanceof ObjectNode settings && !settings.hasNonNull("inbox")) {
            settings.set("inbox", jdbc.json.mapper().valueToTree(InboxSettings.defaults()));
        }
        if (tree instanceof ObjectNode settings && settings.get("sales") instanceof ObjectNode sales
                && !sales.hasNonNull("forbiddenPhrases")) {
            sales.putArray("forbiddenPhrases");
        }
        return jdbc.json.treeToValue(tree, ShopSettings.class);
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
                    readSettings(row.getString("settings")));
        } catch (JsonFormatException | IllegalArgumentException | DateTimeException e) {
            throw new StoreException("cannot read " + where + ": " + e.getMessage(), e);
        }
    }
}
