package org.recausal.engine.recsys.model;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.recausal.engine.recsys.RecsysException;
import org.recausal.engine.recsys.features.FeatureEncoding;
import org.recausal.engine.recsys.features.SideFeatures;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Side features in a model file (version 2): their encodings as {@code features} in {@code model.json}, and every
 * user's and item's observed values in {@code traits.bin}. Read as hostile input: every field is checked, and a
 * problem is reported naming the part and the variable.
 */
final class FeatureFormat {
    private static final JsonMapper MAPPER = JsonMapper.builder().build();
    private static final int MAX_VARIABLES = 64;

    private FeatureFormat() {
    }

    static ObjectNode toJson(SideFeatures features) {
        ObjectNode node = MAPPER.createObjectNode();
        encodings(node.putArray("user"), features.userEncodings());
        encodings(node.putArray("item"), features.itemEncodings());
        return node;
    }

    private static void encodings(ArrayNode array, List<FeatureEncoding> encodings) {
        for (FeatureEncoding e : encodings) {
            ObjectNode o = array.addObject().put("name", e.name());
            if (e.categorical()) {
                o.put("type", "categorical");
                ArrayNode levels = o.putArray("levels");
                e.levels().forEach(levels::add);
            } else {
                o.put("type", "numeric").put("transform", e.log1p() ? "log1p" : "none").put("mean", e.mean())
                        .put("sd", e.sd());
            }
        }
    }

    /** {@code traits.bin}: the users' rows then the items' rows of observed values, little-endian doubles. */
    static byte[] observed(SideFeatures features) {
        double[] users = features.userObserved();
        double[] items = features.itemObserved();
        ByteBuffer buffer = ByteBuffer.allocate(8 * (users.length + items.length)).order(ByteOrder.LITTLE_ENDIAN);
        buffer.asDoubleBuffer().put(users).put(items);
        return buffer.array();
    }

    static SideFeatures read(JsonNode node, byte[] traits, int users, int items, String name) {
        if (!node.isObject()) {
            throw new RecsysException(name + ": a version 2 model file needs 'features' in model.json");
        }
        List<FeatureEncoding> user = encodings(node.path("user"), FeatureEncoding.Side.USER, name);
        List<FeatureEncoding> item = encodings(node.path("item"), FeatureEncoding.Side.ITEM, name);
        long expected = (long) users * user.size() + (long) items * item.size();
        if (traits.length != 8 * expected) {
            throw new RecsysException(name + ": traits.bin holds " + traits.length + " bytes, expected " + expected
                    + " values (" + users + " users x " + user.size() + " variables, " + items + " items x " + item.size()
                    + ") of 8 bytes");
        }
        double[] values = new double[(int) expected];
        ByteBuffer.wrap(traits).order(ByteOrder.LITTLE_ENDIAN).asDoubleBuffer().get(values);
        double[] userValues = Arrays.copyOfRange(values, 0, users * user.size());
        double[] itemValues = Arrays.copyOfRange(values, users * user.size(), values.length);
        try {
            return new SideFeatures(user, item, users, items, userValues, itemValues);
        } catch (RecsysException e) {
            throw new RecsysException(name + ": traits.bin: " + e.getMessage());
        }
    }

    private static List<FeatureEncoding> encodings(JsonNode array, FeatureEncoding.Side side, String name) {
        String part = name + ": features." + side.name().toLowerCase(java.util.Locale.ROOT) + " in model.json";
        if (!array.isArray() || array.size() > MAX_VARIABLES) {
            throw new RecsysException(part + " must be a list of at most " + MAX_VARIABLES + " variables");
        }
        List<FeatureEncoding> list = new ArrayList<>();
        for (JsonNode v : array) {
            String variable = v.path("name").asString("");
            if (variable.isBlank() || variable.length() > 256) {
                throw new RecsysException(part + ": every variable needs a name of 1 to 256 characters");
            }
            try {
                list.add(switch (v.path("type").asString("")) {
                    case "numeric" -> numeric(v, variable, side);
                    case "categorical" -> categorical(v, variable, side);
                    default -> throw new RecsysException("the type must be numeric or categorical");
                });
            } catch (RecsysException e) {
                throw new RecsysException(part + ": '" + variable + "': " + e.getMessage());
            }
        }
        return list;
    }

    private static FeatureEncoding numeric(JsonNode v, String variable, FeatureEncoding.Side side) {
        String transform = v.path("transform").asString("");
        if (!transform.equals("none") && !transform.equals("log1p")) {
            throw new RecsysException("the transform must be none or log1p");
        }
        if (!v.path("mean").isNumber() || !v.path("sd").isNumber()) {
            throw new RecsysException("a numeric variable needs a mean and an sd");
        }
        return new FeatureEncoding(variable, side, false, transform.equals("log1p"), v.path("mean").asDouble(),
                v.path("sd").asDouble(), List.of());
    }

    private static FeatureEncoding categorical(JsonNode v, String variable, FeatureEncoding.Side side) {
        JsonNode levels = v.path("levels");
        if (!levels.isArray() || levels.size() > FeatureEncoding.MAX_LEVELS) {
            throw new RecsysException("the levels must be a list of at most " + FeatureEncoding.MAX_LEVELS + " labels");
        }
        List<String> labels = new ArrayList<>();
        for (JsonNode level : levels) {
            if (!level.isString() || labels.contains(level.asString())) {
                throw new RecsysException("the levels must be distinct labels");
            }
            labels.add(level.asString());
        }
        return new FeatureEncoding(variable, side, true, false, Double.NaN, Double.NaN, labels);
    }
}
