package io.gatescope.chart;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.awt.image.Raster;
import java.awt.image.SinglePixelPackedSampleModel;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * A PNG encoder for chart images: 8-bit RGB, every row filtered "Up" (the difference to the row
 * above) and deflated at the fastest level. A chart is mostly flat colour, so after the Up filter most
 * rows are runs of zeros that the fastest level packs as well as the JDK's writer packs them with its
 * per-row filter search at the default level; in the profile of {@code export --all}, that writer
 * (its filter search, its pixel copies and its deflate) took three quarters of the CPU time. This
 * one reads the image's pixels in place and spends about a third of that (docs/performance.md).
 */
final class Png {
    private static final byte[] SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
    /** PNG's filter type 2: each byte minus the byte above it. */
    private static final byte FILTER_UP = 2;
    /** Bytes per IDAT chunk: the format allows up to 2³¹, readers are happiest with modest chunks. */
    private static final int CHUNK = 1 << 18;

    private Png() {
    }

    /** Writes {@code image} (its RGB; alpha, if any, is dropped) to {@code out} as a PNG file. */
    static void write(BufferedImage image, OutputStream out) throws IOException {
        int w = image.getWidth(), h = image.getHeight();
        DataOutputStream data = new DataOutputStream(out);
        data.write(SIGNATURE);
        byte[] header = new byte[13];
        putInt(header, 0, w);
        putInt(header, 4, h);
        header[8] = 8;       // bits per sample
        header[9] = 2;       // colour type: RGB
        // compression 0 (deflate), filter method 0, no interlace: the zeros already there
        chunk(data, "IHDR", header, header.length);

        Pixels pixels = Pixels.of(image);
        byte[] above = new byte[3 * w], row = new byte[3 * w], line = new byte[3 * w + 1];
        byte[] buffer = new byte[CHUNK];
        int filled = 0;
        Deflater deflater = new Deflater(Deflater.BEST_SPEED);
        try {
            line[0] = FILTER_UP;
            for (int y = 0; y < h; y++) {
                pixels.row(y, row);
                for (int i = 0; i < row.length; i++) line[i + 1] = (byte) (row[i] - above[i]);
                byte[] swap = above;
                above = row;
                row = swap;
                deflater.setInput(line);
                while (!deflater.needsInput()) {
                    filled += deflater.deflate(buffer, filled, CHUNK - filled);
                    if (filled == CHUNK) filled = chunk(data, "IDAT", buffer, filled);
                }
            }
            deflater.finish();
            while (!deflater.finished()) {
                filled += deflater.deflate(buffer, filled, CHUNK - filled);
                if (filled == CHUNK) filled = chunk(data, "IDAT", buffer, filled);
            }
            if (filled > 0) chunk(data, "IDAT", buffer, filled);
        } finally {
            deflater.end();
        }
        chunk(data, "IEND", new byte[0], 0);
        data.flush();
    }

    /** Writes one chunk (length, type, data, CRC of type and data); returns 0, the buffer's new fill. */
    private static int chunk(DataOutputStream out, String type, byte[] bytes, int length) throws IOException {
        byte[] name = type.getBytes(StandardCharsets.US_ASCII);
        CRC32 crc = new CRC32();
        crc.update(name);
        crc.update(bytes, 0, length);
        out.writeInt(length);
        out.write(name);
        out.write(bytes, 0, length);
        out.writeInt((int) crc.getValue());
        return 0;
    }

    private static void putInt(byte[] b, int at, int v) {
        b[at] = (byte) (v >>> 24);
        b[at + 1] = (byte) (v >>> 16);
        b[at + 2] = (byte) (v >>> 8);
        b[at + 3] = (byte) v;
    }

    /** Rows of an image as R, G, B bytes: read in place from an int-packed image, else through getRGB. */
    private interface Pixels {
        void row(int y, byte[] rgb);

        static Pixels of(BufferedImage image) {
            Raster raster = image.getRaster();
            boolean packed = (image.getType() == BufferedImage.TYPE_INT_RGB || image.getType() == BufferedImage.TYPE_INT_ARGB)
                    && raster.getDataBuffer() instanceof DataBufferInt && raster.getSampleModel() instanceof SinglePixelPackedSampleModel
                    && raster.getParent() == null;
            int w = image.getWidth();
            if (packed) {
                int[] data = ((DataBufferInt) raster.getDataBuffer()).getData();
                int stride = ((SinglePixelPackedSampleModel) raster.getSampleModel()).getScanlineStride();
                int offset = raster.getDataBuffer().getOffset();
                return (y, rgb) -> unpack(data, offset + y * stride, w, rgb);
            }
            int[] argb = new int[w];
            return (y, rgb) -> unpack(image.getRGB(0, y, w, 1, argb, 0, w), 0, w, rgb);
        }

        private static void unpack(int[] from, int at, int w, byte[] rgb) {
            for (int x = 0, i = 0; x < w; x++) {
                int p = from[at + x];
                rgb[i++] = (byte) (p >>> 16);
                rgb[i++] = (byte) (p >>> 8);
                rgb[i++] = (byte) p;
            }
        }
    }
}
