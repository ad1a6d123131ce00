package io.gatescope.chart;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.awt.image.DataBufferInt;
import java.awt.image.IndexColorModel;
import java.util.Arrays;

/**
 * The 256 colours of one GIF frame, and the frame in them. The JDK's GIF writer builds an octree
 * palette pixel by pixel, which took two thirds of an animation's time; a chart has few colours that
 * matter, so this counts the frame's distinct colours once: with at most 256 every pixel keeps its
 * exact colour, else the most frequent ones (background, fills, text, the lines) are kept exactly and
 * the rest (antialiased edges, a heatmap's many shades) are split by median cut and each pixel takes
 * the nearest palette colour.
 */
final class GifPalette {
    private static final int SIZE = 256;
    /** Colours kept exactly when there are more than 256: the picture's flat areas and its text. */
    private static final int EXACT = 96;

    private final IndexColorModel model;
    private final ColourTable index;

    private GifPalette(int[] colours, ColourTable index) {
        byte[] r = new byte[colours.length], g = new byte[colours.length], b = new byte[colours.length];
        for (int i = 0; i < colours.length; i++) {
            r[i] = (byte) (colours[i] >> 16);
            g[i] = (byte) (colours[i] >> 8);
            b[i] = (byte) colours[i];
        }
        this.model = new IndexColorModel(8, colours.length, r, g, b);
        this.index = index;
    }

    /** {@code rgb} (an RGB image) as an indexed image in its own palette. */
    static BufferedImage indexed(BufferedImage rgb) {
        int w = rgb.getWidth(), h = rgb.getHeight();
        // ChartExport's images are packed ints, row after row: read them in place.
        int[] pixels = rgb.getType() == BufferedImage.TYPE_INT_RGB && rgb.getRaster().getDataBuffer() instanceof DataBufferInt d
                && d.getData().length == w * h && rgb.getRaster().getParent() == null
                ? d.getData() : rgb.getRGB(0, 0, w, h, null, 0, w);
        GifPalette palette = of(pixels);
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_INDEXED, palette.model);
        byte[] data = ((DataBufferByte) out.getRaster().getDataBuffer()).getData();
        for (int i = 0; i < pixels.length; i++) data[i] = (byte) palette.index.get(pixels[i] & 0xFFFFFF);
        return out;
    }

    /** The palette of {@code pixels}, with the index of every colour among them. */
    private static GifPalette of(int[] pixels) {
        ColourTable counts = new ColourTable();
        for (int p : pixels) counts.add(p & 0xFFFFFF, 1);
        int[] colours = counts.keys();
        if (colours.length <= SIZE) {
            ColourTable index = new ColourTable();
            for (int i = 0; i < colours.length; i++) index.add(colours[i], i);
            return new GifPalette(colours, index);
        }
        // Most frequent first; ties by colour, so the same picture always gets the same palette.
        Integer[] order = new Integer[colours.length];
        for (int i = 0; i < order.length; i++) order[i] = i;
        Arrays.sort(order, (a, b) -> counts.get(colours[a]) != counts.get(colours[b])
                ? Integer.compare(counts.get(colours[b]), counts.get(colours[a])) : Integer.compare(colours[a], colours[b]));
        int[] palette = new int[SIZE];
        for (int i = 0; i < EXACT; i++) palette[i] = colours[order[i]];
        int[] rest = new int[colours.length - EXACT], weight = new int[rest.length];
        for (int i = 0; i < rest.length; i++) {
            rest[i] = colours[order[EXACT + i]];
            weight[i] = counts.get(rest[i]);
        }
        int filled = EXACT + MedianCut.split(rest, weight, SIZE - EXACT, palette, EXACT);
        int[] used = Arrays.copyOf(palette, filled);
        ColourTable index = new ColourTable();
        for (int c : colours) index.add(c, nearest(used, c));
        return new GifPalette(used, index);
    }

    private static int nearest(int[] palette, int c) {
        int best = 0;
        long bestD = Long.MAX_VALUE;
        for (int i = 0; i < palette.length; i++) {
            int dr = ((palette[i] >> 16) & 0xFF) - ((c >> 16) & 0xFF);
            int dg = ((palette[i] >> 8) & 0xFF) - ((c >> 8) & 0xFF);
            int db = (palette[i] & 0xFF) - (c & 0xFF);
            long d = 2L * dr * dr + 4L * dg * dg + 3L * db * db;    // the eye weighs green most, blue least
            if (d < bestD) {
                bestD = d;
                best = i;
            }
        }
        return best;
    }

    /** An open-addressing map from a 24-bit colour to an int (a count, or a palette index). */
    static final class ColourTable {
        private int[] keys = new int[1 << 10];
        private int[] values = new int[1 << 10];
        private int size;

        ColourTable() {
            Arrays.fill(keys, -1);
        }

        void add(int colour, int value) {
            int i = slot(colour);
            if (keys[i] == -1) {
                keys[i] = colour;
                if (++size * 2 > keys.length) grow();
                i = slot(colour);
            }
            values[i] += value;
        }

        int get(int colour) {
            return values[slot(colour)];
        }

        /** The colours, in table order. */
        int[] keys() {
            int[] out = new int[size];
            int n = 0;
            for (int k : keys) if (k != -1) out[n++] = k;
            return out;
        }

        private int slot(int colour) {
            int mask = keys.length - 1;
            int i = (colour * 0x9E3779B1) >>> 7 & mask;
            while (keys[i] != -1 && keys[i] != colour) i = (i + 1) & mask;
            return i;
        }

        private void grow() {
            int[] oldKeys = keys, oldValues = values;
            keys = new int[oldKeys.length * 2];
            values = new int[oldKeys.length * 2];
            Arrays.fill(keys, -1);
            for (int i = 0; i < oldKeys.length; i++) {
                if (oldKeys[i] != -1) {
                    int j = slot(oldKeys[i]);
                    keys[j] = oldKeys[i];
                    values[j] = oldValues[i];
                }
            }
        }
    }
}
