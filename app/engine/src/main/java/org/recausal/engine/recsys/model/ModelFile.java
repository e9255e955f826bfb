package org.recausal.engine.recsys.model;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import org.recausal.engine.recsys.RecsysException;
import org.recausal.engine.recsys.TrainingState;
import org.recausal.engine.recsys.data.IdIndex;
import org.recausal.engine.recsys.features.SideFeatures;
import org.recausal.engine.recsys.mf.FactorModel;
import org.recausal.engine.recsys.mf.MfConfig;
import org.recausal.engine.recsys.mf.MfState;
import org.recausal.engine.recsys.sasrec.SasRecConfig;
import org.recausal.engine.recsys.sasrec.SasRecModel;
import org.recausal.engine.recsys.sasrec.SasRecState;

import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The recommender model file (version 1, or 2 for SASRec with side features), a zip archive documented in
 * docs/recommender-model-format.md:
 * <ul>
 * <li>{@code model.json}: format name and version, kind, settings, sizes, the tensors' names and lengths, details;</li>
 * <li>{@code users.txt}, {@code items.txt}: the ids, one per line, in index order (UTF-8);</li>
 * <li>{@code histories.bin}: per user, a 32-bit item count then the item indices, little-endian;</li>
 * <li>{@code weights.bin}: the model's weights as little-endian 32-bit floats;</li>
 * <li>{@code optimizer.bin} (checkpoints, of any kind, only): Adam's first then second moments, same layout as the
 * weights;</li>
 * <li>{@code best.bin} (checkpoints after a validation only): the best validated weights so far, same layout;</li>
 * <li>{@code traits.bin} (version 2 only): the users' then the items' observed trait values, little-endian
 * 64-bit floats, with their encodings under {@code features} in {@code model.json}.</li>
 * </ul>
 * A model without side features is written as version 1, byte for byte as before; both versions are read.
 * Model files come from elsewhere, so reading trusts nothing: entry sizes, counts, ids, indices and tensor
 * lengths are all checked against limits and against each other before anything is built, and weights must be finite.
 */
public final class ModelFile {
    public static final String FORMAT = "recausal-recommender";
    public static final int VERSION = 1;
    /** The version of SASRec models with side features. */
    public static final int FEATURES_VERSION = 2;
    static final int MAX_ENTRIES = 16;
    static final long MAX_JSON_BYTES = 1 << 20;
    static final long MAX_IDS_BYTES = 1L << 28;
    static final long MAX_BINARY_BYTES = Integer.MAX_VALUE - 64;
    static final int MAX_USERS_OR_ITEMS = 50_000_000;

    private static final JsonMapper MAPPER = JsonMapper.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

    private ModelFile() {
    }

    /** Writes the model file, atomically (a temporary file moved over the target). */
    public static void write(Path file, StoredModel stored) {
        Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
        try (OutputStream out = Files.newOutputStream(temporary)) {
            write(out, stored);
        } catch (IOException e) {
            throw new RecsysException(file + ": cannot be written (" + e.getMessage() + ")", e);
        }
        try {
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new RecsysException(file + ": cannot be written (" + e.getMessage() + ")", e);
        }
    }

