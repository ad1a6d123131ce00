package io.gatescope.chart;

import io.gatescope.io.AtomicFiles;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BooleanSupplier;
import java.util.function.IntFunction;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageOutputStream;

/**
 * A sequence of charts (one per time step, or per sub-step) as an animated GIF for a slide, written
 * with the JDK's own GIF writer: each frame carries the delay, and the animation loops. Each frame
 * gets its own 256 colours ({@link GifPalette}): exact where the chart has few, the nearest otherwise.
 *
 * <p>Every frame is drawn at the largest preferred size among the frames, so a title that grows by
 * a character does not make the picture jump; a chart draws its background over the whole frame.
 */
public final class Animation {
    /** GIF delays count hundredths of a second; browsers treat less than 2 as "as fast as possible". */
    public static final int MIN_DELAY_MS = 20;
    public static final int MAX_DELAY_MS = 655_350;

    /** Told after each frame (or file of a series). */
    public interface Progress {
        void framesDone(int done, int total);
    }

    private Animation() {
    }

    /**
     * Writes {@code count} frames, frame {@code k} being {@code frame.apply(k)}, as a looping GIF
     * magnified by {@code scale}, each shown for {@code delayMs} ms.
     *
     * @param cancelled asked before each frame; when it answers true nothing is written
     * @throws CancellationException when cancelled (the target is left as it was)
     */
    public static void gif(IntFunction<? extends Chart> frame, int count, int delayMs, double scale, Path file,
                           BooleanSupplier cancelled, Progress progress) throws IOException {
        if (count < 1) throw new IllegalArgumentException("an animation needs at least one frame");
        if (delayMs < MIN_DELAY_MS || delayMs > MAX_DELAY_MS) {
            throw new IllegalArgumentException("the frame delay must be in " + MIN_DELAY_MS + ".." + MAX_DELAY_MS
                    + " ms, got " + delayMs);
        }
        double width = 0, height = 0;
        Chart[] charts = new Chart[count];
        for (int k = 0; k < count; k++) {
            charts[k] = frame.apply(k);
            width = Math.max(width, charts[k].preferredSize().width());
            height = Math.max(height, charts[k].preferredSize().height());
        }
        double w = width, h = height;
        ImageWriter writer = ImageIO.getImageWritersByFormatName("gif").next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        // Frames are drawn and reduced to their palettes on every core, a few ahead of the writer
        // (which must take them in order), so memory holds only those few.
        int cores = Runtime.getRuntime().availableProcessors();
        ExecutorService pool = Executors.newFixedThreadPool(cores, r -> {
            Thread t = new Thread(r, "gatescope-gif");
            t.setDaemon(true);
            return t;
        });
        Deque<Future<BufferedImage>> ahead = new ArrayDeque<>();
        try (ImageOutputStream out = ImageIO.createImageOutputStream(bytes)) {
            writer.setOutput(out);
            writer.prepareWriteSequence(null);
            int next = 0;
            for (int k = 0; k < count; k++) {
                while (next < count && ahead.size() < cores + 1) {
                    Chart chart = charts[next++];
                    ahead.add(pool.submit(() -> GifPalette.indexed(ChartExport.image(chart, w, h, scale))));
                }
                if (cancelled.getAsBoolean()) throw new CancellationException("the animation was cancelled");
                BufferedImage image = await(ahead.poll());
                writer.writeToSequence(new IIOImage(image, null, frameMetadata(writer, image, delayMs, k == 0)), null);
                progress.framesDone(k + 1, count);
            }
            writer.endWriteSequence();
        } finally {
            pool.shutdownNow();
            writer.dispose();
        }
        AtomicFiles.write(file, bytes.toByteArray());
    }

    private static BufferedImage await(Future<BufferedImage> frame) throws IOException {
        try {
            return frame.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("the animation was interrupted");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) throw r;
            if (e.getCause() instanceof Error err) throw err;
            throw new IOException(e.getCause());
        }
    }

    /** The delay of every frame, and on the first the NETSCAPE2.0 block that makes viewers loop forever. */
    private static IIOMetadata frameMetadata(ImageWriter writer, BufferedImage image, int delayMs, boolean first)
            throws IOException {
        IIOMetadata meta = writer.getDefaultImageMetadata(ImageTypeSpecifier.createFromRenderedImage(image), null);
        String format = meta.getNativeMetadataFormatName();
        IIOMetadataNode root = (IIOMetadataNode) meta.getAsTree(format);
        IIOMetadataNode control = child(root, "GraphicControlExtension");
        control.setAttribute("disposalMethod", "none");
        control.setAttribute("userInputFlag", "FALSE");
        control.setAttribute("transparentColorFlag", "FALSE");
        control.setAttribute("delayTime", Integer.toString(Math.round(delayMs / 10f)));
        control.setAttribute("transparentColorIndex", "0");
        if (first) {
            IIOMetadataNode loop = new IIOMetadataNode("ApplicationExtension");
            loop.setAttribute("applicationID", "NETSCAPE");
            loop.setAttribute("authenticationCode", "2.0");
            loop.setUserObject(new byte[] {1, 0, 0});      // sub-block 1: loop count 0 = for ever
            child(root, "ApplicationExtensions").appendChild(loop);
        }
        meta.setFromTree(format, root);
        return meta;
    }

    private static IIOMetadataNode child(IIOMetadataNode root, String name) {
        for (int i = 0; i < root.getLength(); i++) {
            if (root.item(i).getNodeName().equalsIgnoreCase(name)) return (IIOMetadataNode) root.item(i);
        }
        IIOMetadataNode node = new IIOMetadataNode(name);
        root.appendChild(node);
        return node;
    }
}
