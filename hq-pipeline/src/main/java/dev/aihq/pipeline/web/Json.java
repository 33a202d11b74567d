package dev.aihq.pipeline.web;

import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aihq.http.HqJson;
import dev.aihq.http.JsonCodec;
import dev.aihq.pipeline.json.SdkJson;
import java.nio.charset.StandardCharsets;

/**
 * The front door's JSON: request bodies are read with the SDK's configuration plus strict duplicate-key
 * detection (a body naming {@code shop_id} twice is ambiguous, and the signature covers only the bytes);
 * answers are written with {@link SdkJson}.
 */
final class Json {

    private static final JsonCodec READER = JsonCodec.of(strict(HqJson.newMapper()));
    private static final JsonCodec WRITER = JsonCodec.of(SdkJson.mapper());

    private Json() {}

    private static ObjectMapper strict(ObjectMapper mapper) {
        return mapper instanceof JsonMapper
                ? ((JsonMapper) mapper).rebuild().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build()
                : mapper;
    }

    /**
     * Reads a document as a tree.
     *
     * @param body UTF-8 JSON
     * @return the root node
     * @throws dev.aihq.http.JsonFormatException naming line and column when malformed
     */
    static JsonNode readTree(byte[] body) {
        return READER.readTree(body);
    }

    /**
     * Reads a document as a tree.
     *
     * @param json the JSON text
     * @return the root node
     * @throws dev.aihq.http.JsonFormatException when malformed
     */
    static JsonNode readTree(String json) {
        return READER.readTree(json.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Starts an answer object.
     *
     * @return an empty object
     */
    static ObjectNode object() {
        return JsonNodeFactory.instance.objectNode();
    }

    /**
     * Writes a tree.
     *
     * @param node the tree
     * @return the JSON text
     */
    static String write(JsonNode node) {
        return WRITER.write(node);
    }
}
