package io.gatescope.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** Both training threads run at the lowered priority, on Linux; the thread that started them is told so. */
class BackgroundPriorityTest {
    /** The niceness of every task of this process whose name starts with {@code prefix}, by task id. */
    static Map<String, Integer> niceness(String prefix) {
        Map<String, Integer> out = new HashMap<>();
        try (var tasks = Files.list(Path.of("/proc/self/task"))) {
            for (Path t : tasks.toList()) {
                try {
                    if (!Files.readString(t.resolve("comm")).startsWith(prefix)) continue;
                    String stat = Files.readString(t.resolve("stat"));
                    out.put(t.getFileName().toString(), Integer.parseInt(stat.substring(stat.lastIndexOf(')') + 2).split(" ")[16]));
                } catch (IOException gone) {
                    // the thread ended while we looked
                }
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return out;
    }

    @Test
    void aRunsCoordinatorAndShardThreadRunNiced() throws Exception {
        assumeTrue(Files.isDirectory(Path.of("/proc/thread-self")), "Linux only");
        CompletableFuture<Map<String, Integer>> during = new CompletableFuture<>();
        CompletableFuture<Integer> before = new CompletableFuture<>();
        Thread coordinator = new Thread(() -> {
            try {
                // a thread inherits its creator's niceness: start from 0 where allowed (root), so the test shows a change
                new ProcessBuilder("renice", "-n", "0", "-p", Path.of("/proc/thread-self").toRealPath().getFileName().toString())
                        .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor();
                before.complete(BackgroundPriority.niceness());
                Trainer t = new Trainer(TrainingConfig.defaults("lstm", 4).withEpochs(2).withThreads(2)
                        .with(TrainingSetting.EXAMPLES, 400).with(TrainingSetting.BATCH, 32));
                // the shard thread is the one task named so that the run adds (comm keeps 15 characters: other
                // gatescope-training… threads of earlier tests look the same)
                java.util.Set<String> earlier = niceness("gatescope-train").keySet();
                t.run(s -> {   // the first epoch's end, on the coordinator, while the shard thread lives
                    if (during.isDone()) return;
                    Map<String, Integer> added = niceness("gatescope-train");
                    added.keySet().removeAll(earlier);
                    during.complete(merge(niceness("gatescope-test-"), added));
                });
            } catch (Exception e) {
                before.completeExceptionally(e);
                during.completeExceptionally(e);
            }
        }, "gatescope-test-coordinator");
        coordinator.start();
        coordinator.join();
        assumeTrue(before.get() < BackgroundPriority.NICENESS, "this thread was niced already and cannot be raised back");
        Map<String, Integer> seen = during.get();
        assertThat(seen).as("the coordinator and the shard thread").hasSize(2);
        assertThat(seen.values()).containsOnly(BackgroundPriority.NICENESS);
    }

    private static Map<String, Integer> merge(Map<String, Integer> a, Map<String, Integer> b) {
        Map<String, Integer> out = new HashMap<>(a);
        out.putAll(b);
        return out;
    }

    @Test
    void readsItsOwnNicenessWhereThereIsOne() throws Exception {
        assumeTrue(Files.isDirectory(Path.of("/proc/thread-self")), "Linux only");
        assertThat(BackgroundPriority.niceness()).isBetween(-20, 19);
    }
}