    /** The model file's bytes: the same model always gives the same bytes (fixed entry times), e.g. inside a project. */
    public static byte[] toBytes(StoredModel stored) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            write(bytes, stored);
        } catch (IOException e) {
            throw new IllegalStateException("writing to memory failed", e);
        }
        return bytes.toByteArray();
    }

    private static void write(OutputStream raw, StoredModel stored) throws IOException {
        SideFeatures features = stored.model() instanceof SasRecModel s ? s.features() : null;
        ObjectNode json = MAPPER.createObjectNode();
        json.put("format", FORMAT);
        json.put("version", features == null ? VERSION : FEATURES_VERSION);
        json.put("kind", stored.kind());
        json.put("users", stored.users().size());
        json.put("items", stored.items().size());
        ObjectNode settings = json.putObject("settings");
        float[] weights;
        if (stored.model() instanceof SasRecModel s) {
            SasRecConfig c = s.config();
            settings.put("maxlen", c.maxLength());
            settings.put("dim", c.dimension());
            settings.put("blocks", c.blocks());
            settings.put("heads", c.heads());
            settings.put("dropout", c.dropout());
            settings.put("lr", c.learningRate());
            settings.put("batch", c.batchSize());
            settings.put("epochs", c.epochs());
            settings.put("seed", c.seed());
            weights = s.params();
        } else if (stored.model() instanceof FactorModel f) {
            settings.put("factors", f.factors());
            weights = f.params();
        } else {
            throw new IllegalArgumentException("cannot save a " + stored.model().getClass().getSimpleName());
        }
        json.put("weights", weights.length);
        if (features != null) {
            json.set("features", FeatureFormat.toJson(features));
        }
        TrainingState state = stored.checkpoint();
        if (state != null) {
            ObjectNode checkpoint = json.putObject("checkpoint");
            checkpoint.put("steps", state.steps());
            checkpoint.put("epochsDone", state.epochsDone());
            checkpoint.put("elapsedSeconds", state.elapsedSeconds());
            if (state instanceof SasRecState s && s.bestParams() != null) {
                checkpoint.put("bestEpoch", s.bestEpoch());
                checkpoint.put("bestScore", s.bestScore());
            }
            if (state instanceof MfState m) {
                // The rest of the fit's settings: a resumed fit must keep them, and may stop at no later epoch.
                checkpoint.put("lambda", m.config().lambda());
                checkpoint.put("epochs", m.config().steps());
                checkpoint.put("lr", m.config().learningRate());
                checkpoint.put("seed", m.config().seed());
            }
        }
        json.set("details", stored.details());
        try (ZipOutputStream zip = new ZipOutputStream(raw)) {
            put(zip, "model.json", MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(json).getBytes(StandardCharsets.UTF_8));
            put(zip, "users.txt", ids(stored.users()));
            put(zip, "items.txt", ids(stored.items()));
            put(zip, "histories.bin", histories(stored.histories()));
            put(zip, "weights.bin", floats(weights));
            if (state != null) {
                byte[] first = floats(state.firstMoment());
                byte[] second = floats(state.secondMoment());
                zip.putNextEntry(entry("optimizer.bin"));
                zip.write(first);
                zip.write(second);
                zip.closeEntry();
                if (state instanceof SasRecState s && s.bestParams() != null) {
                    put(zip, "best.bin", floats(s.bestParams()));
                }
            }
            if (features != null) {
                put(zip, "traits.bin", FeatureFormat.observed(features));
            }
        }
    }

    public static StoredModel read(Path file) {
        String name = file.getFileName().toString();
        try (ZipFile zip = new ZipFile(file.toFile())) {
            Map<String, ZipEntry> entries = entries(zip, name);
            return read((entry, limit) -> read(zip, entries, entry, limit, name), name);
        } catch (NoSuchFileException e) {
            throw new RecsysException(file + ": no such file");
        } catch (ZipException e) {
            throw new RecsysException(name + ": is not a model file (not a readable zip archive: " + e.getMessage() + ")", e);
        } catch (IOException e) {
            throw new RecsysException(name + ": cannot be read (" + e.getMessage() + ")", e);
        }
    }

    /**
     * Reads a model file held in memory (as {@link #toBytes} wrote it), named {@code name} in messages. Every entry
     * is refused once it yields more than its limit, so a deflated entry cannot inflate without bound.
     */
    public static StoredModel fromBytes(byte[] bytes, String name) {
        Map<String, byte[]> entries = new HashMap<>();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(bytes))) {
            for (ZipEntry e; (e = zip.getNextEntry()) != null; ) {
                if (entries.size() == MAX_ENTRIES) {
                    throw new RecsysException(name + ": has more than " + MAX_ENTRIES + " entries");
                }
                if (entries.containsKey(e.getName())) {
                    throw new RecsysException(name + ": holds the entry '" + e.getName() + "' twice");
                }
                entries.put(e.getName(), bounded(zip, limitOf(e.getName()), e.getName(), name));
            }
        } catch (IOException e) {
            throw new RecsysException(name + ": is not a model file (not a readable zip archive: " + e.getMessage() + ")", e);
        }
        if (entries.isEmpty()) {
            throw new RecsysException(name + ": is not a model file (no zip entries)");
        }
        try {
            return read((entry, limit) -> {
                byte[] entryBytes = entries.get(entry);
                if (entryBytes == null) {
                    throw new RecsysException(name + ": " + entry + " is missing");
                }
                return entryBytes;
            }, name);
        } catch (IOException e) {
            throw new RecsysException(name + ": cannot be read (" + e.getMessage() + ")", e);
        }
    }

    /** The bytes of one entry of a model file, refused beyond {@code limit}. */
    private interface Entries {
        byte[] read(String entry, long limit) throws IOException;
    }

    private static StoredModel read(Entries zip, String name) throws IOException {
        ObjectNode json = parse(zip.read("model.json", MAX_JSON_BYTES), name);
        if (!FORMAT.equals(json.path("format").asString(""))) {
            throw new RecsysException(name + ": is not a Recausal recommender model (model.json has no format '" + FORMAT + "')");
        }
        int version = json.path("version").asInt(-1);
        if (version != VERSION && version != FEATURES_VERSION) {
            throw new RecsysException(name + ": is a model file of version " + version
                    + ", this Recausal reads versions " + VERSION + " and " + FEATURES_VERSION);
        }
        String kind = json.path("kind").asString("");
        int userCount = count(json, "users", name);
        int itemCount = count(json, "items", name);
        IdIndex users = ids(zip.read("users.txt", MAX_IDS_BYTES), userCount, "users.txt", name);
        IdIndex items = ids(zip.read("items.txt", MAX_IDS_BYTES), itemCount, "items.txt", name);
        int[][] histories = histories(zip.read("histories.bin", MAX_BINARY_BYTES), userCount, itemCount, name);
        JsonNode settings = json.path("settings");
        long declared = json.path("weights").asLong(-1);
        float[] weights = floats(zip.read("weights.bin", MAX_BINARY_BYTES), declared, "weights.bin", name);
        ObjectNode details = json.path("details") instanceof ObjectNode d ? d : MAPPER.createObjectNode();
        if (version == FEATURES_VERSION && !kind.equals(StoredModel.SASREC)) {
            throw new RecsysException(name + ": version " + FEATURES_VERSION + " holds SASRec models with side features,"
                    + " not '" + kind + "'");
        }
        SideFeatures features = version == FEATURES_VERSION
                ? FeatureFormat.read(json.path("features"), zip.read("traits.bin", MAX_BINARY_BYTES), userCount, itemCount, name)
                : null;
        return switch (kind) {
            case StoredModel.SASREC -> sasrec(zip, json, settings, users, items, histories, weights, features, details, name);
            case StoredModel.MF, StoredModel.BPR -> {
                int factors = setting(settings, "factors", 1, 4096, name);
                long expected = 1 + (long) userCount + itemCount + (long) (userCount + itemCount) * factors;
                if (expected != weights.length) {
                    throw new RecsysException(name + ": a factor model of " + userCount + " users, " + itemCount
                            + " items and " + factors + " factors has " + expected + " weights, the file has " + weights.length);
                }
                MfState checkpoint = json.has("checkpoint") ? mfCheckpoint(zip, json.path("checkpoint"), weights, factors, name)
                        : null;
                yield new StoredModel(kind, new FactorModel(userCount, itemCount, factors, weights), users, items,
                        histories, details, checkpoint);
            }
            default -> throw new RecsysException(name + ": unknown model kind '" + kind + "' (sasrec, mf or bpr)");
        };
    }

    private static StoredModel sasrec(Entries zip, ObjectNode json, JsonNode s, IdIndex users, IdIndex items,
            int[][] histories, float[] weights, SideFeatures features, ObjectNode details, String name) throws IOException {
        SasRecConfig config;
        try {
            config = new SasRecConfig(setting(s, "maxlen", 1, 4096, name), setting(s, "dim", 1, 4096, name),
                    setting(s, "blocks", 1, 64, name), setting(s, "heads", 1, 4096, name), (float) s.path("dropout").asDouble(-1),
                    (float) s.path("lr").asDouble(-1), setting(s, "batch", 1, 1 << 20, name), setting(s, "epochs", 0, 1 << 20, name),
                    s.path("seed").asLong(0));
        } catch (RecsysException e) {
            throw new RecsysException(name + ": bad SASRec settings: " + e.getMessage());
        }
        long expected = (long) items.size() * config.dimension() + (long) config.maxLength() * config.dimension()
                + (long) config.blocks() * (5L * config.dimension() * config.dimension() + 9L * config.dimension())
                + 2L * config.dimension() + (features == null ? 0 : features.weightCount());
        if (expected != weights.length) {
            throw new RecsysException(name + ": SASRec with these settings" + (features == null ? "" : " and side features")
                    + " has " + expected + " weights, the file has " + weights.length);
        }
        SasRecState checkpoint = null;
        if (json.has("checkpoint")) {
            JsonNode c = json.path("checkpoint");
            Progress p = progress(zip, c, weights, config.epochs(), name);
            checkpoint = SasRecState.unvalidated(weights, p.first(), p.second(), p.steps(), p.epochsDone(), p.elapsed());
            // model.json names a best epoch exactly when best.bin holds its weights.
            if (c.has("bestEpoch")) {
                float[] best = floats(zip.read("best.bin", MAX_BINARY_BYTES), weights.length, "best.bin", name);
                int bestEpoch = c.path("bestEpoch").asInt(-1);
                double bestScore = c.path("bestScore").asDouble(Double.NaN);
                if (bestEpoch < 1 || bestEpoch > p.epochsDone() || !Double.isFinite(bestScore)) {
                    throw new RecsysException(name + ": the checkpoint's bestEpoch must be 1.." + p.epochsDone()
                            + " and its bestScore a number");
                }
                checkpoint = new SasRecState(weights, p.first(), p.second(), p.steps(), p.epochsDone(), p.elapsed(),
                        bestEpoch, bestScore, best);
            }
        }
        return new StoredModel(StoredModel.SASREC, new SasRecModel(config, users, items, weights, features), users, items,
                histories, details, checkpoint);
    }

    private static int setting(JsonNode settings, String key, int min, int max, String name) {
        return whole(settings, key, min, max, "the setting", name);
    }

    /** {@code object}'s whole number {@code key}, which {@code part} of model.json names in the message. */
    private static int whole(JsonNode object, String key, int min, int max, String part, String name) {
        JsonNode node = object.path(key);
        if (!node.canConvertToInt() || node.asInt() < min || node.asInt() > max) {
            throw new RecsysException(name + ": " + part + " '" + key + "' must be a whole number from " + min + " to " + max);
        }
        return node.asInt();
    }

    /** What a checkpoint of either kind holds: Adam's moments and step count, the epochs done and the time spent. */
    private record Progress(float[] first, float[] second, long steps, int epochsDone, double elapsed) {
    }

    /** The checkpoint's common part, for a model of {@code weights} set to run {@code epochs} epochs. */
    private static Progress progress(Entries zip, JsonNode c, float[] weights, int epochs, String name) throws IOException {
        float[] moments = floats(zip.read("optimizer.bin", MAX_BINARY_BYTES), 2L * weights.length, "optimizer.bin", name);
        long steps = c.path("steps").asLong(-1);
        int done = c.path("epochsDone").asInt(-1);
        double elapsed = c.path("elapsedSeconds").asDouble(0);
        if (steps < 0 || done < 0 || !(elapsed >= 0)) {
            throw new RecsysException(name + ": the checkpoint's steps, epochsDone and elapsedSeconds must be"
                    + " non-negative numbers");
        }
        if (done > epochs) {
            throw new RecsysException(name + ": the checkpoint's epochsDone is " + done + ", beyond the " + epochs
                    + " epochs its run was set to");
        }
        return new Progress(Arrays.copyOfRange(moments, 0, weights.length),
                Arrays.copyOfRange(moments, weights.length, moments.length), steps, done, elapsed);
    }

    /** A factor model's checkpoint: the common part and the fit's settings besides the factors. */
    private static MfState mfCheckpoint(Entries zip, JsonNode c, float[] weights, int factors, String name) throws IOException {
        int epochs = whole(c, "epochs", 1, Integer.MAX_VALUE, "the checkpoint's", name);
        JsonNode lambda = c.path("lambda");
        JsonNode lr = c.path("lr");
        JsonNode seed = c.path("seed");
        if (!lambda.isNumber() || !Double.isFinite(lambda.asDouble()) || !lr.isNumber() || !Float.isFinite(lr.floatValue())
                || !seed.isIntegralNumber() || !seed.canConvertToLong()) {
            throw new RecsysException(name + ": the checkpoint's lambda and lr must be numbers and its seed a whole number");
        }
        MfConfig config;
        try {
            config = new MfConfig(factors, lambda.asDouble(), epochs, lr.floatValue(), seed.asLong());
        } catch (RecsysException e) {
            throw new RecsysException(name + ": bad settings in the checkpoint: " + e.getMessage());
        }
        Progress p = progress(zip, c, weights, epochs, name);
        return new MfState(weights, p.first(), p.second(), p.steps(), p.epochsDone(), p.elapsed(), config);
    }

    private static int count(JsonNode json, String key, String name) {
        JsonNode node = json.path(key);
        if (!node.canConvertToInt() || node.asInt() < 0 || node.asInt() > MAX_USERS_OR_ITEMS) {
            throw new RecsysException(name + ": '" + key + "' in model.json must be a count from 0 to " + MAX_USERS_OR_ITEMS);
        }
        return node.asInt();
    }

    private static Map<String, ZipEntry> entries(ZipFile zip, String name) {
        if (zip.size() > MAX_ENTRIES) {
            throw new RecsysException(name + ": has " + zip.size() + " entries; a model file has at most " + MAX_ENTRIES);
        }
        Map<String, ZipEntry> entries = new HashMap<>();
        Enumeration<? extends ZipEntry> all = zip.entries();
        while (all.hasMoreElements()) {
            ZipEntry e = all.nextElement();
            if (entries.put(e.getName(), e) != null) {
                throw new RecsysException(name + ": holds the entry '" + e.getName() + "' twice");
            }
        }
        return entries;
    }

    /** An entry's bytes; refused when it declares or yields more than {@code limit} or other than it declares. */
    private static byte[] read(ZipFile zip, Map<String, ZipEntry> entries, String entry, long limit, String name) throws IOException {
        ZipEntry e = entries.get(entry);
        if (e == null) {
            throw new RecsysException(name + ": " + entry + " is missing");
        }
        if (e.getSize() > limit) {
            throw new RecsysException(name + ": " + entry + " declares " + e.getSize() + " bytes, more than the " + limit + " allowed");
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(e.getSize() > 0 ? (int) e.getSize() : 1024);
        try (InputStream in = zip.getInputStream(e)) {
            byte[] buffer = new byte[1 << 16];
            long total = 0;
            int n;
            while ((n = in.read(buffer)) > 0) {
                total += n;
                if (total > limit || (e.getSize() >= 0 && total > e.getSize())) {
                    throw new RecsysException(name + ": " + entry + " holds more bytes than it declares or than allowed");
                }
                out.write(buffer, 0, n);
            }
            if (e.getSize() >= 0 && total != e.getSize()) {
                throw new RecsysException(name + ": " + entry + " is truncated");
            }
        }
        return out.toByteArray();
    }

    private static ObjectNode parse(byte[] bytes, String name) {
        try {
            JsonNode node = MAPPER.readTree(bytes);
            if (node instanceof ObjectNode o) {
                return o;
            }
        } catch (JacksonException e) {
            throw new RecsysException(name + ": model.json is not valid JSON (" + e.getOriginalMessage() + ")");
        }
        throw new RecsysException(name + ": model.json is not a JSON object");
    }

    /** The limit on an entry's unpacked size, by its name. */
    private static long limitOf(String entry) {
        return switch (entry) {
            case "model.json" -> MAX_JSON_BYTES;
            case "users.txt", "items.txt" -> MAX_IDS_BYTES;
            default -> MAX_BINARY_BYTES;
        };
    }

    private static byte[] bounded(InputStream in, long limit, String entry, String name) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[1 << 16];
        long total = 0;
        for (int n; (n = in.read(buffer)) > 0; ) {
            total += n;
            if (total > limit) {
                throw new RecsysException(name + ": " + entry + " holds more than the " + limit + " bytes allowed");
            }
            out.write(buffer, 0, n);
        }
        return out.toByteArray();
    }

    /** A fixed entry time, so that the same model gives the same bytes. */
    private static ZipEntry entry(String name) {
        ZipEntry entry = new ZipEntry(name);
        entry.setTimeLocal(java.time.LocalDateTime.of(2000, 1, 1, 0, 0));
        return entry;
    }

    private static void put(ZipOutputStream zip, String entry, byte[] bytes) throws IOException {
        zip.putNextEntry(entry(entry));
        zip.write(bytes);
        zip.closeEntry();
    }

    private static byte[] ids(IdIndex index) {
        StringBuilder text = new StringBuilder();
        for (String id : index.ids()) {
            text.append(id).append('\n');
        }
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static IdIndex ids(byte[] bytes, int count, String entry, String name) {
        String text = new String(bytes, StandardCharsets.UTF_8);
        List<String> ids = new ArrayList<>();
        int from = 0;
        while (from < text.length()) {
            int end = text.indexOf('\n', from);
            if (end < 0) {
                throw new RecsysException(name + ": " + entry + " does not end with a line break");
            }
            ids.add(text.substring(from, end));
            from = end + 1;
        }
        if (ids.size() != count) {
            throw new RecsysException(name + ": " + entry + " lists " + ids.size() + " ids, model.json says " + count);
        }
        IdIndex index = IdIndex.of(ids);
        if (index.size() != count) {
            throw new RecsysException(name + ": " + entry + " lists an id twice");
        }
        return index;
    }

    private static byte[] histories(int[][] histories) {
        long size = 0;
        for (int[] h : histories) {
            size += 4L * (h.length + 1);
        }
        ByteBuffer buffer = ByteBuffer.allocate(Math.toIntExact(size)).order(ByteOrder.LITTLE_ENDIAN);
        for (int[] h : histories) {
            buffer.putInt(h.length);
            for (int i : h) {
                buffer.putInt(i);
            }
        }
        return buffer.array();
    }

    private static int[][] histories(byte[] bytes, int users, int items, String name) {
        ByteBuffer buffer = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        int[][] histories = new int[users][];
        for (int u = 0; u < users; u++) {
            if (buffer.remaining() < 4) {
                throw new RecsysException(name + ": histories.bin ends before user " + u + " of " + users);
            }
            int length = buffer.getInt();
            if (length < 0 || 4L * length > buffer.remaining()) {
                throw new RecsysException(name + ": histories.bin gives user " + u + " an impossible length " + length);
            }
            histories[u] = new int[length];
            for (int j = 0; j < length; j++) {
                int item = buffer.getInt();
                if (item < 0 || item >= items) {
                    throw new RecsysException(name + ": histories.bin names item index " + item + ", outside 0.." + (items - 1));
                }
                histories[u][j] = item;
            }
        }
        if (buffer.hasRemaining()) {
            throw new RecsysException(name + ": histories.bin has " + buffer.remaining() + " bytes after the last user");
        }
        return histories;
    }

    private static byte[] floats(float[] values) {
        ByteBuffer buffer = ByteBuffer.allocate(4 * values.length).order(ByteOrder.LITTLE_ENDIAN);
        buffer.asFloatBuffer().put(values);
        return buffer.array();
    }

    private static float[] floats(byte[] bytes, long declared, String entry, String name) {
        if (declared < 0 || bytes.length != 4L * declared) {
            throw new RecsysException(name + ": " + entry + " holds " + bytes.length + " bytes, expected " + declared
                    + " floats (" + 4L * Math.max(0, declared) + " bytes)");
        }
        float[] values = new float[(int) declared];
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(values);
        for (int i = 0; i < values.length; i++) {
            if (!Float.isFinite(values[i])) {
                throw new RecsysException(name + ": " + entry + " holds a value that is not a finite number (at " + i + ")");
            }
        }
        return values;
    }
}
