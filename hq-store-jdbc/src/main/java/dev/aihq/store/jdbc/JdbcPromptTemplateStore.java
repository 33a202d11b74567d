package dev.aihq.store.jdbc;

import dev.aihq.api.ShopId;
import dev.aihq.api.store.PromptTemplateStore;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The {@link PromptTemplateStore} in table {@code <prefix>prompt_templates}, keyed by (shop, name).
 *
 * <p>A save is one upsert ({@link Dialect#upsert}) that stamps {@code updated_at} with the database's clock;
 * on H2 two sessions creating the same template at once make one fail with a unique violation, and it runs
 * again and replaces the other's. Every query reads the primary key, a shop's list in name order.
 * Thread-safe; holds no connection between calls.
 */
final class JdbcPromptTemplateStore implements PromptTemplateStore {

    private final Jdbc jdbc;
    private final String table;
    private final String upsert;
    private final String selectOne;
    private final String selectAll;
    private final String delete;

    JdbcPromptTemplateStore(Jdbc jdbc) {
        this.jdbc = Objects.requireNonNull(jdbc, "jdbc");
        this.table = jdbc.table("prompt_templates");
        this.upsert = jdbc.dialect.upsert(table, List.of("shop_id", "name", "text", "updated_at"),
                List.of("?", "?", "?", "CURRENT_TIMESTAMP"), List.of("shop_id", "name"));
        this.selectOne = "SELECT text FROM " + table + " WHERE shop_id = ? AND name = ?";
        this.selectAll = "SELECT name, text FROM " + table + " WHERE shop_id = ? ORDER BY name";
        this.delete = "DELETE FROM " + table + " WHERE shop_id = ? AND name = ?";
    }

    @Override
    public Optional<String> find(ShopId shopId, String name) {
        Objects.requireNonNull(shopId, "shop id");
        Objects.requireNonNull(name, "name");
        return jdbc.queryOne("reading template " + name + " of shop " + shopId + " from " + table, selectOne,
                statement -> {
                    statement.setString(1, shopId.value());
                    statement.setString(2, name);
                }, row -> row.getString("text"));
    }

    @Override
    public void save(ShopId shopId, String name, String text) {
        Objects.requireNonNull(shopId, "shop id");
        PromptTemplateStore.validate(name, text);
        UniqueViolations.retry(jdbc, "saving template " + name + " of shop " + shopId + " in " + table,
                connection -> Jdbc.update(connection, upsert, statement -> {
                    statement.setString(1, shopId.value());
                    statement.setString(2, name);
                    statement.setString(3, text);
                }));
    }

    @Override
    public boolean delete(ShopId shopId, String name) {
        Objects.requireNonNull(shopId, "shop id");
        Objects.requireNonNull(name, "name");
        return jdbc.update("deleting template " + name + " of shop " + shopId + " from " + table, delete,
                statement -> {
                    statement.setString(1, shopId.value());
                    statement.setString(2, name);
                }) > 0;
    }

    @Override
    public Map<String, String> list(ShopId shopId) {
        Objects.requireNonNull(shopId, "shop id");
        Map<String, String> templates = new LinkedHashMap<>();
        for (Map.Entry<String, String> template : jdbc.query("listing the templates of shop " + shopId + " from "
                + table, selectAll, statement -> statement.setString(1, shopId.value()),
                row -> Map.entry(row.getString("name"), row.getString("text")))) {
            templates.put(template.getKey(), template.getValue());
        }
        return Collections.unmodifiableMap(templates);
    }
}
