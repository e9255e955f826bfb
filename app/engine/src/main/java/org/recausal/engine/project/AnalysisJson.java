package org.recausal.engine.project;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

import org.recausal.engine.scm.Scenario;

import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The analyst's notes ({@code notes.md}), scenarios ({@code scenarios.json}) and the scenarios' last results
 * ({@code results.json}), version 3 of the project file.
 */
final class AnalysisJson {

    private AnalysisJson() {
    }

    /** The notes as stored: UTF-8 text, refused when the bytes are not valid UTF-8. */
    static String notes(String part, byte[] bytes) throws ProjectFileException {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new ProjectFileException(part + ": is not UTF-8 text", e);
        }
    }

    static ObjectNode scenarios(Project project) {
        ObjectNode json = PartJson.object();
        ArrayNode list = json.putArray("scenarios");
        project.scenarios().forEach(s -> list.add(s.toJson()));
        return json;
    }

    static void readScenarios(String part, ObjectNode json, Project project) throws ProjectFileException {
        ArrayNode list = PartJson.array(json, "scenarios", part);
        for (int i = 0; i < list.size(); i++) {
            String at = part + ": scenario " + (i + 1);
            ObjectNode item = PartJson.element(list, i, at);
            try {
                project.addScenario(Scenario.fromJson(item));
            } catch (IllegalArgumentException e) {
                throw new ProjectFileException(at + ": " + e.getMessage(), e);
            }
        }
    }

    /** The last results, in scenario order, or null when no scenario has one. */
    static ObjectNode results(Project project) {
        ObjectNode json = PartJson.object();
        ArrayNode list = json.putArray("results");
        for (Scenario scenario : project.scenarios()) {
            project.scenarioResult(scenario.name()).ifPresent(stored -> {
                ObjectNode item = list.addObject();
                item.set("model", fingerprint(stored.model()));
                item.set("result", ScenarioResultJson.toJson(stored.result()));
            });
        }
        return list.isEmpty() ? null : json;
    }

    static void readResults(String part, ObjectNode json, Project project) throws ProjectFileException {
        ArrayNode list = PartJson.array(json, "results", part);
        for (int i = 0; i < list.size(); i++) {
            String at = part + ": result " + (i + 1);
            ObjectNode item = PartJson.element(list, i, at);
            ModelFingerprint model = fingerprint(PartJson.requiredObject(item, "model", at), at + ": model");
            StoredResult result = new StoredResult(
                    ScenarioResultJson.fromJson(PartJson.requiredObject(item, "result", at), at), model);
            if (project.scenario(result.scenario()).isEmpty()) {
                throw new ProjectFileException(at + " is for scenario '" + result.scenario()
                        + "', which the project does not have");
            }
            if (project.scenarioResult(result.scenario()).isPresent()) {
                throw new ProjectFileException(at + " is a second result for scenario '" + result.scenario() + "'");
            }
            project.setScenarioResult(result);
        }
    }

    static ObjectNode fingerprint(ModelFingerprint fingerprint) {
        ObjectNode json = PartJson.object();
        json.put("graph", fingerprint.graph());
        json.put("data", fingerprint.data());
        json.put("options", fingerprint.options());
        return json;
    }

    static ModelFingerprint fingerprint(ObjectNode json, String where) throws ProjectFileException {
        try {
            return new ModelFingerprint(PartJson.text(json, "graph", where), PartJson.text(json, "data", where),
                    PartJson.text(json, "options", where));
        } catch (IllegalArgumentException e) {
            throw new ProjectFileException(where + ": " + e.getMessage(), e);
        }
    }
}
