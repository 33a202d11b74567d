package dev.aihq.agents.legal.document;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aihq.agents.sales.SalesLanguage;
import dev.aihq.api.error.ConfigurationException;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import javax.annotation.Nullable;

/**
 * The legal document templates (T1–T9 of the legal reference) as data: per template its title in Russian and
 * Kazakh, whom it is addressed to, and its sections in order, each with a stable id, a heading per language and
 * whether it is required. Every template has a {@code header}, an {@code attachments} and a {@code signature}
 * section. The guard checks that a document contains the required headings verbatim, so take them from
 * {@link Template#requiredHeadings(SalesLanguage)}.
 *
 * <p>The shipped templates live in {@value #SHIPPED_RESOURCE}:
 * <pre>{@code
 * {"version": 1,
 *  "templates": [
 *    {"id": "T1", "addressee": "marketplace",
 *     "title": {"ru": "...", "kk": "..."},
 *     "sections": [{"id": "header", "heading": {"ru": "...", "kk": "..."}, "required": true}, ...]}]}
 * }</pre>
 * The file is validated strictly on load: an unknown field, a missing or blank title or heading, a duplicate
 * template or section id, an unknown addressee kind or a template without one of the three shared sections fails
 * with a {@link ConfigurationException} naming the template and the field. Immutable and thread-safe.
 */
public final class LegalTemplates {

    /** The classpath resource of the shipped templates. */
    public static final String SHIPPED_RESOURCE = "/dev/aihq/agents/legal/templates/templates-v1.json";

    /** The addressee kinds a template may have. */
    public static final Set<String> ADDRESSEES = Set.of("marketplace", "buyer", "court");

    /** The sections every template has. */
    public static final List<String> SHARED_SECTIONS = List.of("header", "attachments", "signature");

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Set<String> TOP_FIELDS = Set.of("version", "templates");
    private static final Set<String> TEMPLATE_FIELDS = Set.of("id", "title", "addressee", "sections");
    private static final Set<String> SECTION_FIELDS = Set.of("id", "heading", "required");
    private static final Set<String> LANGUAGE_FIELDS = Set.of("ru", "kk");

    private static volatile @Nullable LegalTemplates shipped;

    private final Map<String, Template> templates;

    private LegalTemplates(Map<String, Template> templates) {
        this.templates = Collections.unmodifiableMap(new LinkedHashMap<>(templates));
    }

    /**
     * A template: its id, title, addressee kind and sections in order.
     *
     * @param id e.g. {@code T1}
     * @param title the title per language (Russian and Kazakh)
     * @param addressee {@code marketplace}, {@code buyer} or {@code court}
     * @param sections the sections in the order they appear in the document
     */
    public record Template(String id, Map<SalesLanguage, String> title, String addressee, List<Section> sections) {

        /** Requires every part, a title per language and at least one section; copies the collections. */
        public Template {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(addressee, "addressee");
            title = Collections.unmodifiableMap(new EnumMap<>(Objects.requireNonNull(title, "title")));
            sections = List.copyOf(sections);
            for (SalesLanguage language : SalesLanguage.values()) {
                if (title.get(language) == null) {
                    throw new IllegalArgumentException(id + ": no title in " + language.code());
                }
            }
        }

        /**
         * Returns the title in a language.
         *
         * @param language the language
         * @return the title
         */
        public String title(SalesLanguage language) {
            return title.get(language);
        }

        /**
         * Returns the headings of the required sections, in order, exactly as a document must contain them.
         *
         * @param language the document's language
         * @return the headings
         */
        public List<String> requiredHeadings(SalesLanguage language) {
            return sections.stream().filter(Section::required).map(s -> s.heading(language)).toList();
        }

        /**
         * Returns the headings of every section, in order.
         *
         * @param language the document's language
         * @return the headings
         */
        public List<String> headings(SalesLanguage language) {
            return sections.stream().map(s -> s.heading(language)).toList();
        }

        /**
         * Finds a section by its id.
         *
         * @param sectionId e.g. {@code request}
         * @return the section, or {@code null}
         */
        public @Nullable Section section(String sectionId) {
            return sections.stream().filter(s -> s.id().equals(sectionId)).findFirst().orElse(null);
        }
    }

    /**
     * A section of a template.
     *
     * @param id a stable id, e.g. {@code header}, {@code request}
     * @param heading the heading per language (Russian and Kazakh), written verbatim into the document
     * @param required whether the guard requires the heading in the document
     */
    public record Section(String id, Map<SalesLanguage, String> heading, boolean required) {

        /** Requires an id and a heading per language; copies the headings. */
        public Section {
            Objects.requireNonNull(id, "id");
            heading = Collections.unmodifiableMap(new EnumMap<>(Objects.requireNonNull(heading, "heading")));
            for (SalesLanguage language : SalesLanguage.values()) {
                if (heading.get(language) == null) {
                    throw new IllegalArgumentException(id + ": no heading in " + language.code());
                }
            }
        }

        /**
         * Returns the heading in a language.
         *
         * @param language the language
         * @return the heading
         */
        public String heading(SalesLanguage language) {
            return heading.get(language);
        }
    }

    /**
     * Returns the templates shipped with the SDK, loaded once.
     *
     * @return the templates
     * @throws ConfigurationException when the resource is missing or invalid
     */
    public static LegalTemplates shipped() {
        LegalTemplates result = shipped;
        if (result == null) {
            synchronized (LegalTemplates.class) {
                result = shipped;
                if (result == null) {
                    try (InputStream in = LegalTemplates.class.getResourceAsStream(SHIPPED_RESOURCE)) {
                        if (in == null) {
                            throw new ConfigurationException("legal templates " + SHIPPED_RESOURCE
                                    + " are missing from the classpath");
                        }
                        result = read(SHIPPED_RESOURCE, in);
                    } catch (IOException e) {
                        throw new ConfigurationException("cannot read legal templates " + SHIPPED_RESOURCE, e);
                    }
                    shipped = result;
                }
            }
        }
        return result;
    }

