package org.recausal.engine.project;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Arrays of numbers in a JSON part: short ones inline as JSON lists (readable, and exact: numbers are written in
 * their shortest round-trip form), long ones (residuals, trees) as {@code {"offset": bytes, "count": n}} into a
 * binary entry of little-endian 64-bit doubles and 32-bit integers. Reading checks every reference against the
 * entry's size before allocating anything, so a hostile count cannot exhaust memory.
 */
final class BinaryArrays {
    /** Arrays up to this length are written inline. */
    static final int INLINE = 64;

    private BinaryArrays() {
    }

    /** Collects the binary entry while JSON is written. */
    static final class Writer {
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

        JsonNode reals(double[] values) {
            boolean finite = true;
            for (double v : values) {
                finite &= Double.isFinite(v);
            }
            if (values.length <= INLINE && finite) {
                ArrayNode array = JsonNodeFactory.instance.arrayNode();
                for (double v : values) {
                    array.add(v);
                }
                return array;
            }
            ByteBuffer buffer = ByteBuffer.allocate(8 * values.length).order(ByteOrder.LITTLE_ENDIAN);
            buffer.asDoubleBuffer().put(values);
            return reference(buffer.array(), values.length);
        }

        JsonNode integers(int[] values) {
            if (values.length <= INLINE) {
                ArrayNode array = JsonNodeFactory.instance.arrayNode();
                for (int v : values) {
                    array.add(v);
                }
                return array;
            }
            ByteBuffer buffer = ByteBuffer.allocate(4 * values.length).order(ByteOrder.LITTLE_ENDIAN);
            buffer.asIntBuffer().put(values);
            return reference(buffer.array(), values.length);
        }

        private JsonNode reference(byte[] data, int count) {
            ObjectNode ref = PartJson.object();
            ref.put("offset", bytes.size());
            ref.put("count", count);
            bytes.writeBytes(data);
            return ref;
        }

        boolean isEmpty() {
            return bytes.size() == 0;
        }

        byte[] bytes() {
            return bytes.toByteArray();
        }
    }

    /** Resolves arrays against the binary entry {@code entry} (empty when the part has none). */
    static final class Reader {
        private final String entry;
        private final ByteBuffer bytes;

        Reader(String entry, byte[] bytes) {
            this.entry = entry;
            this.bytes = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        }

        double[] reals(JsonNode node, String where) throws ProjectFileException {
            if (node != null && node.isArray()) {
                double[] values = new double[node.size()];
                for (int i = 0; i < values.length; i++) {
                    if (!node.get(i).isNumber()) {
                        throw new ProjectFileException(where + ": value " + (i + 1) + " is not a number");
                    }
                    values[i] = node.get(i).doubleValue();
                }
                return values;
            }
            int offset = offset(node, 8, where);
            double[] values = new double[count(node, where)];
            bytes.slice(offset, 8 * values.length).order(ByteOrder.LITTLE_ENDIAN).asDoubleBuffer().get(values);
            return values;
        }

        int[] integers(JsonNode node, String where) throws ProjectFileException {
            if (node != null && node.isArray()) {
                int[] values = new int[node.size()];
                for (int i = 0; i < values.length; i++) {
                    if (!node.get(i).isIntegralNumber() || !node.get(i).canConvertToInt()) {
                        throw new ProjectFileException(where + ": value " + (i + 1) + " is not a whole number");
                    }
                    values[i] = node.get(i).intValue();
                }
                return values;
            }
            int offset = offset(node, 4, where);
            int[] values = new int[count(node, where)];
            bytes.slice(offset, 4 * values.length).order(ByteOrder.LITTLE_ENDIAN).asIntBuffer().get(values);
            return values;
        }

        /** The reference's offset, once it is known to lie, with its count of {@code width}-byte values, inside. */
        private int offset(JsonNode node, int width, String where) throws ProjectFileException {
            if (node == null || !node.isObject()) {
                throw new ProjectFileException(where + " must be a list of numbers or an {\"offset\", \"count\"}"
                        + " reference into " + entry);
            }
            long offset = PartJson.longInteger(node, "offset", where);
            long count = PartJson.longInteger(node, "count", where);
            if (offset < 0 || count < 0 || count > bytes.capacity() / width
                    || offset > bytes.capacity() - count * width) {
                throw new ProjectFileException(where + " refers to " + count + " values at byte " + offset + " of "
                        + entry + ", which holds " + bytes.capacity() + " bytes");
            }
            return (int) offset;
        }

        private static int count(JsonNode node, String where) throws ProjectFileException {
            return PartJson.integer(node, "count", where);
        }
    }
}
