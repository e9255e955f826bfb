package org.recausal.engine.scm;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A named "what if": interventions compared against a baseline (the world as it is, or other interventions),
 * the outcomes to look at, optionally a subgroup of units, and how many samples from which seed. Stored in the
 * project as JSON ({@link #toJson()} / {@link #fromJson(JsonNode)}) and re-run on demand.
 *
 * @param subgroup an {@link Expression} over variables the interventions do not affect, or null for all units
 */
public record Scenario(String name, List<Intervention> interventions, List<Intervention> baseline,
        List<String> outcomes, String subgroup, int samples, long seed) {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    public Scenario {
        Objects.requireNonNull(name, "name");
        interventions = List.copyOf(interventions);
        baseline = List.copyOf(baseline);
        outcomes = List.copyOf(outcomes);
        if (outcomes.isEmpty()) {
            throw new IllegalArgumentException("a scenario needs at least one outcome");
        }
        if (samples < 1) {
            throw new IllegalArgumentException("a scenario needs at least 1 sample, not " + samples);
        }
        if (subgroup != null && subgroup.isBlank()) {
            subgroup = null;
        }
        if (subgroup != null) {
            Expression.parse(subgroup);
        }
    }

    /** The variables the scenario or its baseline intervenes on. */
    public List<String> targets() {
        List<String> targets = new ArrayList<>();
        interventions.forEach(i -> targets.add(i.node()));
        baseline.stream().map(Intervention::node).filter(n -> !targets.contains(n)).forEach(targets::add);
        return targets;
    }

    public ObjectNode toJson() {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("name", name);
        writeInterventions(root.putArray("interventions"), interventions);
        writeInterventions(root.putArray("baseline"), baseline);
        ArrayNode outcomeArray = root.putArray("outcomes");
        outcomes.forEach(outcomeArray::add);
        if (subgroup != null) {
            root.put("subgroup", subgroup);
        }
        root.put("samples", samples);
        root.put("seed", seed);
        return root;
    }

    public String toJsonText() {
        return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(toJson());
    }

    private static void writeInterventions(ArrayNode array, List<Intervention> list) {
        for (Intervention intervention : list) {
            ObjectNode item = array.addObject();
            item.put("node", intervention.node());
            switch (intervention) {
                case Intervention.SetValue set -> item.put("kind", "set").put("value", set.value());
                case Intervention.Shift shift -> item.put("kind", "shift").put("by", shift.by());
                case Intervention.Assign assign -> item.put("kind", "assign").put("rule", assign.rule().text());
            }
        }
    }

    /** @throws IllegalArgumentException naming the field that is missing or wrong */
    public static Scenario fromJson(JsonNode json) {
        if (json == null || !json.isObject()) {
            throw new IllegalArgumentException("a scenario must be a JSON object");
        }
        String name = text(json, "name", "scenario");
        String where = "scenario '" + name + "'";
        List<Intervention> interventions = readInterventions(json, "interventions", where);
        List<Intervention> baseline = json.has("baseline") ? readInterventions(json, "baseline", where) : List.of();
        List<String> outcomes = new ArrayList<>();
        for (JsonNode outcome : array(json, "outcomes", where)) {
            if (!outcome.isString()) {
                throw new IllegalArgumentException(where + ": every outcome must be a variable name");
            }
            outcomes.add(outcome.stringValue());
        }
        JsonNode subgroup = json.get("subgroup");
        try {
            return new Scenario(name, interventions, baseline, outcomes,
                    subgroup == null || subgroup.isNull() ? null : text(json, "subgroup", where),
                    Math.toIntExact(whole(json, "samples", where)), whole(json, "seed", where));
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException(where + ": \"samples\" is too large", e);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where + ": " + e.getMessage(), e);
        }
    }

    public static Scenario fromJson(String text) {
        try {
            return fromJson(MAPPER.readTree(text));
        } catch (JacksonException e) {
            throw new IllegalArgumentException("a scenario is not valid JSON: " + e.getOriginalMessage(), e);
        }
    }

    private static List<Intervention> readInterventions(JsonNode json, String field, String where) {
        List<Intervention> list = new ArrayList<>();
        int at = 0;
        for (JsonNode item : array(json, field, where)) {
            at++;
            String itemWhere = where + ", " + field + " #" + at;
            String node = text(item, "node", itemWhere);
            String kind = text(item, "kind", itemWhere);
            try {
                list.add(switch (kind) {
                    case "set" -> new Intervention.SetValue(node, text(item, "value", itemWhere));
                    case "shift" -> new Intervention.Shift(node, number(item, "by", itemWhere));
                    case "assign" -> new Intervention.Assign(node, Expression.parse(text(item, "rule", itemWhere)));
                    default -> throw new IllegalArgumentException("unknown kind '" + kind
                            + "' (expected set, shift or assign)");
                });
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(itemWhere + ": " + e.getMessage(), e);
            }
        }
        return list;
    }

    private static JsonNode array(JsonNode json, String field, String where) {
        JsonNode value = json.get(field);
        if (value == null || !value.isArray()) {
            throw new IllegalArgumentException(where + " needs an array \"" + field + "\"");
        }
        return value;
    }

    private static String text(JsonNode json, String field, String where) {
        JsonNode value = json.get(field);
        if (value == null || !value.isString()) {
            throw new IllegalArgumentException(where + " needs a text \"" + field + "\"");
        }
        return value.stringValue();
    }

    private static long whole(JsonNode json, String field, String where) {
        JsonNode value = json.get(field);
        if (value == null || !value.isIntegralNumber() || !value.canConvertToLong()) {
            throw new IllegalArgumentException(where + " needs a whole number \"" + field + "\"");
        }
        return value.longValue();
    }

    private static double number(JsonNode json, String field, String where) {
        JsonNode value = json.get(field);
        if (value == null || !value.isNumber()) {
            throw new IllegalArgumentException(where + " needs a number \"" + field + "\"");
        }
        return value.doubleValue();
    }
}
