package io.gatescope.io;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.SplittableRandom;

/** Byte-level damage to a real file: what a truncated download, a bad edit or a bit flip leaves. */
final class Mutations {
    private static final List<String> TOKENS = List.of("NaN", "1e999", "-", "[", "]", "{", "}", "\"", ",", ":", "null",
            "\\u0000", "99999999999", "-1", "0", "[[", "]]", "\uFEFF", "\"cell\": \"lstm\"", "\"hidden_size\": 2147483647",
            "\"layers\": 1000000", "\"input_size\": 0", "true");

    private Mutations() {
    }

    static byte[] of(byte[] seed, SplittableRandom r) {
        if (r.nextBoolean()) return structural(seed, r);
        byte[] doc = seed;
        int count = 1 + r.nextInt(4);
        for (int k = 0; k < count && doc.length > 0; k++) doc = once(doc, r);
        return doc;
    }

    /**
     * A valid document with one field's value replaced (a hostile number, null, a string, a list of
     * another shape) or removed: reaches the checks behind the parser, where sizes become allocations.
     */
    static byte[] structural(byte[] seed, SplittableRandom r) {
        try {
            JsonNode root = Json.MAPPER.readTree(seed);
            List<ObjectNode> objects = new ArrayList<>();
            collect(root, objects);
            if (objects.isEmpty()) return seed;
            ObjectNode o = objects.get(r.nextInt(objects.size()));
            List<String> names = new ArrayList<>();
            o.fieldNames().forEachRemaining(names::add);
            if (names.isEmpty()) return seed;
            String name = names.get(r.nextInt(names.size()));
            switch (r.nextInt(5)) {
                case 0 -> o.remove(name);
                case 1 -> o.putNull(name);
                case 2 -> o.put(name, HOSTILE_INTS[r.nextInt(HOSTILE_INTS.length)]);
                case 3 -> o.put(name, r.nextBoolean() ? "lstm" : "");
                default -> o.set(name, Json.MAPPER.readTree(r.nextBoolean() ? "[[1.0, 2.0], [3.0]]" : "[NaN, 1e308, -0.0]"));
            }
            return Json.MAPPER.writeValueAsBytes(root);
        } catch (IOException e) {
            return seed;
        }
    }

    private static final long[] HOSTILE_INTS = {0, -1, 2, 1_000_000, Integer.MAX_VALUE, Integer.MIN_VALUE, Long.MAX_VALUE, 6_400_000};

    private static void collect(JsonNode n, List<ObjectNode> out) {
        if (n instanceof ObjectNode o) out.add(o);
        if (n.isContainerNode() && n.size() < 64) n.forEach(c -> collect(c, out));
    }

    private static byte[] once(byte[] doc, SplittableRandom r) {
        int at = r.nextInt(doc.length), len = Math.min(doc.length - at, 1 + r.nextInt(40));
        ByteArrayOutputStream out = new ByteArrayOutputStream(doc.length + 64);
        switch (r.nextInt(6)) {
            case 0 -> {                                   // cut a range
                out.write(doc, 0, at);
                out.write(doc, at + len, doc.length - at - len);
            }
            case 1 -> {                                   // repeat a range
                out.write(doc, 0, at + len);
                out.write(doc, at, doc.length - at);
            }
            case 2 -> {                                   // flip one byte
                byte[] copy = doc.clone();
                copy[at] = (byte) r.nextInt(256);
                return copy;
            }
            case 3 -> {                                   // truncate
                out.write(doc, 0, at);
            }
            default -> {                                  // insert a token
                out.write(doc, 0, at);
                out.writeBytes(TOKENS.get(r.nextInt(TOKENS.size())).getBytes(StandardCharsets.UTF_8));
                out.write(doc, at, doc.length - at);
            }
        }
        return out.toByteArray();
    }
}