    /**
     * Reads and validates templates in the format above.
     *
     * @param name the resource's name, for messages
     * @param in its content, UTF-8 JSON; not closed
     * @return the templates
     * @throws ConfigurationException naming the resource, the template and the field of the first problem
     */
    public static LegalTemplates read(String name, InputStream in) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(in, "in");
        JsonNode root;
        try {
            root = MAPPER.readTree(in);
        } catch (JsonProcessingException e) {
            throw new ConfigurationException(name + ": not valid JSON: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new ConfigurationException("cannot read legal templates " + name, e);
        }
        if (root == null || !root.isObject()) {
            throw new ConfigurationException(name + ": expected a JSON object");
        }
        unknownFields(name + ": templates file", root, TOP_FIELDS);
        JsonNode version = root.get("version");
        if (version == null || !version.isIntegralNumber() || version.intValue() < 1) {
            throw new ConfigurationException(name + ": field 'version' is missing or not a positive whole number");
        }
        JsonNode list = root.get("templates");
        if (list == null || !list.isArray() || list.isEmpty()) {
            throw new ConfigurationException(name + ": field 'templates' is missing or not a non-empty array");
        }
        Map<String, Template> templates = new LinkedHashMap<>();
        int index = 0;
        for (JsonNode node : list) {
            String where = name + ": template #" + index;
            if (!node.isObject()) {
                throw new ConfigurationException(where + " is not an object");
            }
            String id = text(node, "id", where);
            where = name + ": template " + id;
            unknownFields(where, node, TEMPLATE_FIELDS);
            if (templates.containsKey(id)) {
                throw new ConfigurationException(where + ": field 'id' is a duplicate");
            }
            Map<SalesLanguage, String> title = languages(node, "title", where);
            String addressee = text(node, "addressee", where);
            if (!ADDRESSEES.contains(addressee)) {
                throw new ConfigurationException(where + ": field 'addressee' must be one of marketplace, buyer, court,"
                        + " got '" + addressee + "'");
            }
            JsonNode sectionList = node.get("sections");
            if (sectionList == null || !sectionList.isArray() || sectionList.isEmpty()) {
                throw new ConfigurationException(where + ": field 'sections' is missing or not a non-empty array");
            }
            List<Section> sections = new ArrayList<>();
            Set<String> sectionIds = new HashSet<>();
            int s = 0;
            for (JsonNode sectionNode : sectionList) {
                String sectionWhere = where + ", section #" + s;
                if (!sectionNode.isObject()) {
                    throw new ConfigurationException(sectionWhere + " is not an object");
                }
                String sectionId = text(sectionNode, "id", sectionWhere);
                sectionWhere = where + ", section " + sectionId;
                unknownFields(sectionWhere, sectionNode, SECTION_FIELDS);
                if (!sectionIds.add(sectionId)) {
                    throw new ConfigurationException(sectionWhere + ": field 'id' is a duplicate");
                }
                Map<SalesLanguage, String> heading = languages(sectionNode, "heading", sectionWhere);
                JsonNode required = sectionNode.get("required");
                if (required == null || !required.isBoolean()) {
                    throw new ConfigurationException(sectionWhere + ": field 'required' is missing or not true/false");
                }
                sections.add(new Section(sectionId, heading, required.booleanValue()));
                s++;
            }
            for (String shared : SHARED_SECTIONS) {
                Section section = sections.stream().filter(x -> x.id().equals(shared)).findFirst().orElse(null);
                if (section == null || !section.required()) {
                    throw new ConfigurationException(where + ": field 'sections' must have a required '" + shared
                            + "' section");
                }
            }
            templates.put(id, new Template(id, title, addressee, sections));
            index++;
        }
        return new LegalTemplates(templates);
    }

    /**
     * Returns a template.
     *
     * @param id e.g. {@code T2}
     * @return the template
     * @throws IllegalArgumentException naming the known ids when there is no such template
     */
    public Template template(String id) {
        Objects.requireNonNull(id, "id");
        Template template = templates.get(id);
        if (template == null) {
            throw new IllegalArgumentException("no legal template '" + id + "'; known: "
                    + String.join(", ", templates.keySet()));
        }
        return template;
    }

    /**
     * Returns the ids of the templates, in the file's order.
     *
     * @return the ids
     */
    public Set<String> ids() {
        return Collections.unmodifiableSet(new LinkedHashSet<>(templates.keySet()));
    }

    private static String text(JsonNode node, String field, String where) {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual() || value.textValue().isBlank()) {
            throw new ConfigurationException(where + ": field '" + field + "' is missing or blank");
        }
        return value.textValue().strip();
    }

    private static Map<SalesLanguage, String> languages(JsonNode node, String field, String where) {
        JsonNode value = node.get(field);
        if (value == null || !value.isObject()) {
            throw new ConfigurationException(where + ": field '" + field + "' is missing or not an object");
        }
        unknownFields(where + ", field '" + field + "'", value, LANGUAGE_FIELDS);
        Map<SalesLanguage, String> out = new EnumMap<>(SalesLanguage.class);
        for (SalesLanguage language : SalesLanguage.values()) {
            out.put(language, text(value, language.code(), where + ", field '" + field + "'"));
        }
        return out;
    }

    private static void unknownFields(String where, JsonNode node, Set<String> known) {
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String field = it.next();
            if (!known.contains(field)) {
                throw new ConfigurationException(where + ": unknown field '" + field + "'");
            }
        }
    }
}
