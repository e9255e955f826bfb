package org.recausal.engine.project;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.util.DefaultIndenter;
import tools.jackson.core.util.DefaultPrettyPrinter;
import tools.jackson.core.util.Separators;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reading and writing the JSON parts of a project file. Parsing is strict (duplicate keys are an error)
 * and every problem names the part and the place in it; writing is byte-stable: two-space indent,
 * {@code \n} line ends on every OS, keys in the order the writer put them.
 */
final class PartJson {
    private static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();
    private static final DefaultPrettyPrinter PRETTY = new DefaultPrettyPrinter(Separators.createDefaultInstance()
            .withObjectNameValueSpacing(Separators.Spacing.AFTER))
            .withObjectIndenter(new DefaultIndenter("  ", "\n"))
            .withArrayIndenter(new DefaultIndenter("  ", "\n"));

    private PartJson() {
    }

    static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    static byte[] write(JsonNode node) {
        String text = MAPPER.writer().with(PRETTY).writeValueAsString(node) + "\n";
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** Parses {@code bytes} as a JSON object; a syntax error is reported with its line and column. */
    static ObjectNode parseObject(String part, byte[] bytes) throws ProjectFileException {
        JsonNode root;
        try {
            root = MAPPER.readTree(bytes);
        } catch (JacksonException e) {
            TokenStreamLocation at = e.getLocation();
            String where = at == null || at == TokenStreamLocation.NA ? ""
                    : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
            throw new ProjectFileException(part + ": invalid JSON" + where + ": " + firstLine(e.getOriginalMessage()), e);
        }
        if (root == null || root.isMissingNode()) {
            throw new ProjectFileException(part + ": is empty, expected a JSON object");
        }
        if (!root.isObject()) {
            throw new ProjectFileException(part + ": expected a JSON object but found " + describe(root));
        }
        return (ObjectNode) root;
    }

    /** A required string field of {@code node}; {@code where} says which object it is in. */
    static String text(JsonNode node, String field, String where) throws ProjectFileException {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            throw new ProjectFileException(where + " has no \"" + field + "\"");
        }
        if (!value.isString()) {
            throw new ProjectFileException(where + ": \"" + field + "\" must be a string, found " + describe(value));
        }
        return value.stringValue();
    }

    /** An optional string field, {@code ""} when absent. */
    static String optionalText(JsonNode node, String field, String where) throws ProjectFileException {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? "" : text(node, field, where);
    }

    static double number(JsonNode node, String field, String where) throws ProjectFileException {
        JsonNode value = node.get(field);
        if (value == null || !value.isNumber()) {
            throw new ProjectFileException(where + ": \"" + field + "\" must be a number, found " + describe(value));
        }
        double number = value.doubleValue();
        if (!Double.isFinite(number)) {
            throw new ProjectFileException(where + ": \"" + field + "\" is out of range: " + value);
        }
        return number;
    }

    /** Writes a number, or null for NaN and infinities (JSON has no such numbers). */
    static void putNumber(ObjectNode node, String field, double value) {
        if (Double.isFinite(value)) {
            node.put(field, value);
        } else {
            node.putNull(field);
        }
    }

    /** A number written by {@link #putNumber}: null reads as NaN. */
    static double numberOrNaN(JsonNode node, String field, String where) throws ProjectFileException {
        JsonNode value = node.get(field);
        return value != null && value.isNull() ? Double.NaN : number(node, field, where);
    }

    static boolean bool(JsonNode node, String field, String where) throws ProjectFileException {
        JsonNode value = node.get(field);
        if (value == null || !value.isBoolean()) {
            throw new ProjectFileException(where + ": \"" + field + "\" must be true or false, found " + describe(value));
        }
        return value.booleanValue();
    }

    /** A list of strings. */
    static List<String> texts(JsonNode node, String field, String where) throws ProjectFileException {
        ArrayNode array = array(node, field, where);
        List<String> texts = new ArrayList<>(array.size());
        for (int i = 0; i < array.size(); i++) {
            if (!array.get(i).isString()) {
                throw new ProjectFileException(where + ": \"" + field + "\" item " + (i + 1) + " must be a string, found "
                        + describe(array.get(i)));
            }
            texts.add(array.get(i).stringValue());
        }
        return texts;
    }

    static int integer(JsonNode node, String field, String where) throws ProjectFileException {
        JsonNode value = node.get(field);
        if (value == null || !value.isIntegralNumber() || !value.canConvertToInt()) {
            throw new ProjectFileException(where + ": \"" + field + "\" must be a whole number, found " + describe(value));
        }
        return value.intValue();
    }

    static long longInteger(JsonNode node, String field, String where) throws ProjectFileException {
        JsonNode value = node.get(field);
        if (value == null || !value.isIntegralNumber() || !value.canConvertToLong()) {
            throw new ProjectFileException(where + ": \"" + field + "\" must be a whole number, found " + describe(value));
        }
        return value.longValue();
    }

    /** An optional object field, null when absent. */
    static ObjectNode optionalObject(JsonNode node, String field, String where) throws ProjectFileException {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isObject()) {
            throw new ProjectFileException(where + ": \"" + field + "\" must be an object, found " + describe(value));
        }
        return (ObjectNode) value;
    }

    /** A required object field. */
    static ObjectNode requiredObject(JsonNode node, String field, String where) throws ProjectFileException {
        ObjectNode value = optionalObject(node, field, where);
        if (value == null) {
            throw new ProjectFileException(where + " has no \"" + field + "\"");
        }
        return value;
    }

    static ArrayNode array(JsonNode node, String field, String where) throws ProjectFileException {
        JsonNode value = node.get(field);
        if (value == null || !value.isArray()) {
            throw new ProjectFileException(where + ": \"" + field + "\" must be a list, found " + describe(value));
        }
        return (ArrayNode) value;
    }

    /** Reads one object of a list; {@code where} names it in messages. */
    @FunctionalInterface
    interface ElementReader<T> {
        T read(ObjectNode element, String where) throws ProjectFileException;
    }

    /**
     * The list of objects under {@code field}, each read by {@code reader} and named in messages as
     * "WHERE: WHAT N", counting from 1 as people do.
     */
    static <T> List<T> objects(JsonNode node, String field, String where, String what, ElementReader<T> reader)
            throws ProjectFileException {
        ArrayNode list = array(node, field, where);
        List<T> values = new ArrayList<>(list.size());
        for (int i = 0; i < list.size(); i++) {
            String at = where + ": " + what + " " + (i + 1);
            values.add(reader.read(element(list, i, at), at));
        }
        return values;
    }

    static ObjectNode element(ArrayNode array, int index, String where) throws ProjectFileException {
        JsonNode value = array.get(index);
        if (!value.isObject()) {
            throw new ProjectFileException(where + " must be an object, found " + describe(value));
        }
        return (ObjectNode) value;
    }

    private static String describe(JsonNode value) {
        if (value == null) {
            return "nothing";
        }
        return switch (value.getNodeType()) {
            case ARRAY -> "a list";
            case OBJECT -> "an object";
            case STRING -> "the text " + clip(value.toString());
            case NULL -> "null";
            default -> clip(value.toString());
        };
    }

    private static String clip(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "…";
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable";
        }
        int end = message.indexOf('\n');
        return end < 0 ? message : message.substring(0, end);
    }
}
