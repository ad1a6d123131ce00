package io.gatescope.chart;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Heckbert's median cut: colours, each with a weight (how many pixels have it), split into boxes by
 * repeatedly cutting the box with the widest channel range at the weighted median of that channel;
 * each box gives the weighted mean of its colours. What {@link GifPalette} uses for the colours it
 * cannot keep exactly.
 */
final class MedianCut {
    private MedianCut() {
    }

    /**
     * Splits {@code colours} (24-bit RGB, {@code weights} pixels each) into at most {@code boxes}
     * colours, written into {@code out} from {@code at}; returns how many were written.
     */
    static int split(int[] colours, int[] weights, int boxes, int[] out, int at) {
        Integer[] order = new Integer[colours.length];
        for (int i = 0; i < order.length; i++) order[i] = i;
        List<int[]> cut = new ArrayList<>();          // each box is {from, to} in order
        cut.add(new int[] {0, colours.length});
        while (cut.size() < boxes) {
            int widest = -1, channel = 0, range = 0;
            for (int b = 0; b < cut.size(); b++) {
                int[] box = cut.get(b);
                if (box[1] - box[0] < 2) continue;
                for (int ch = 0; ch < 3; ch++) {
                    int r = range(colours, order, box, ch);
                    if (r > range) {
                        range = r;
                        widest = b;
                        channel = ch;
                    }
                }
            }
            if (widest < 0) break;                   // every box is a single colour
            int[] box = cut.get(widest);
            int shift = 16 - 8 * channel;
            Arrays.sort(order, box[0], box[1], Comparator.comparingInt(i -> (colours[i] >> shift) & 0xFF));
            long total = 0, half = 0;
            for (int i = box[0]; i < box[1]; i++) total += weights[order[i]];
            int middle = box[0] + 1;
            for (int i = box[0]; i < box[1] - 1; i++) {
                half += weights[order[i]];
                middle = i + 1;
                if (2 * half >= total) break;
            }
            cut.set(widest, new int[] {box[0], middle});
            cut.add(new int[] {middle, box[1]});
        }
        for (int b = 0; b < cut.size(); b++) out[at + b] = mean(colours, weights, order, cut.get(b));
        return cut.size();
    }

    private static int range(int[] colours, Integer[] order, int[] box, int channel) {
        int shift = 16 - 8 * channel, lo = 255, hi = 0;
        for (int i = box[0]; i < box[1]; i++) {
            int v = (colours[order[i]] >> shift) & 0xFF;
            lo = Math.min(lo, v);
            hi = Math.max(hi, v);
        }
        return hi - lo;
    }

    private static int mean(int[] colours, int[] weights, Integer[] order, int[] box) {
        long r = 0, g = 0, b = 0, n = 0;
        for (int i = box[0]; i < box[1]; i++) {
            int c = colours[order[i]], w = weights[order[i]];
            r += (long) w * ((c >> 16) & 0xFF);
            g += (long) w * ((c >> 8) & 0xFF);
            b += (long) w * (c & 0xFF);
            n += w;
        }
        return (int) (r / n) << 16 | (int) (g / n) << 8 | (int) (b / n);
    }
}
