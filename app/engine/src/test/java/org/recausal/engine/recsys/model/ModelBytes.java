package org.recausal.engine.recsys.model;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** A model file's bytes taken apart and tampered with, for the tests of hostile files. */
final class ModelBytes {
    private ModelBytes() {
    }

    static JsonNode modelJson(byte[] bytes) {
        return JsonMapper.shared().readTree(new String(entry(bytes, "model.json"), StandardCharsets.UTF_8));
    }

    static byte[] entry(byte[] bytes, String name) {
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(bytes))) {
            for (ZipEntry e; (e = zip.getNextEntry()) != null; ) {
                if (e.getName().equals(name)) {
                    return zip.readAllBytes();
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        throw new IllegalStateException(name);
    }

    /** The model's file with its model.json changed by {@code change}. */
    static byte[] tamperJson(StoredModel model, Consumer<ObjectNode> change) {
        ObjectNode json = (ObjectNode) modelJson(ModelFile.toBytes(model));
        change.accept(json);
        return tamper(model, "model.json", json.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** The model's file with one entry replaced, or left out when {@code bytes} is null. */
    static byte[] tamper(StoredModel model, String name, byte[] bytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(ModelFile.toBytes(model)));
                ZipOutputStream zip = new ZipOutputStream(out)) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                byte[] content = in.readAllBytes();
                if (e.getName().equals(name) && bytes == null) {
                    continue;
                }
                zip.putNextEntry(new ZipEntry(e.getName()));
                zip.write(e.getName().equals(name) ? bytes : content);
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return out.toByteArray();
    }
}
