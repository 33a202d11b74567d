package dev.aihq.connectors.kaspi.internal.dto;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import javax.annotation.Nullable;

/**
 * A JSON:API response of a list: {@code data[]}, {@code included[]} and {@code meta}.
 *
 * @param data the primary resources, or {@code null} when absent
 * @param included the related resources asked for with {@code include}, or {@code null}
 * @param meta the paging metadata, or {@code null}
 */
public record JsonApiDocument(@Nullable List<JsonApiResource> data, @Nullable List<JsonApiResource> included,
        @Nullable Meta meta) {

    /**
     * JSON:API {@code meta} as Kaspi fills it for lists.
     *
     * @param pageCount how many pages the query has, or {@code null}
     * @param totalCount how many resources the query has, or {@code null}
     */
    public record Meta(@Nullable Integer pageCount, @Nullable Integer totalCount) {}

    /**
     * A JSON:API response of one resource.
     *
     * @param data the resource, or {@code null} for none
     */
    public record Single(@Nullable JsonApiResource data) {}

    /**
     * One JSON:API resource object.
     *
     * @param type e.g. {@code orders}
     * @param id the resource id
     * @param attributes the attributes object, or {@code null}
     * @param relationships the relationships object, or {@code null}
     */
    public record JsonApiResource(@Nullable String type, @Nullable String id, @Nullable JsonNode attributes,
            @Nullable JsonNode relationships) {

        /**
         * Returns the id of a to-one relationship ({@code relationships.<name>.data.id}).
         *
         * @param name the relationship's name, e.g. {@code product}
         * @return the related id, or {@code null} when absent
         */
        public @Nullable String relatedId(String name) {
            if (relationships == null) {
                return null;
            }
            JsonNode id = relationships.path(name).path("data").path("id");
            return id.isTextual() || id.isNumber() ? id.asText() : null;
        }
    }
}
